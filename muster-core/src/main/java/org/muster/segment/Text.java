package org.muster.segment;

import java.util.Collection;
import java.util.stream.Collectors;

/** Printing values in the filter text form: bare when they lex as one word, quoted otherwise. */
final class Text {

    private Text() {
    }

    static String value(String v) {
        return SegmentLexer.isWord(v) ? v : quote(v);
    }

    static String quote(String v) {
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A number as the parser reads it back: no exponent, no trailing ".0". */
    static String number(double v) {
        String s = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Cents as a dollar amount: 5000 is 50, 4999 is 49.99. */
    static String cents(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).stripTrailingZeros().toPlainString();
    }

    static String values(Collection<String> values) {
        return values.stream().sorted().map(Text::value).collect(Collectors.joining(", ", "(", ")"));
    }
}
