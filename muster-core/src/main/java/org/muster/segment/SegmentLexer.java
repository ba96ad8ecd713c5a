package org.muster.segment;

import java.util.ArrayList;
import java.util.List;

/** Splits the filter text into tokens, each with its offset so errors can point at it. */
final class SegmentLexer {

    enum Kind { WORD, STRING, LPAREN, RPAREN, COMMA, OP, END }

    record Token(Kind kind, String text, int offset) {
        String describe() {
            return switch (kind) {
                case END -> "the end of the filter";
                case STRING -> "\"" + text + "\"";
                default -> "'" + text + "'";
            };
        }
    }

    private SegmentLexer() {
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || "_-./:@+%".indexOf(c) >= 0;
    }

    static boolean isWord(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!isWordChar(s.charAt(i))) return false;
        }
        return true;
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                out.add(new Token(c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : Kind.COMMA, String.valueOf(c), i));
                i++;
            } else if (c == '"') {
                i = string(text, i, out);
            } else if ("=<>!".indexOf(c) >= 0) {
                boolean two = i + 1 < text.length() && text.charAt(i + 1) == '=' && c != '=';
                String op = text.substring(i, i + (two ? 2 : 1));
                if (op.equals("!")) throw new SegmentParseException("'!' must be followed by '=' (use 'not' to negate)", i);
                out.add(new Token(Kind.OP, op, i));
                i += op.length();
            } else if (isWordChar(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) i++;
                out.add(new Token(Kind.WORD, text.substring(start, i), start));
            } else {
                throw new SegmentParseException("unexpected character '" + c + "'", i);
            }
        }
        out.add(new Token(Kind.END, "", text.length()));
        return out;
    }

    private static int string(String text, int start, List<Token> out) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                out.add(new Token(Kind.STRING, value.toString(), start));
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            value.append(c);
            i++;
        }
        throw new SegmentParseException("unterminated string", start);
    }
}
