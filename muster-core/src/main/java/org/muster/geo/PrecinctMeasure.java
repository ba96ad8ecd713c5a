package org.muster.geo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.canvass.CanvassActivities;
import org.muster.segment.Filter;
import org.muster.segment.SegmentExecutor;
import org.muster.segment.SegmentParser;

/**
 * What a precinct map is coloured by, for the people of a base segment (everyone when there is none). Every measure
 * is a ratio of two segment counts per precinct, so the bitmap index answers it in milliseconds at any size:
 * <ul>
 *   <li>{@code DENSITY}: share of the precinct's people who are in the segment;</li>
 *   <li>{@code TURNOUT}: share of the segment's people there who voted in an election;</li>
 *   <li>{@code SUPPORT}: average support level (1 strong support .. 5 strong opposition) of those with one;</li>
 *   <li>{@code CONTACT}: share of the segment's people there with a canvassing result in the last N days: any
 *       door knock or call, answered or not ({@link CanvassActivities#ALL}), or only activities of one type when
 *       given.</li>
 * </ul>
 */
public enum PrecinctMeasure {
    DENSITY("Share of people in the segment"),
    TURNOUT("Turnout"),
    SUPPORT("Average support (1 strong support .. 5 strong opposition)"),
    CONTACT("Reached by the field");

    /** True for everyone: household_size counts a person without a household as 1. */
    private static final Filter EVERYONE = new Filter.HouseholdSize(Filter.Cmp.GE, 1);

    private final String label;

    PrecinctMeasure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value of one precinct: {@code value = numerator / denominator}, or the average support level. */
    public record Value(double value, long numerator, long denominator) {
    }

    /**
     * The measure per precinct code (precincts with no one in the denominator are left out).
     *
     * @param base     the segment, resolved; null for everyone
     * @param argument the election (as in {@code voted(...)}) for TURNOUT; for CONTACT the number of days, optionally
     *                 followed by a comma and one activity type (default: every canvassing result)
     * @throws org.muster.segment.SegmentParseException when the argument is not an election or a number of days
     */
    public Map<String, Value> compute(SegmentExecutor index, Filter base, String argument, Instant now) {
        Filter segment = base == null ? EVERYONE : base;
        Map<String, Value> out = new HashMap<>();
        switch (this) {
            case DENSITY -> ratio(out, index.countByPrecinct(segment, now), index.countByPrecinct(EVERYONE, now));
            case TURNOUT -> ratio(out, index.countByPrecinct(and(segment,
                    SegmentParser.parse("voted(" + quoted(argument) + ")")), now), index.countByPrecinct(segment, now));
            case CONTACT -> ratio(out, index.countByPrecinct(and(segment,
                    contacted(argument)), now), index.countByPrecinct(segment, now));
            case SUPPORT -> {
                Map<String, long[]> sums = new HashMap<>();
                for (int level = 1; level <= 5; level++) {
                    int weight = level;
                    index.countByPrecinct(and(segment, new Filter.Support(Filter.Cmp.EQ, level)), now).forEach((p, n) -> {
                        long[] s = sums.computeIfAbsent(p, k -> new long[2]);
                        s[0] += weight * n;
                        s[1] += n;
                    });
                }
                sums.forEach((p, s) -> out.put(p, new Value(s[0] / (double) s[1], s[0], s[1])));
            }
        }
        return out;
    }

    private static void ratio(Map<String, Value> out, Map<String, Long> numerators, Map<String, Long> denominators) {
        denominators.forEach((p, d) -> {
            long n = numerators.getOrDefault(p, 0L);
            out.put(p, new Value(n / (double) d, n, d));
        });
    }

    private static Filter and(Filter a, Filter b) {
        return new Filter.And(List.of(a, b));
    }

    /** A bare word (2024-general, 2024-11-05) as typed; anything else is an exact election name, quoted. */
    private static String quoted(String election) {
        if (election == null || election.isBlank()) throw new IllegalArgumentException("turnout needs an election, e.g. 2024-general");
        String e = election.strip();
        return e.matches("[A-Za-z0-9_./:@+-]+") ? e : "\"" + e.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Filter contacted(String argument) {
        String[] parts = (argument == null ? "" : argument).split(",", 2);
        String type = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null;
        if (type != null && !type.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("an activity type is letters, digits, '_', '.' or '-', not '" + type + "'");
        }
        int days;
        try {
            days = Integer.parseInt(parts[0].strip());
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 1 || days > 36_500) {
            throw new IllegalArgumentException("contact progress needs a number of days between 1 and 36500, not '" + parts[0].strip() + "'");
        }
        if (type != null) return new Filter.Contacted(days, type);
        int window = days;
        return new Filter.Or(CanvassActivities.ALL.stream().<Filter>map(t -> new Filter.Contacted(window, t)).toList());
    }
}
