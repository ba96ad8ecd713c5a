package org.muster.store;

import static org.muster.store.DonationEventTables.DonationTable;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.muster.donation.Donation;
import org.muster.donation.DonationStore;

/** Donations in the {@code donation} table (V14). */
public final class JooqDonationStore implements DonationStore {

    private final DSLContext dsl;

    public JooqDonationStore(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public long record(long personId, long amountCents, String currency, Instant donatedAt, String source, String externalId) {
        check(amountCents, currency, "");
        return dsl.transactionResult(cfg -> {
            if (!cfg.dsl().fetchExists(Tables.PersonTable.T, Tables.PersonTable.ID.eq(personId))) {
                throw new IllegalArgumentException("person " + personId + " does not exist");
            }
            long id = cfg.dsl().insertInto(DonationTable.T, DonationTable.PERSON_ID, DonationTable.AMOUNT_CENTS, DonationTable.CURRENCY,
                            DonationTable.DONATED_AT, DonationTable.SOURCE, DonationTable.EXTERNAL_ID)
                    .values(personId, amountCents, currency, donatedAt.toEpochMilli(), source, externalId)
                    .returningResult(DonationTable.ID).fetchOne().value1();
            Batch events = Outbox.batch(cfg.dsl());
            Outbox.add(events, System.currentTimeMillis(), "person", personId, "person.donated");
            events.execute();
            return id;
        });
    }

    @Override
    public void recordAll(List<NewDonation> donations) {
        for (int i = 0; i < donations.size(); i++) check(donations.get(i).amountCents(), donations.get(i).currency(), "row " + (i + 1) + ": ");
        dsl.transaction(cfg -> {
            Batch rows = new Batch(cfg.dsl(), DonationTable.T, DonationTable.PERSON_ID, DonationTable.AMOUNT_CENTS, DonationTable.CURRENCY,
                    DonationTable.DONATED_AT, DonationTable.SOURCE, DonationTable.EXTERNAL_ID);
            Batch events = Outbox.batch(cfg.dsl());
            long now = System.currentTimeMillis();
            java.util.Set<Long> people = new java.util.LinkedHashSet<>();
            for (NewDonation d : donations) {
                rows.add(d.personId(), d.amountCents(), d.currency(), d.donatedAt().toEpochMilli(), d.source(), d.externalId());
                if (people.add(d.personId())) Outbox.add(events, now, "person", d.personId(), "person.donated");
            }
            rows.execute();
            events.execute();
        });
    }

    private static void check(long amountCents, String currency, String where) {
        if (amountCents <= 0) throw new IllegalArgumentException(where + "amount must be more than 0 cents, not " + amountCents);
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException(where + "currency must be three capital letters (USD), not " + currency);
        }
    }

    @Override
    public List<Donation> forPerson(long personId) {
        return dsl.select(DonationTable.ID, DonationTable.PERSON_ID, DonationTable.AMOUNT_CENTS, DonationTable.CURRENCY, DonationTable.DONATED_AT,
                        DonationTable.SOURCE, DonationTable.EXTERNAL_ID)
                .from(DonationTable.T).where(DonationTable.PERSON_ID.eq(personId)).orderBy(DonationTable.DONATED_AT.desc(), DonationTable.ID.desc())
                .fetch(r -> new Donation(r.value1(), r.value2(), r.value3(), r.value4(), Instant.ofEpochMilli(r.value5()), r.value6(), r.value7()));
    }
}
