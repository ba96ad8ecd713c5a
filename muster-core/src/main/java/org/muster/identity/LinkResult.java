package org.muster.identity;

import java.util.List;
import org.muster.match.Explanation;

/**
 * What {@link PersonLinker#link} decided. {@code personId} is the matched person (MATCH) or the one created (REVIEW,
 * NEW); {@code reviewIds} are the queued pairs (REVIEW only); {@code best} is the strongest candidate's evidence
 * (null when no candidate came near).
 */
public record LinkResult(Decision decision, long personId, List<Long> reviewIds, Explanation best) {

    public LinkResult {
        reviewIds = List.copyOf(reviewIds);
    }

    /** The three outcomes of linking one incoming person. */
    public enum Decision {
        MATCH, REVIEW, NEW
    }
}
