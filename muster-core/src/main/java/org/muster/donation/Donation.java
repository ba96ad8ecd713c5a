package org.muster.donation;

import java.time.Instant;

/** One gift: amount in integer cents so sums and comparisons are exact. */
public record Donation(long id, long personId, long amountCents, String currency, Instant donatedAt, String source, String externalId) {
}
