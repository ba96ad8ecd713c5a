package org.muster.messaging;

import java.time.Instant;
import org.muster.segment.SegmentExecutor;
import org.muster.segment.SegmentParser;
import org.muster.segment.SegmentResolver;

/** The people a send's segment filter names, before any audience rule: what the segment executors answer. */
@FunctionalInterface
public interface Audience {

    long[] personIds(long campaignId, String filter, Instant now);

    /** Through an executor and the campaign's saved segments (for {@code segment(name)} clauses). */
    static Audience of(SegmentExecutor executor, SegmentResolver resolver) {
        return (campaignId, filter, now) -> executor.ids(resolver.resolve(SegmentParser.parse(filter)), now);
    }
}
