package org.muster.segment;

import java.util.List;
import java.util.Optional;

/** Saved segments of a campaign, unique by name. */
public interface SavedSegmentStore {

    /** Creates the segment or replaces the filter of the one with that name; the filter must parse. */
    SavedSegment save(long campaignId, String name, String filter, Long userId);

    Optional<SavedSegment> find(long campaignId, String name);

    /** By name. */
    List<SavedSegment> list(long campaignId);

    /** A resolver that reads this campaign's saved segments, for {@code segment(name)} clauses. */
    default SegmentResolver resolver(long campaignId) {
        return new SegmentResolver(name -> find(campaignId, name).map(SavedSegment::filter));
    }
}
