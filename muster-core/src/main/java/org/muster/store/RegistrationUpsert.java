package org.muster.store;

import static org.muster.store.SegmentTables.CustomFieldValueTable;
import static org.muster.store.Tables.ActivityTable;
import static org.muster.store.Tables.PersonAddressTable;
import static org.muster.store.Tables.PersonPhoneTable;
import static org.muster.store.Tables.PersonTable;
import static org.muster.store.Tables.VoteHistoryTable;
import static org.muster.store.Tables.VoterRegistrationTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.muster.people.NewPerson;
import org.muster.people.PersonStore.UpsertResult;
import org.muster.people.PersonStore.VoteResult;
import org.muster.people.PostalAddress;
import org.muster.people.RegisteredVote;
import org.muster.people.Registration;
import org.muster.people.SearchKeys;
import org.muster.people.VoteRecord;

/**
 * Re-imports of state files keyed by registration (campaign, state, registration id): insert what is new, update
 * in place what changed, leave the rest. Runs inside the caller's transaction. Every lookup is one indexed query
 * per chunk of keys, never per row, so a batch of thousands costs a handful of round trips.
 */
final class RegistrationUpsert {

    private static final int CHUNK = 500;
    private static final String ACTOR = "voter file import";

    private RegistrationUpsert() {
    }

    /** The registration a known person holds, and when the person was created. */
    private record Known(long personId, long createdAt, Record registration) {
    }

    static UpsertResult upsert(DSLContext tx, long campaignId, List<NewPerson> people, long now) {
        return upsert(tx, campaignId, people, now, null);
    }

    /**
     * @param firstLoad the job's first-load filters (registrations and households it certainly does not have are
     *                  inserted without a lookup), or null to look every key up
     */
    static UpsertResult upsert(DSLContext tx, long campaignId, List<NewPerson> people, long now, FirstLoad firstLoad) {
        // A registration listed twice in one batch: the later row is the newer state of it.
        Map<RegKey, NewPerson> byKey = new LinkedHashMap<>();
        int repeated = 0;
        for (NewPerson p : people) {
            if (p.registrations().size() != 1) {
                throw new IllegalArgumentException("upsert needs exactly one registration per person, found "
                        + p.registrations().size());
            }
            Registration r = p.registrations().getFirst();
            if (byKey.put(new RegKey(r.state(), r.registrationId()), p) != null) repeated++;
        }
        Set<RegKey> maybeKnown = byKey.keySet();
        if (firstLoad != null) {
            maybeKnown = new HashSet<>();
            for (RegKey k : byKey.keySet()) {
                if (firstLoad.mayHave(k.state(), k.registrationId())) maybeKnown.add(k);
            }
        }
        Map<RegKey, Known> known = lookup(tx, campaignId, maybeKnown);
        List<NewPerson> created = new ArrayList<>();
        Map<Long, NewPerson> existing = new LinkedHashMap<>();
        Map<Long, Record> registrations = new HashMap<>();
        byKey.forEach((key, p) -> {
            Known k = known.get(key);
            if (k == null) {
                created.add(p);
            } else {
                existing.put(k.personId(), p);
                registrations.put(k.personId(), k.registration());
            }
        });
        if (firstLoad == null) {
            JooqPersonStore.insertIn(tx, campaignId, created, now);
        } else {
            for (NewPerson p : created) {
                Registration r = p.registrations().getFirst();
                firstLoad.inserting(r.state(), r.registrationId());
            }
            JooqPersonStore.insertIn(tx, campaignId, created, now, keys -> firstLoad.householdIds(tx, campaignId, keys));
        }
        int updated = new Changes(tx, campaignId, now).apply(existing, registrations);
        List<RegisteredVote> votes = new ArrayList<>();
        for (NewPerson p : existing.values()) {
            Registration r = p.registrations().getFirst();
            for (VoteRecord v : p.votes()) votes.add(new RegisteredVote(r.state(), r.registrationId(), v));
        }
        VoteResult knownVotes = addVotes(tx, campaignId, votes, now, now);
        int createdVotes = 0;
        for (NewPerson p : created) createdVotes += p.votes().size();
        return new UpsertResult(created.size(), updated + repeated, existing.size() - updated,
                new VoteResult(createdVotes + knownVotes.added(), knownVotes.existing(), knownVotes.unmatched()));
    }

