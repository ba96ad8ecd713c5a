package org.muster.event;

import java.time.Instant;

/** An event of a campaign. */
public record Event(long id, long campaignId, String name, Instant startsAt, String location) {
}
