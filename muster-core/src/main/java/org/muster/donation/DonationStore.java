package org.muster.donation;

import java.time.Instant;
import java.util.List;

/** Records and lists donations (implemented in {@code org.muster.store}). */
public interface DonationStore {

    /**
     * Records a gift and its outbox event in one transaction; returns its id. Refuses an amount of zero or less,
     * a currency that is not three letters, or a person that does not exist, naming the field.
     */
    long record(long personId, long amountCents, String currency, Instant donatedAt, String source, String externalId);

    /** A gift to record in bulk. */
    record NewDonation(long personId, long amountCents, String currency, java.time.Instant donatedAt, String source, String externalId) {
    }

    /** Records many gifts in one transaction (an outbox event per person); all refused if one is invalid, naming its row. */
    void recordAll(List<NewDonation> donations);

    /** The person's donations, newest first. */
    List<Donation> forPerson(long personId);
}
