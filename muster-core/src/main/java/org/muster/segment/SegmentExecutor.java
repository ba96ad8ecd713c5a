package org.muster.segment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates resolved filters (no {@link Filter.SegmentRef} left) over one campaign's people. {@code now} fixes the
 * meaning of relative clauses (age, contacted within N days) so two executors can be compared exactly.
 */
public interface SegmentExecutor {

    long count(Filter filter, Instant now);

    /** Ids of the matching people, ascending. */
    long[] ids(Filter filter, Instant now);

    /** The first page: the {@code limit} lowest matching ids, ascending. */
    long[] firstIds(Filter filter, Instant now, int limit);

    /** Matching people per precinct of their registrations, largest first then by precinct. */
    Map<String, Long> countByPrecinct(Filter filter, Instant now);

    /** Orders a breakdown the way both executors report it. */
    static Map<String, Long> largestFirst(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
