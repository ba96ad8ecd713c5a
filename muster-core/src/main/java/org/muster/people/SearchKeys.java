package org.muster.people;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Lower-case ASCII keys that people are searched by. Stored beside the readable values and compared by index
 * range ({@code key >= prefix and key < upperBound(prefix)}), which both SQLite and PostgreSQL answer from a
 * B-tree without scanning, unlike {@code LIKE} or {@code lower(...)}.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    /** "José O'Brien-Smith" becomes "joseobriensmith": accents folded, punctuation and spaces dropped. */
    public static String name(String value) {
        return fold(value).replaceAll("[^a-z0-9]", "");
    }

    /** Street addresses keep single spaces between words: "12 Oak St., Apt 4" becomes "12 oak st apt 4". */
    public static String address(String value) {
        return fold(value).replaceAll("[^a-z0-9 ]", " ").replaceAll(" +", " ").trim();
    }

    public static String email(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    /** Digits only, with the North American country code added to a bare ten-digit number. */
    public static String phone(String value) {
        String digits = value == null ? "" : value.replaceAll("[^0-9]", "");
        return digits.length() == 10 ? "1" + digits : digits;
    }

    /** The smallest key greater than every key starting with the prefix (keys are ASCII below '~'). */
    public static String upperBound(String prefix) {
        return prefix + '~';
    }

    private static String fold(String value) {
        if (value == null) return "";
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
