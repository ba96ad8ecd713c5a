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

    static String values(Collection<String> values) {
        return values.stream().sorted().map(Text::value).collect(Collectors.joining(", ", "(", ")"));
    }
}
