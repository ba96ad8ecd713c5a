package org.muster.match;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Field normalisation before comparison. Every value is bounded to {@link #MAX_LENGTH} characters so a huge field
 * cannot slow the comparison loop (and the bit-mask Jaro-Winkler relies on it); empty results become null.
 */
final class Normalize {

    static final int MAX_LENGTH = 64;

    private Normalize() {
    }

    /** Letters (any script, accents removed), digits and single spaces, lower case. */
    static String text(String raw) {
        if (raw == null) return null;
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_LENGTH));
        boolean space = false;
        for (int i = 0; i < s.length() && out.length() < MAX_LENGTH; i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            if (Character.isLetterOrDigit(c)) {
                if (space && !out.isEmpty()) out.append(' ');
                out.append(c);
                space = false;
            } else if (c != '\'' && c != '.') {
                // apostrophes and dots join (o'brien = obrien), anything else separates words
                space = true;
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /**
     * Values clerks type when they do not know the name: kept, thousands of records would agree on them and
     * match each other (and inflate the estimated share of matches for everyone else).
     */
    private static final java.util.Set<String> PLACEHOLDER_NAMES = java.util.Set.of("unknown", "unk", "none", "null",
            "na", "nfn", "nmn", "nln", "xxx", "xx", "x", "test", "noname", "fnu", "lnu");

    /** Names: like {@link #text} with hyphens and spaces dropped, so "Smith-Jones" equals "smith jones". */
    static String name(String raw) {
        String s = text(raw);
        if (s == null) return null;
        s = s.replace(" ", "");
        return PLACEHOLDER_NAMES.contains(s) ? null : s;
    }

    /** Digits only, keeping the last {@code keep} (phones) or first {@code keep} (zip) digits. */
    static String digits(String raw, int keep, boolean fromEnd) {
        if (raw == null) return null;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length() && out.length() < MAX_LENGTH; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') out.append(c);
        }
        if (out.isEmpty()) return null;
        if (out.length() <= keep) return out.toString();
        return fromEnd ? out.substring(out.length() - keep) : out.substring(0, keep);
    }

    static String email(String raw) {
        if (raw == null) return null;
        String s = raw.strip().toLowerCase(Locale.ROOT);
        int at = s.indexOf('@');
        if (at <= 0 || at == s.length() - 1 || s.length() > MAX_LENGTH) return null;
        return s;
    }
}
