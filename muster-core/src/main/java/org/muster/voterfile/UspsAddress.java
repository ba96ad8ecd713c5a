package org.muster.voterfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.muster.reference.ReferenceCsv;

/**
 * Street lines and ZIP codes in the standard forms of USPS Publication 28: upper case, no punctuation, street
 * suffixes abbreviated (AVENUE to AVE, C.2), directionals abbreviated (NORTH to N, B.4), secondary unit designators
 * abbreviated (APARTMENT to APT, C.2). Conservative: a word is only changed where Pub 28 puts that element, so
 * "NORTH ST" and "PARK AVE" keep their street names.
 */
public final class UspsAddress {

    /** Compiled once: String.split with a pattern of more than one character compiles it on every call. */
    static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Map<String, String> SUFFIXES = new HashMap<>();
    private static final Map<String, String> DIRECTIONALS = Map.ofEntries(Map.entry("NORTH", "N"),
            Map.entry("SOUTH", "S"), Map.entry("EAST", "E"), Map.entry("WEST", "W"), Map.entry("NORTHEAST", "NE"),
            Map.entry("NORTHWEST", "NW"), Map.entry("SOUTHEAST", "SE"), Map.entry("SOUTHWEST", "SW"),
            Map.entry("N", "N"), Map.entry("S", "S"), Map.entry("E", "E"), Map.entry("W", "W"), Map.entry("NE", "NE"),
            Map.entry("NW", "NW"), Map.entry("SE", "SE"), Map.entry("SW", "SW"));
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("APARTMENT", "APT"),
            Map.entry("APT", "APT"), Map.entry("BUILDING", "BLDG"), Map.entry("BLDG", "BLDG"),
            Map.entry("DEPARTMENT", "DEPT"), Map.entry("DEPT", "DEPT"), Map.entry("FLOOR", "FL"), Map.entry("FL", "FL"),
            Map.entry("LOT", "LOT"), Map.entry("ROOM", "RM"), Map.entry("RM", "RM"), Map.entry("SPACE", "SPC"),
            Map.entry("SPC", "SPC"), Map.entry("SUITE", "STE"), Map.entry("STE", "STE"), Map.entry("TRAILER", "TRLR"),
            Map.entry("TRLR", "TRLR"), Map.entry("UNIT", "UNIT"), Map.entry("#", "#"));

    static {
        for (String[] row : ReferenceCsv.rows("street/usps_street_suffixes.csv")) {
            for (String variant : row[2].split("\\|")) SUFFIXES.put(variant, row[1]);
            SUFFIXES.put(row[0], row[1]);
        }
    }

    private UspsAddress() {
    }

    /** "123 north main street apartment 4b" to "123 N MAIN ST APT 4B"; null for a blank line. */
    public static String line(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String cleaned = raw.toUpperCase().replace(".", "").replace(",", " ").replace("#", " # ").strip();
        List<String> words = new ArrayList<>(Arrays.asList(WHITESPACE.split(cleaned)));
        int unit = words.size();
        for (int i = 1; i < words.size() - 1; i++) {
            if (UNITS.containsKey(words.get(i))) {
                unit = i;
                break;
            }
        }
        if (unit < words.size()) words.set(unit, UNITS.get(words.get(unit)));
        // The street part: [number] [pre-directional] name... [suffix] [post-directional]
        int end = unit;
        if (end >= 3 && DIRECTIONALS.containsKey(words.get(end - 1)) && SUFFIXES.containsKey(words.get(end - 2))) {
            words.set(end - 1, DIRECTIONALS.get(words.get(end - 1)));
            end--;
        }
        int first = Character.isDigit(words.getFirst().charAt(0)) ? 1 : 0;
        if (end - first >= 2 && SUFFIXES.containsKey(words.get(end - 1))) {
            words.set(end - 1, SUFFIXES.get(words.get(end - 1)));
            end--;
        }
        if (end - first >= 2 && DIRECTIONALS.containsKey(words.get(first))) {
            words.set(first, DIRECTIONALS.get(words.get(first)));
        }
        return String.join(" ", words);
    }

    /** "27601", "27601-1234" and "276011234" to "27601" or "27601-1234"; null when it is not a US ZIP code. */
    public static String zip(String raw) {
        if (raw == null) return null;
        String digits = raw.strip().replace("-", "").replace(" ", "");
        if (!digits.chars().allMatch(Character::isDigit)) return null;
        if (digits.length() == 5) return digits;
        if (digits.length() == 9) return digits.substring(0, 5) + "-" + digits.substring(5);
        return null;
    }
}