    static VoteResult addVotes(DSLContext tx, long campaignId, List<RegisteredVote> votes, long quietSince, long now) {
        Set<RegKey> keys = new HashSet<>();
        for (RegisteredVote v : votes) keys.add(new RegKey(v.state(), v.registrationId()));
        Map<RegKey, Known> known = lookup(tx, campaignId, keys);
        Set<Long> personIds = new HashSet<>();
        known.values().forEach(k -> personIds.add(k.personId()));
        Set<String> recorded = new HashSet<>();
        for (List<Long> chunk : JooqPersonStore.chunks(new ArrayList<>(personIds), CHUNK)) {
            tx.select(VoteHistoryTable.PERSON_ID, VoteHistoryTable.ELECTION_DATE).from(VoteHistoryTable.T)
                    .where(VoteHistoryTable.PERSON_ID.in(chunk))
                    .forEach(r -> recorded.add(r.get(VoteHistoryTable.PERSON_ID) + "|" + r.get(VoteHistoryTable.ELECTION_DATE)));
        }
        Batch rows = new Batch(tx, VoteHistoryTable.T, VoteHistoryTable.PERSON_ID, VoteHistoryTable.ELECTION_DATE,
                VoteHistoryTable.ELECTION_NAME, VoteHistoryTable.METHOD, VoteHistoryTable.PARTY_BALLOT, VoteHistoryTable.COUNTY);
        Batch activities = activities(tx);
        Batch events = Outbox.batch(tx);
        int added = 0;
        int existing = 0;
        int unmatched = 0;
        for (RegisteredVote rv : votes) {
            Known k = known.get(new RegKey(rv.state(), rv.registrationId()));
            if (k == null) {
                unmatched++;
                continue;
            }
            VoteRecord v = rv.vote();
            if (!recorded.add(k.personId() + "|" + v.electionDate())) {
                existing++;
                continue;
            }
            rows.add(k.personId(), v.electionDate(), v.electionName(), v.method(), v.partyBallot(), v.county());
            added++;
            if (k.createdAt() < quietSince) {
                String name = v.electionName() == null ? v.electionDate().toString() : v.electionName();
                activities.add(k.personId(), now, "voted", "Voted in " + name
                        + (v.method() == null ? "" : " (" + v.method() + ")"), ACTOR);
                Outbox.add(events, now, "person", k.personId(), "person.voted");
            }
        }
        rows.execute();
        activities.execute();
        events.execute();
        return new VoteResult(added, existing, unmatched);
    }

    private record RegKey(String state, String registrationId) {
    }

    private static Map<RegKey, Known> lookup(DSLContext tx, long campaignId, Set<RegKey> keys) {
        Map<String, List<String>> idsByState = new HashMap<>();
        for (RegKey k : keys) idsByState.computeIfAbsent(k.state(), s -> new ArrayList<>()).add(k.registrationId());
        Map<RegKey, Known> known = new HashMap<>();
        List<org.jooq.Field<?>> fields = new ArrayList<>(List.of(VoterRegistrationTable.READ));
        fields.add(VoterRegistrationTable.PERSON_ID);
        fields.add(PersonTable.CREATED_AT);
        idsByState.forEach((state, ids) -> {
            for (List<String> chunk : JooqPersonStore.chunks(ids, CHUNK)) {
                tx.select(fields).from(VoterRegistrationTable.T).join(PersonTable.T)
                        .on(PersonTable.ID.eq(VoterRegistrationTable.PERSON_ID))
                        .where(VoterRegistrationTable.CAMPAIGN_ID.eq(campaignId)
                                .and(VoterRegistrationTable.STATE.eq(state))
                                .and(VoterRegistrationTable.REGISTRATION_ID.in(chunk)))
                        .forEach(r -> known.put(new RegKey(state, r.get(VoterRegistrationTable.REGISTRATION_ID)),
                                new Known(r.get(VoterRegistrationTable.PERSON_ID), r.get(PersonTable.CREATED_AT), r)));
            }
        });
        return known;
    }

    private static Batch activities(DSLContext tx) {
        return new Batch(tx, ActivityTable.T, ActivityTable.PERSON_ID, ActivityTable.AT, ActivityTable.TYPE,
                ActivityTable.SUMMARY, ActivityTable.ACTOR);
    }

    /** Compares known people with the file's newer rows and writes what differs. */
    private static final class Changes {

        private final DSLContext tx;
        private final long campaignId;
        private final long now;
        private final Batch activities;
        private final Batch events;
        private final Batch newAddresses;
        private final Batch newPhones;
        private final Batch newCustomValues;
        /** Ids of the custom fields this batch's people carry, by name. */
        private Map<String, Long> fields = Map.of();

