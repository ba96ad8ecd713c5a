package org.muster.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.muster.reference.ReferenceCsv;

/**
 * The parts of a normalised street address that say which street: the house number and the name words, without
 * street types (USPS suffixes and their variants: street, st, avenue, place...) and directions. Computed once per
 * record so the residence comparison can tell "same street, typed differently" (12 banks street / 12 banks xtreet
 * flat 2) from a different street without tokenising in the comparison loop.
 */
final class StreetWords {

    private static final String[] NONE = new String[0];
    private static final Set<String> NOT_A_NAME = notAName();

    private StreetWords() {
    }

    private static Set<String> notAName() {
        Set<String> words = new HashSet<>(List.of("north", "south", "east", "west", "northeast", "northwest",
                "southeast", "southwest", "apt", "unit", "flat", "suite", "ste", "lot", "room", "box", "po"));
        for (String[] row : ReferenceCsv.rows("street/usps_street_suffixes.csv")) {
            words.add(row[0].toLowerCase(Locale.ROOT));
            words.add(row[1].toLowerCase(Locale.ROOT));
            for (String variant : row[2].split("\\|")) words.add(variant.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(words);
    }

    /** The first all-digit word (the house number), or null. */
    static String number(String address) {
        if (address == null) return null;
        for (String word : address.split(" ")) {
            if (!word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9')) return word;
        }
        return null;
    }

    /** Words of three or more letters that are neither a street type nor a direction or unit designator. */
    static String[] names(String address) {
        if (address == null) return NONE;
        List<String> out = new ArrayList<>(4);
        for (String word : address.split(" ")) {
            if (word.length() >= 3 && word.chars().allMatch(Character::isLetter) && !NOT_A_NAME.contains(word)) {
                out.add(word);
            }
        }
        return out.isEmpty() ? NONE : out.toArray(String[]::new);
    }

    /**
     * Same street: a name word in common (words of five or more letters may differ by one typing error) and house
     * numbers that do not contradict each other (equal, or one unknown).
     */
    static boolean sameStreet(MatchRecord a, MatchRecord b) {
        if (a.streetNumber != null && b.streetNumber != null && !a.streetNumber.equals(b.streetNumber)) return false;
        for (String x : a.streetNames) {
            for (String y : b.streetNames) {
                if (x.equals(y) || oneTypoApart(x, y)) return true;
            }
        }
        return false;
    }

    /**
     * Words of five or more letters one edit apart. One edit leaves the first or the last letter in place, a cheap
     * test that spares most pairs the edit distance.
     */
    private static boolean oneTypoApart(String x, String y) {
        int lx = x.length();
        int ly = y.length();
        if (lx < 5 || ly < 5 || Math.abs(lx - ly) > 1) return false;
        if (x.charAt(0) != y.charAt(0) && x.charAt(lx - 1) != y.charAt(ly - 1)) return false;
        return Similarity.damerauLevenshtein(x, y, 1) <= 1;
    }
}
