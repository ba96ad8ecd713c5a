package org.muster.segment;

import java.time.Instant;

/** A named filter of a campaign, kept as its text form. */
public record SavedSegment(long id, long campaignId, String name, String filter, Long createdBy, Instant updatedAt) {
}