        Changes(DSLContext tx, long campaignId, long now) {
            this.tx = tx;
            this.campaignId = campaignId;
            this.now = now;
            this.activities = activities(tx);
            this.events = Outbox.batch(tx);
            this.newAddresses = new Batch(tx, PersonAddressTable.T, PersonAddressTable.PERSON_ID, PersonAddressTable.KIND,
                    PersonAddressTable.LINE1, PersonAddressTable.LINE2, PersonAddressTable.CITY, PersonAddressTable.STATE,
                    PersonAddressTable.ZIP, PersonAddressTable.COUNTRY, PersonAddressTable.LATITUDE,
                    PersonAddressTable.LONGITUDE, PersonAddressTable.SEARCH_ADDRESS);
            this.newPhones = new Batch(tx, PersonPhoneTable.T, PersonPhoneTable.PERSON_ID, PersonPhoneTable.NUMBER_E164,
                    PersonPhoneTable.SEARCH_PHONE);
            this.newCustomValues = JooqPersonStore.customValues(tx);
        }

        /** @return how many people changed */
        int apply(Map<Long, NewPerson> people, Map<Long, Record> registrations) {
            if (people.isEmpty()) return 0;
            List<Long> ids = new ArrayList<>(people.keySet());
            Map<Long, Record> persons = new HashMap<>();
            Map<Long, List<PostalAddress>> addresses = new HashMap<>();
            Map<Long, Set<String>> phones = new HashMap<>();
            Set<String> fieldNames = new LinkedHashSet<>();
            people.values().forEach(p -> fieldNames.addAll(p.customFields().keySet()));
            fields = JooqPersonStore.customFieldIds(tx, campaignId, fieldNames);
            Map<Long, Map<Long, String>> customValues = new HashMap<>();
            for (List<Long> chunk : JooqPersonStore.chunks(ids, CHUNK)) {
                tx.select(PersonTable.ID, PersonTable.FIRST_NAME, PersonTable.MIDDLE_NAME, PersonTable.LAST_NAME,
                                PersonTable.SUFFIX, PersonTable.BIRTH_YEAR, PersonTable.GENDER, PersonTable.PARTY)
                        .from(PersonTable.T).where(PersonTable.ID.in(chunk))
                        .forEach(r -> persons.put(r.get(PersonTable.ID), r));
                tx.select(PersonAddressTable.PERSON_ID, PersonAddressTable.KIND, PersonAddressTable.LINE1,
                                PersonAddressTable.LINE2, PersonAddressTable.CITY, PersonAddressTable.STATE, PersonAddressTable.ZIP)
                        .from(PersonAddressTable.T).where(PersonAddressTable.PERSON_ID.in(chunk)).orderBy(PersonAddressTable.ID)
                        .forEach(r -> addresses.computeIfAbsent(r.get(PersonAddressTable.PERSON_ID), k -> new ArrayList<>())
                                .add(new PostalAddress(r.get(PersonAddressTable.KIND), r.get(PersonAddressTable.LINE1),
                                        r.get(PersonAddressTable.LINE2), r.get(PersonAddressTable.CITY),
                                        r.get(PersonAddressTable.STATE), r.get(PersonAddressTable.ZIP), null, null, null)));
                tx.select(PersonPhoneTable.PERSON_ID, PersonPhoneTable.NUMBER_E164).from(PersonPhoneTable.T)
                        .where(PersonPhoneTable.PERSON_ID.in(chunk))
                        .forEach(r -> phones.computeIfAbsent(r.get(PersonPhoneTable.PERSON_ID), k -> new HashSet<>())
                                .add(r.get(PersonPhoneTable.NUMBER_E164)));
                if (!fields.isEmpty()) {
                    tx.select(CustomFieldValueTable.PERSON_ID, CustomFieldValueTable.FIELD_ID, CustomFieldValueTable.VALUE)
                            .from(CustomFieldValueTable.T).where(CustomFieldValueTable.PERSON_ID.in(chunk)
                                    .and(CustomFieldValueTable.FIELD_ID.in(fields.values())))
                            .forEach(r -> customValues.computeIfAbsent(r.value1(), k -> new HashMap<>())
                                    .put(r.value2(), r.value3()));
                }
            }
            int changed = 0;
            for (Map.Entry<Long, NewPerson> e : people.entrySet()) {
                long id = e.getKey();
                if (compare(id, e.getValue(), persons.get(id), addresses.getOrDefault(id, List.of()),
                        phones.getOrDefault(id, Set.of()), customValues.getOrDefault(id, Map.of()),
                        registrations.get(id))) {
                    changed++;
                }
            }
            for (Batch b : List.of(newAddresses, newPhones, newCustomValues, activities, events)) b.execute();
            return changed;
        }

