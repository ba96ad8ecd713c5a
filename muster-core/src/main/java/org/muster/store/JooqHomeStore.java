package org.muster.store;

import static org.muster.store.Tables.PersonAddressTable;
import static org.muster.store.Tables.PersonTable;
import static org.muster.store.Tables.VoterRegistrationTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.muster.geo.Home;
import org.muster.geo.HomeStore;

/** {@link HomeStore} over jOOQ: person, home address with coordinates, and registration, read in id chunks. */
public final class JooqHomeStore implements HomeStore {

    private static final int CHUNK = 1_000;

    private final DSLContext dsl;

    public JooqHomeStore(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public List<Home> homes(long campaignId, long[] personIds) {
        long[] sorted = personIds.clone();
        Arrays.sort(sorted);
        List<Home> out = new ArrayList<>(sorted.length);
        for (int from = 0; from < sorted.length; from += CHUNK) {
            List<Long> chunk = Arrays.stream(sorted, from, Math.min(sorted.length, from + CHUNK)).boxed().toList();
            long[] last = {-1};
            dsl.select(PersonTable.ID, PersonTable.HOUSEHOLD_ID, PersonAddressTable.LINE1, PersonAddressTable.LATITUDE,
                            PersonAddressTable.LONGITUDE, VoterRegistrationTable.PRECINCT)
                    .from(PersonTable.T)
                    .join(PersonAddressTable.T).on(PersonAddressTable.PERSON_ID.eq(PersonTable.ID))
                    .leftJoin(VoterRegistrationTable.T).on(VoterRegistrationTable.PERSON_ID.eq(PersonTable.ID))
                    .where(PersonTable.ID.in(chunk)).and(PersonTable.CAMPAIGN_ID.eq(campaignId))
                    .and(PersonAddressTable.KIND.eq("home")).and(PersonAddressTable.LATITUDE.isNotNull())
                    .and(PersonAddressTable.LONGITUDE.isNotNull())
                    .orderBy(PersonTable.ID, PersonAddressTable.ID, DSL.coalesce(VoterRegistrationTable.ID, 0L))
                    .forEach(r -> {
                        long id = r.get(PersonTable.ID);
                        // One row per person: the first home address and the first registration.
                        if (id == last[0]) return;
                        last[0] = id;
                        out.add(new Home(id, r.get(PersonTable.HOUSEHOLD_ID), r.get(PersonAddressTable.LINE1),
                                r.get(PersonAddressTable.LATITUDE), r.get(PersonAddressTable.LONGITUDE),
                                r.get(VoterRegistrationTable.PRECINCT)));
                    });
        }
        return out;
    }
}
