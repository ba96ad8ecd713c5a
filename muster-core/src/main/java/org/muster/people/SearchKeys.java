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
        return key(value, false);
    }

    /** Street addresses keep single spaces between words: "12 Oak St., Apt 4" becomes "12 oak st apt 4". */
    public static String address(String value) {
        return key(value, true);
    }

    /**
     * The key characters of the folded value, words separated by one space if {@code spaces}. One pass over the
     * value itself when it is ASCII (nearly every row of a state file): the importer computes three keys a voter.
     */
    private static String key(String value, boolean spaces) {
        if (value == null) return "";
        String folded = isAscii(value) ? value : fold(value);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
            if (isKeyChar(c)) {
                if (space && spaces && !out.isEmpty()) out.append(' ');
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

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /** Lower case with accents dropped, for values that are not plain ASCII. */
    private static String fold(String value) {
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
