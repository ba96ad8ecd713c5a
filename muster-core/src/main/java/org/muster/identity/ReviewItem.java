package org.muster.identity;

import org.muster.match.Explanation;

/**
 * One pair in the review queue. The pair is held smaller person id first; {@code explanation} is the matcher's
 * per-field evidence when it was queued.
 */
public record ReviewItem(long id, long campaignId, long leftPersonId, long rightPersonId, double probability,
        Explanation explanation, String source, Status status, long createdAt, Long decidedBy, Long decidedAt) {

    /** OPEN until a person decides; MERGED or REJECTED (the remembered "not the same person") after. */
    public enum Status {
        OPEN, MERGED, REJECTED
    }
}