        /** @return whether anything changed */
        private boolean compare(long id, NewPerson p, Record person, List<PostalAddress> oldAddresses,
                                Set<String> oldPhones, Map<Long, String> oldCustomValues, Record registration) {
            List<String> changed = new ArrayList<>();
            diff(changed, "first name", person.get(PersonTable.FIRST_NAME), p.firstName());
            diff(changed, "middle name", person.get(PersonTable.MIDDLE_NAME), p.middleName());
            diff(changed, "last name", person.get(PersonTable.LAST_NAME), p.lastName());
            diff(changed, "suffix", person.get(PersonTable.SUFFIX), p.suffix());
            diff(changed, "birth year", person.get(PersonTable.BIRTH_YEAR), p.birthYear());
            diff(changed, "gender", person.get(PersonTable.GENDER), p.gender());
            diff(changed, "party", person.get(PersonTable.PARTY), p.party());
            boolean personChanged = !changed.isEmpty();

            PostalAddress oldHome = byKind(oldAddresses, "home");
            PostalAddress newHome = byKind(p.addresses(), "home");
            boolean moved = !Objects.equals(addressKey(oldHome), addressKey(newHome));
            boolean mailingChanged = !Objects.equals(addressKey(byKind(oldAddresses, "mailing")),
                    addressKey(byKind(p.addresses(), "mailing")));
            if (mailingChanged) changed.add("mailing address");

            List<String> addedPhones = p.phones().stream().filter(n -> !oldPhones.contains(n)).distinct().toList();
            if (!addedPhones.isEmpty()) changed.add("phone");

            // The file owns the custom fields its mapping loads: a changed value replaces the old one.
            Map<Long, String> changedFields = new LinkedHashMap<>();
            p.customFields().forEach((name, value) -> {
                long field = fields.get(name);
                int before = changed.size();
                diff(changed, name, oldCustomValues.get(field), value);
                if (changed.size() > before) changedFields.put(field, value);
            });

            Registration r = p.registrations().getFirst();
            String oldStatus = registration.get(VoterRegistrationTable.STATUS);
            String oldReason = registration.get(VoterRegistrationTable.REASON_CODE);
            boolean statusChanged = !Objects.equals(oldStatus, r.status()) || !Objects.equals(oldReason, r.reasonCode());
            int before = changed.size();
            diff(changed, "voter id", registration.get(VoterRegistrationTable.STATE_VOTER_ID), r.stateVoterId());
            diff(changed, "county", registration.get(VoterRegistrationTable.COUNTY), r.county());
            diff(changed, "registration date", registration.get(VoterRegistrationTable.REGISTERED_ON), r.registeredOn());
            diff(changed, "registered party", registration.get(VoterRegistrationTable.PARTY), r.party());
            diff(changed, "precinct", registration.get(VoterRegistrationTable.PRECINCT), r.precinct());
            diff(changed, "ward", registration.get(VoterRegistrationTable.WARD), r.ward());
            diff(changed, "municipality", registration.get(VoterRegistrationTable.MUNICIPALITY), r.municipality());
            diff(changed, "congressional district", registration.get(VoterRegistrationTable.CONGRESSIONAL_DISTRICT), r.congressionalDistrict());
            diff(changed, "state senate district", registration.get(VoterRegistrationTable.STATE_SENATE_DISTRICT), r.stateSenateDistrict());
            diff(changed, "state house district", registration.get(VoterRegistrationTable.STATE_HOUSE_DISTRICT), r.stateHouseDistrict());
            boolean registrationChanged = statusChanged || changed.size() > before;

            if (changed.isEmpty() && !moved && !statusChanged) return false;

            if (personChanged || moved) {
                Long household = moved && p.householdKey() != null
                        ? JooqPersonStore.householdIds(tx, campaignId, Set.of(p.householdKey())).get(p.householdKey())
                        : null;
                var update = tx.update(PersonTable.T)
                        .set(PersonTable.FIRST_NAME, p.firstName()).set(PersonTable.MIDDLE_NAME, p.middleName())
                        .set(PersonTable.LAST_NAME, p.lastName()).set(PersonTable.SUFFIX, p.suffix())
                        .set(PersonTable.BIRTH_YEAR, p.birthYear()).set(PersonTable.GENDER, p.gender())
                        .set(PersonTable.PARTY, p.party()).set(PersonTable.SEARCH_LAST, SearchKeys.name(p.lastName()))
                        .set(PersonTable.SEARCH_FIRST, SearchKeys.name(p.firstName())).set(PersonTable.UPDATED_AT, now);
                (moved ? update.set(PersonTable.HOUSEHOLD_ID, household) : update).where(PersonTable.ID.eq(id)).execute();
            }
            if (moved || mailingChanged) {
                // The file owns the residential and mailing addresses; addresses of other kinds came from elsewhere.
                tx.deleteFrom(PersonAddressTable.T).where(PersonAddressTable.PERSON_ID.eq(id)
                        .and(PersonAddressTable.KIND.in("home", "mailing"))).execute();
                for (PostalAddress a : p.addresses()) {
                    newAddresses.add(id, a.kind() == null ? "home" : a.kind(), a.line1(), a.line2(), a.city(), a.state(),
                            a.zip(), a.country(), a.latitude(), a.longitude(), SearchKeys.address(a.line1()));
                }
            }
            for (String phone : addedPhones) newPhones.add(id, phone, SearchKeys.phone(phone));
            if (!changedFields.isEmpty()) {
                tx.deleteFrom(CustomFieldValueTable.T).where(CustomFieldValueTable.PERSON_ID.eq(id)
                        .and(CustomFieldValueTable.FIELD_ID.in(changedFields.keySet()))).execute();
                changedFields.forEach((field, value) -> {
                    if (value != null) newCustomValues.add(id, field, value);
                });
            }
            if (registrationChanged) {
                tx.update(VoterRegistrationTable.T)
                        .set(VoterRegistrationTable.STATE_VOTER_ID, r.stateVoterId()).set(VoterRegistrationTable.COUNTY, r.county())
                        .set(VoterRegistrationTable.STATUS, r.status()).set(VoterRegistrationTable.REASON_CODE, r.reasonCode())
                        .set(VoterRegistrationTable.REGISTERED_ON, r.registeredOn()).set(VoterRegistrationTable.PARTY, r.party())
                        .set(VoterRegistrationTable.PRECINCT, r.precinct()).set(VoterRegistrationTable.WARD, r.ward())
                        .set(VoterRegistrationTable.MUNICIPALITY, r.municipality())
                        .set(VoterRegistrationTable.CONGRESSIONAL_DISTRICT, r.congressionalDistrict())
                        .set(VoterRegistrationTable.STATE_SENATE_DISTRICT, r.stateSenateDistrict())
                        .set(VoterRegistrationTable.STATE_HOUSE_DISTRICT, r.stateHouseDistrict())
                        .where(VoterRegistrationTable.ID.eq(registration.get(VoterRegistrationTable.ID))).execute();
            }
            if (moved) {
                record(id, "moved", "Moved from " + oneLine(oldHome) + " to " + oneLine(newHome), "person.moved");
            }
            if (statusChanged) {
                record(id, "status_changed", "Registration status " + code(oldStatus, oldReason) + " → "
                        + code(r.status(), r.reasonCode()), "registration.status_changed");
            }
            if (!changed.isEmpty()) {
                record(id, "updated", "Voter file changed " + String.join(", ", changed), "person.updated");
            }
            return true;
        }

