package org.muster.canvass;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walking order for a list not cut from a turf: by street, then house number (numerically, so 9 comes before 10),
 * then unit, then name. People without an address go last.
 */
public final class WalkOrder {

    private static final Pattern HOUSE = Pattern.compile("^(\\d{1,9})\\s*([A-Za-z]?)\\s+(.*)$");

    /** What a door is sorted by. */
    public record Key(String street, long houseNumber, String unit, String name) {
    }

    public static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.street().isEmpty())
            .thenComparing(Key::street).thenComparingLong(Key::houseNumber).thenComparing(Key::unit).thenComparing(Key::name);

    private WalkOrder() {
    }

    /** The sort key of an address line ("12 ELM ST"), a second line (apartment) and the person's name. */
    public static Key key(String line1, String line2, String name) {
        String l1 = line1 == null ? "" : line1.strip().toUpperCase(Locale.ROOT);
        String unit = line2 == null ? "" : line2.strip().toUpperCase(Locale.ROOT);
        Matcher m = HOUSE.matcher(l1);
        String n = name == null ? "" : name;
        if (m.matches()) return new Key(m.group(3), Long.parseLong(m.group(1)), m.group(2) + unit, n);
        return new Key(l1, Long.MAX_VALUE, unit, n);
    }
}
