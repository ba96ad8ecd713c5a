package org.muster.people;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Lower-case ASCII keys that people are searched by. Stored beside the readable values and compared by index
 * range ({@code key >= prefix and key < upperBound(prefix)}), which both SQLite and PostgreSQL answer from a
 * B-tree without scanning, unlike {@code LIKE} or {@code lower(...)}. Computed for every row of a voter file, so
 * they are character loops, not regular expressions (a replaceAll compiles its pattern on each call).
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    /** "José O'Brien-Smith" becomes "joseobriensmith": accents folded, punctuation and spaces dropped. */
    public static String name(String value) {
        String folded = fold(value);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (isKeyChar(c)) out.append(c);
        }
        return out.toString();
    }

    /** Street addresses keep single spaces between words: "12 Oak St., Apt 4" becomes "12 oak st apt 4". */
    public static String address(String value) {
        String folded = fold(value);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (isKeyChar(c)) {
                if (space && !out.isEmpty()) out.append(' ');
                out.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    public static String email(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    /** Digits only, with the North American country code added to a bare ten-digit number. */
    public static String phone(String value) {
        if (value == null) return "";
        StringBuilder digits = new StringBuilder(value.length() + 1);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') digits.append(c);
        }
        return digits.length() == 10 ? digits.insert(0, '1').toString() : digits.toString();
    }

    /** The smallest key greater than every key starting with the prefix (keys are ASCII below '~'). */
    public static String upperBound(String prefix) {
        return prefix + '~';
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Lower case with accents dropped; plain ASCII (nearly every row of a state file) skips the decomposition. */
    private static String fold(String value) {
        if (value == null) return "";
        boolean ascii = true;
        for (int i = 0; i < value.length() && ascii; i++) ascii = value.charAt(i) < 0x80;
        if (ascii) return value.toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
