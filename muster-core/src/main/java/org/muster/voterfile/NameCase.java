package org.muster.voterfile;

import java.util.Map;
import java.util.Set;

/** Turns the all-caps names of state files into the form people write them ("O'BRIEN" to "O'Brien"). */
public final class NameCase {

    private static final Set<String> UPPER_SUFFIXES = Set.of("I", "II", "III", "IV", "V", "VI");
    /** Ordinals some counties type for generational suffixes. */
    private static final Map<String, String> ORDINAL_SUFFIXES = Map.of("2ND", "II", "3RD", "III", "4TH", "IV",
            "5TH", "V", "6TH", "VI");

    private NameCase() {
    }

    /** Title case per word, also after apostrophes and hyphens, with the Mc prefix ("MCDONALD" to "McDonald"). */
    public static String name(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String s = raw.strip();
        StringBuilder out = new StringBuilder(s.length());
        boolean wordStart = true;
        int wordBegin = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (wordStart) wordBegin = i;
                boolean afterMc = i - wordBegin == 2 && (s.charAt(wordBegin) == 'M' || s.charAt(wordBegin) == 'm')
                        && (s.charAt(wordBegin + 1) == 'C' || s.charAt(wordBegin + 1) == 'c') && i + 1 < s.length()
                        && Character.isLetter(s.charAt(i + 1));
                out.append(wordStart || afterMc ? Character.toUpperCase(c) : Character.toLowerCase(c));
                wordStart = false;
            } else {
                out.append(c);
                wordStart = true;
            }
        }
        return out.toString();
    }

    /** "JR" and "JR." to "Jr", "3RD" to "III"; Roman numerals stay upper case. */
    public static String suffix(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String s = raw.strip().toUpperCase().replace(".", "");
        s = ORDINAL_SUFFIXES.getOrDefault(s, s);
        return UPPER_SUFFIXES.contains(s) ? s : name(s);
    }

    /** A middle name, or its initial without the dot ("J." to "J"). */
    public static String middle(String raw) {
        String s = name(raw);
        if (s != null && s.length() == 2 && s.charAt(1) == '.') return s.substring(0, 1);
        return s;
    }
}
