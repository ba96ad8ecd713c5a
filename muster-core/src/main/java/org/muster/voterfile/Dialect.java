package org.muster.voterfile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a delimited voter file is written: the separator and the character encoding. Values may be wrapped in double
 * quotes (a doubled quote inside stands for one), which also lets a value hold the separator; a row is one line.
 */
public record Dialect(char delimiter, Charset charset) {

    /** NCSBE files: tab-delimited, every value quoted, Latin-1. */
    public static final Dialect NC = new Dialect('\t', StandardCharsets.ISO_8859_1);

    public boolean latin1() {
        return charset.equals(StandardCharsets.ISO_8859_1);
    }

    /** "tabs", "commas", "pipes", ... for messages. */
    public String delimiterName() {
        return switch (delimiter) {
            case '\t' -> "tabs";
            case ',' -> "commas";
            case '|' -> "pipes";
            case ';' -> "semicolons";
            default -> "'" + delimiter + "'";
        };
    }
}