        private void record(long personId, String type, String summary, String event) {
            activities.add(personId, now, type, summary, ACTOR);
            Outbox.add(events, now, "person", personId, event);
        }
    }

    private static void diff(List<String> changed, String label, Object before, Object after) {
        if (!Objects.equals(blankToNull(before), blankToNull(after))) changed.add(label);
    }

    private static Object blankToNull(Object value) {
        return value instanceof String s && s.isBlank() ? null : value;
    }

    private static PostalAddress byKind(List<PostalAddress> addresses, String kind) {
        for (PostalAddress a : addresses) {
            if (kind.equals(a.kind() == null ? "home" : a.kind())) return a;
        }
        return null;
    }

    /** What makes two addresses the same place: coordinates and country are derived, not the address. */
    private static String addressKey(PostalAddress a) {
        if (a == null) return null;
        Function<String, String> norm = s -> s == null ? "" : s.strip().toUpperCase();
        return String.join("|", norm.apply(a.line1()), norm.apply(a.line2()), norm.apply(a.city()),
                norm.apply(a.state()), norm.apply(a.zip()));
    }

    private static String oneLine(PostalAddress a) {
        return a == null ? "no address" : a.oneLine();
    }

    private static String code(String status, String reason) {
        return (status == null ? "-" : status) + (reason == null ? "" : "/" + reason);
    }
}
