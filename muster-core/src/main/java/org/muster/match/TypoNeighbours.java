package org.muster.match;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Values for typo-tolerant blocking keys: two inputs one typing error apart get at least one value in common, so
 * exact-value blocking finds them without comparing every pair.
 */
final class TypoNeighbours {

    /**
     * Texts shorter than this keep only themselves: deleting a letter of a three-letter name gives a two-letter
     * string half the file shares.
     */
    static final int MIN_LENGTH_FOR_DELETIONS = 4;

    private TypoNeighbours() {
    }

    /**
     * Each non-null text and every spelling of it with one character (code point) deleted, without duplicates.
     * Two texts within one edit (substitution, insertion, deletion, adjacent swap) share a value. Normalised
     * fields are at most {@link Normalize#MAX_LENGTH} characters, which bounds the count.
     */
    static String[] deletions(String a, String b) {
        Set<String> out = new LinkedHashSet<>();
        addDeletions(a, out);
        addDeletions(b, out);
        return out.toArray(String[]::new);
    }

    private static void addDeletions(String text, Set<String> out) {
        if (text == null || text.isEmpty()) return;
        out.add(text);
        if (text.codePointCount(0, text.length()) < MIN_LENGTH_FOR_DELETIONS) return;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            out.add(text.substring(0, i) + text.substring(i + Character.charCount(text.codePointAt(i))));
        }
    }

    /** The year with its last digit and with its tens digit unknown: 1972 gives 197_ and 19_2. */
    static String[] yearMasks(int year) {
        String y = Integer.toString(year);
        int n = y.length();
        return new String[] {y.substring(0, n - 1) + '_', y.substring(0, n - 2) + '_' + y.charAt(n - 1)};
    }
}
