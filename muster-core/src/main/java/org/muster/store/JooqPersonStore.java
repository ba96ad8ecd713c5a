package org.muster.store;

import static org.muster.store.SegmentTables.CustomFieldTable;
import static org.muster.store.SegmentTables.CustomFieldValueTable;
import static org.muster.store.Tables.ActivityTable;
import static org.muster.store.Tables.ConsentTable;
import static org.muster.store.Tables.DataOriginTable;
import static org.muster.store.Tables.HouseholdTable;
import static org.muster.store.Tables.PersonTable;
import static org.muster.store.Tables.PersonAddressTable;
import static org.muster.store.Tables.PersonEmailTable;
import static org.muster.store.Tables.PersonPhoneTable;
import static org.muster.store.Tables.TagTable;
import static org.muster.store.Tables.TaggingTable;
import static org.muster.store.Tables.VoteHistoryTable;
import static org.muster.store.Tables.VoterRegistrationTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.muster.people.Activity;
import org.muster.people.ConsentEntry;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.Person;
import org.muster.people.PersonProfile;
import org.muster.people.PersonStore;
import org.muster.people.PersonSummary;
import org.muster.people.PostalAddress;
import org.muster.people.RegisteredVote;
import org.muster.people.Registration;
import org.muster.people.SearchKeys;
import org.muster.people.SearchQuery;
import org.muster.people.VoteRecord;

/** {@link PersonStore} over jOOQ, for both dialects. */
final class JooqPersonStore implements PersonStore {

    private static final int TIMELINE_LIMIT = 200;
    /** The type of the timeline entry that says when and from where a person was added. */
    private static final String CREATED = "created";

    private final DSLContext dsl;

    JooqPersonStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<Long> insert(long campaignId, List<NewPerson> people) {
        if (people.isEmpty()) return List.of();
        return dsl.transactionResult(cfg -> insertIn(cfg.dsl(), campaignId, people, System.currentTimeMillis()));
    }

    @Override
    public UpsertResult upsert(long campaignId, List<NewPerson> people) {
        if (people.isEmpty()) return UpsertResult.NONE;
        return dsl.transactionResult(cfg -> RegistrationUpsert.upsert(cfg.dsl(), campaignId, people,
                System.currentTimeMillis()));
    }

    @Override
    public VoteResult addVotes(long campaignId, List<RegisteredVote> votes, long quietSince) {
        if (votes.isEmpty()) return VoteResult.NONE;
        return dsl.transactionResult(cfg -> RegistrationUpsert.addVotes(cfg.dsl(), campaignId, votes, quietSince,
                System.currentTimeMillis()));
    }

    /** The body of {@link #insert}, inside a transaction the caller owns (an import commits its checkpoint too). */
    static List<Long> insertIn(DSLContext tx, long campaignId, List<NewPerson> people, long now) {
        return insertIn(tx, campaignId, people, now, keys -> householdIds(tx, campaignId, keys));
    }

    /** @param householdIds the ids of households by address key, creating the missing ones */
    static List<Long> insertIn(DSLContext tx, long campaignId, List<NewPerson> people, long now,
                               Function<Set<String>, Map<String, Long>> householdIds) {
        Map<String, Long> origins = originIds(tx, campaignId, distinct(people, NewPerson::origin), now);
        Map<String, Long> households = householdIds.apply(distinct(people, NewPerson::householdKey));
        Map<String, Long> tags = tagIds(tx, campaignId,
                people.stream().flatMap(p -> p.tags().stream()).collect(LinkedHashSet::new, Set::add, Set::addAll));
        List<Long> ids = allocatePersonIds(tx, people.size());

        Batch persons = new Batch(tx, PersonTable.T, PersonTable.ID, PersonTable.CAMPAIGN_ID, PersonTable.FIRST_NAME, PersonTable.MIDDLE_NAME,
                PersonTable.LAST_NAME, PersonTable.SUFFIX, PersonTable.BIRTH_DATE, PersonTable.BIRTH_YEAR, PersonTable.GENDER, PersonTable.PARTY, PersonTable.SUPPORT_LEVEL,
                PersonTable.HOUSEHOLD_ID, PersonTable.CONTACT_CATEGORY, PersonTable.ORIGIN_ID, PersonTable.SEARCH_LAST,
                PersonTable.SEARCH_FIRST, PersonTable.CREATED_AT, PersonTable.UPDATED_AT);
        Batch emails = new Batch(tx, PersonEmailTable.T, PersonEmailTable.PERSON_ID, PersonEmailTable.EMAIL, PersonEmailTable.SEARCH_EMAIL);
        Batch phones = new Batch(tx, PersonPhoneTable.T, PersonPhoneTable.PERSON_ID, PersonPhoneTable.NUMBER_E164, PersonPhoneTable.SEARCH_PHONE);
        Batch addresses = new Batch(tx, PersonAddressTable.T, PersonAddressTable.PERSON_ID, PersonAddressTable.KIND,
                PersonAddressTable.LINE1, PersonAddressTable.LINE2, PersonAddressTable.CITY, PersonAddressTable.STATE, PersonAddressTable.ZIP,
                PersonAddressTable.COUNTRY, PersonAddressTable.LATITUDE, PersonAddressTable.LONGITUDE, PersonAddressTable.SEARCH_ADDRESS);
        Batch registrations = new Batch(tx, VoterRegistrationTable.T, VoterRegistrationTable.PERSON_ID,
                VoterRegistrationTable.CAMPAIGN_ID, VoterRegistrationTable.STATE, VoterRegistrationTable.REGISTRATION_ID,
                VoterRegistrationTable.STATE_VOTER_ID, VoterRegistrationTable.COUNTY, VoterRegistrationTable.STATUS,
                VoterRegistrationTable.REASON_CODE, VoterRegistrationTable.REGISTERED_ON, VoterRegistrationTable.PARTY,
                VoterRegistrationTable.PRECINCT, VoterRegistrationTable.WARD, VoterRegistrationTable.MUNICIPALITY,
                VoterRegistrationTable.CONGRESSIONAL_DISTRICT, VoterRegistrationTable.STATE_SENATE_DISTRICT,
                VoterRegistrationTable.STATE_HOUSE_DISTRICT);
        Batch votes = new Batch(tx, VoteHistoryTable.T, VoteHistoryTable.PERSON_ID, VoteHistoryTable.ELECTION_DATE,
                VoteHistoryTable.ELECTION_NAME, VoteHistoryTable.METHOD, VoteHistoryTable.PARTY_BALLOT, VoteHistoryTable.COUNTY);
        Batch taggings = new Batch(tx, TaggingTable.T, TaggingTable.PERSON_ID, TaggingTable.TAG_ID, TaggingTable.CREATED_AT);
        Batch events = Outbox.batch(tx);
        Map<String, Long> fields = customFieldIds(tx, campaignId,
                people.stream().flatMap(p -> p.customFields().keySet().stream()).collect(LinkedHashSet::new, Set::add, Set::addAll));
        Batch customValues = customValues(tx);

        for (int i = 0; i < people.size(); i++) {
            NewPerson p = people.get(i);
            long id = ids.get(i);
            persons.add(id, campaignId, p.firstName(), p.middleName(), p.lastName(), p.suffix(), p.birthDate(), p.birthYear(),
                    p.gender(), p.party(), p.supportLevel(), households.get(p.householdKey()),
                    (p.contactCategory() == null ? ContactCategory.PROSPECT : p.contactCategory()).name(),
                    origins.get(p.origin()), SearchKeys.name(p.lastName()), SearchKeys.name(p.firstName()), now, now);
            for (String email : once(p.emails())) {
                emails.add(id, email.trim(), SearchKeys.email(email));
            }
            for (String phone : once(p.phones())) {
                phones.add(id, phone, SearchKeys.phone(phone));
            }
            for (PostalAddress a : p.addresses()) {
                addresses.add(id, a.kind() == null ? "home" : a.kind(), a.line1(), a.line2(), a.city(), a.state(),
                        a.zip(), a.country(), a.latitude(), a.longitude(), SearchKeys.address(a.line1()));
            }
            for (Registration r : p.registrations()) {
                registrations.add(id, campaignId, r.state(), r.registrationId(), r.stateVoterId(), r.county(),
                        r.status(), r.reasonCode(), r.registeredOn(), r.party(), r.precinct(), r.ward(),
                        r.municipality(), r.congressionalDistrict(), r.stateSenateDistrict(), r.stateHouseDistrict());
            }
            for (VoteRecord v : p.votes()) {
                votes.add(id, v.electionDate(), v.electionName(), v.method(), v.partyBallot(), v.county());
            }
            for (String tag : once(p.tags())) {
                taggings.add(id, tags.get(tag), now);
            }
            p.customFields().forEach((field, value) -> {
                if (value != null) customValues.add(id, fields.get(field), value);
            });
        }
        Outbox.addPeople(events, now, ids, "person.created");
        for (Batch b : List.of(persons, emails, phones, addresses, registrations, votes, taggings, customValues, events)) {
            b.execute();
        }
        return ids;
    }

    @Override
    public List<PersonSummary> search(long campaignId, String text, int limit) {
        SearchQuery q = SearchQuery.parse(text);
        Condition inCampaign = PersonTable.CAMPAIGN_ID.eq(campaignId);
        List<Long> ids = switch (q.kind()) {
            case EMPTY -> List.of();
            case NAME -> searchByName(inCampaign, q, limit);
            case EMAIL -> searchByIdentity(inCampaign, PersonEmailTable.T, PersonEmailTable.PERSON_ID, PersonEmailTable.SEARCH_EMAIL, q.key(), limit);
            case PHONE -> searchByIdentity(inCampaign, PersonPhoneTable.T, PersonPhoneTable.PERSON_ID, PersonPhoneTable.SEARCH_PHONE, q.key(), limit);
            case ADDRESS -> searchByIdentity(inCampaign, PersonAddressTable.T, PersonAddressTable.PERSON_ID, PersonAddressTable.SEARCH_ADDRESS, q.key(), limit);
        };
        return summaries(ids);
    }

    private List<Long> searchByName(Condition inCampaign, SearchQuery q, int limit) {
        Condition byFirst = prefix(PersonTable.SEARCH_FIRST, q.firstNameKey());
        if (q.key().isEmpty()) {
            return dsl.select(PersonTable.ID).from(PersonTable.T).where(inCampaign.and(byFirst))
                    .orderBy(PersonTable.SEARCH_FIRST, PersonTable.ID).limit(limit).fetch(PersonTable.ID);
        }
        Condition byLast = prefix(PersonTable.SEARCH_LAST, q.key());
        if (!q.firstNameKey().isEmpty()) byLast = byLast.and(byFirst);
        List<Long> ids = new ArrayList<>(dsl.select(PersonTable.ID).from(PersonTable.T).where(inCampaign.and(byLast))
                .orderBy(PersonTable.SEARCH_LAST, PersonTable.SEARCH_FIRST, PersonTable.ID).limit(limit).fetch(PersonTable.ID));
        if (q.firstNameKey().isEmpty() && ids.size() < limit) {
            // A single word may be a first name too ("Tyrone"); last-name matches come first.
            Set<Long> seen = new LinkedHashSet<>(ids);
            seen.addAll(dsl.select(PersonTable.ID).from(PersonTable.T).where(inCampaign.and(prefix(PersonTable.SEARCH_FIRST, q.key())))
                    .orderBy(PersonTable.SEARCH_FIRST, PersonTable.ID).limit(limit).fetch(PersonTable.ID));
            ids = new ArrayList<>(seen).subList(0, Math.min(limit, seen.size()));
        }
        return ids;
    }

    private List<Long> searchByIdentity(Condition inCampaign, org.jooq.Table<Record> table, Field<Long> personId,
            Field<String> key, String prefix, int limit) {
        return dsl.selectDistinct(PersonTable.ID, PersonTable.SEARCH_LAST, PersonTable.SEARCH_FIRST)
                .from(table).join(PersonTable.T).on(PersonTable.ID.eq(personId))
                .where(inCampaign.and(prefix(key, prefix)))
                .orderBy(PersonTable.SEARCH_LAST, PersonTable.SEARCH_FIRST, PersonTable.ID).limit(limit).fetch(PersonTable.ID);
    }

    private static Condition prefix(Field<String> key, String prefix) {
        return key.ge(prefix).and(key.lt(SearchKeys.upperBound(prefix)));
    }

    List<PersonSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        Map<Long, String> emails = firstPerPerson(ids, PersonEmailTable.T, PersonEmailTable.ID, PersonEmailTable.PERSON_ID, PersonEmailTable.EMAIL);
        Map<Long, String> phones = firstPerPerson(ids, PersonPhoneTable.T, PersonPhoneTable.ID, PersonPhoneTable.PERSON_ID, PersonPhoneTable.NUMBER_E164);
        Map<Long, String> addresses = new HashMap<>();
        dsl.select(PersonAddressTable.READ).from(PersonAddressTable.T).where(PersonAddressTable.PERSON_ID.in(ids))
                .orderBy(PersonAddressTable.ID)
                .forEach(r -> addresses.putIfAbsent(r.get(PersonAddressTable.PERSON_ID), address(r).oneLine()));
        Map<Long, Person> persons = new HashMap<>();
        dsl.select(personFields()).from(PersonTable.T).where(PersonTable.ID.in(ids)).forEach(r -> persons.put(r.get(PersonTable.ID), person(r)));
        List<PersonSummary> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            Person p = persons.get(id);
            out.add(new PersonSummary(id, p.displayName(), p.birthDate(), p.birthYear(), addresses.get(id), emails.get(id), phones.get(id)));
        }
        return out;
    }

    private Map<Long, String> firstPerPerson(Collection<Long> ids, org.jooq.Table<Record> table, Field<Long> rowId,
            Field<Long> personId, Field<String> value) {
        Map<Long, String> out = new HashMap<>();
        dsl.select(personId, value).from(table).where(personId.in(ids)).orderBy(rowId)
                .forEach(r -> out.putIfAbsent(r.get(personId), r.get(value)));
        return out;
    }

    @Override
    public Optional<PersonProfile> profile(long campaignId, long personId) {
        List<Field<?>> fields = personFields();
        fields.add(PersonTable.CREATED_AT);
        Record row = dsl.select(fields).from(PersonTable.T)
                .where(PersonTable.ID.eq(personId).and(PersonTable.CAMPAIGN_ID.eq(campaignId))).fetchOne();
        if (row == null) return Optional.empty();
        Person person = person(row);
        List<String> emails = dsl.select(PersonEmailTable.EMAIL).from(PersonEmailTable.T).where(PersonEmailTable.PERSON_ID.eq(personId))
                .orderBy(PersonEmailTable.ID).fetch(PersonEmailTable.EMAIL);
        List<String> phones = dsl.select(PersonPhoneTable.NUMBER_E164).from(PersonPhoneTable.T).where(PersonPhoneTable.PERSON_ID.eq(personId))
                .orderBy(PersonPhoneTable.ID).fetch(PersonPhoneTable.NUMBER_E164);
        List<PostalAddress> addresses = dsl.select(PersonAddressTable.READ).from(PersonAddressTable.T)
                .where(PersonAddressTable.PERSON_ID.eq(personId)).orderBy(PersonAddressTable.ID).fetch(JooqPersonStore::address);
        List<Registration> registrations = dsl.select(VoterRegistrationTable.READ).from(VoterRegistrationTable.T)
                .where(VoterRegistrationTable.PERSON_ID.eq(personId)).orderBy(VoterRegistrationTable.ID)
                .fetch(JooqPersonStore::registration);
        List<VoteRecord> votes = dsl.select(VoteHistoryTable.READ).from(VoteHistoryTable.T).where(VoteHistoryTable.PERSON_ID.eq(personId))
                .orderBy(VoteHistoryTable.ELECTION_DATE.desc())
                .fetch(r -> new VoteRecord(r.get(VoteHistoryTable.ELECTION_DATE), r.get(VoteHistoryTable.ELECTION_NAME),
                        r.get(VoteHistoryTable.METHOD), r.get(VoteHistoryTable.PARTY_BALLOT), r.get(VoteHistoryTable.COUNTY)));
        List<String> tags = dsl.select(TagTable.NAME).from(TaggingTable.T).join(TagTable.T).on(TagTable.ID.eq(TaggingTable.TAG_ID))
                .where(TaggingTable.PERSON_ID.eq(personId)).orderBy(TagTable.NAME).fetch(TagTable.NAME);
        Map<String, ConsentEntry> consent = new LinkedHashMap<>();
        dsl.select(ConsentTable.CHANNEL, ConsentTable.STATUS, ConsentTable.SOURCE, ConsentTable.RECORDED_AT).from(ConsentTable.T)
                .where(ConsentTable.PERSON_ID.eq(personId)).orderBy(ConsentTable.RECORDED_AT.desc(), ConsentTable.ID.desc())
                .forEach(r -> consent.putIfAbsent(r.get(ConsentTable.CHANNEL), new ConsentEntry(r.get(ConsentTable.CHANNEL),
                        r.get(ConsentTable.STATUS), r.get(ConsentTable.SOURCE), Instant.ofEpochMilli(r.get(ConsentTable.RECORDED_AT)))));
        List<Activity> timeline = new ArrayList<>(dsl.select(ActivityTable.ID, ActivityTable.PERSON_ID, ActivityTable.AT, ActivityTable.TYPE, ActivityTable.SUMMARY,
                        ActivityTable.ACTOR).from(ActivityTable.T).where(ActivityTable.PERSON_ID.eq(personId))
                .orderBy(ActivityTable.AT.desc(), ActivityTable.ID.desc()).limit(TIMELINE_LIMIT)
                .fetch(r -> new Activity(r.get(ActivityTable.ID), r.get(ActivityTable.PERSON_ID), Instant.ofEpochMilli(r.get(ActivityTable.AT)),
                        r.get(ActivityTable.TYPE), r.get(ActivityTable.SUMMARY), r.get(ActivityTable.ACTOR))));
        withCreated(timeline, person, Instant.ofEpochMilli(row.get(PersonTable.CREATED_AT)));
        return Optional.of(new PersonProfile(person, emails, phones, addresses, registrations, votes, tags,
                List.copyOf(consent.values()), timeline));
    }

    /**
     * Adds the timeline's "created" entry where it falls (newest first, at most {@value #TIMELINE_LIMIT} entries).
     * It is not stored: it says no more than the person's {@code created_at} and origin, and a row per person would
     * be one of the five or six a voter-file import writes per voter (and would count an import as contact in
     * segments).
     */
    private static void withCreated(List<Activity> timeline, Person person, Instant createdAt) {
        int at = 0;
        while (at < timeline.size() && !timeline.get(at).at().isBefore(createdAt)) at++;
        if (at == TIMELINE_LIMIT) return;
        timeline.add(at, new Activity(0, person.id(), createdAt, CREATED,
                person.origin() == null ? "Added" : "Added from " + person.origin(), null));
        if (timeline.size() > TIMELINE_LIMIT) timeline.removeLast();
    }

    @Override
    public void addActivity(long personId, String type, String summary, String actor) {
        dsl.transaction(cfg -> {
            long now = System.currentTimeMillis();
            cfg.dsl().insertInto(ActivityTable.T, ActivityTable.PERSON_ID, ActivityTable.AT, ActivityTable.TYPE, ActivityTable.SUMMARY, ActivityTable.ACTOR)
                    .values(personId, now, type, summary, actor).execute();
            Batch events = Outbox.batch(cfg.dsl());
            Outbox.add(events, now, "person", personId, "person.activity");
            events.execute();
        });
    }

    @Override
    public long count(long campaignId) {
        return dsl.fetchCount(PersonTable.T, PersonTable.CAMPAIGN_ID.eq(campaignId));
    }

    @Override
    public List<Long> createdSince(long campaignId, String origin, long afterMillis) {
        return dsl.select(PersonTable.ID).from(PersonTable.T)
                .join(DataOriginTable.T).on(DataOriginTable.ID.eq(PersonTable.ORIGIN_ID))
                .where(PersonTable.CAMPAIGN_ID.eq(campaignId).and(DataOriginTable.CAMPAIGN_ID.eq(campaignId))
                        .and(DataOriginTable.NAME.eq(origin)).and(PersonTable.CREATED_AT.gt(afterMillis)))
                .orderBy(PersonTable.ID).fetch(PersonTable.ID);
    }

    /**
     * Person ids are allocated up front so child rows can be batch-inserted without a round trip per person.
     * SQLite: the transaction is IMMEDIATE, so it holds the write lock and max(id) cannot move under it.
     */
    private static List<Long> allocatePersonIds(DSLContext tx, int count) {
        // a merged-away person's id stays taken: an undo brings that person back under it
        return allocateIds(tx, PersonTable.T, PersonTable.ID, count,
                tx.dialect() == SQLDialect.POSTGRES ? 0 : JooqMatchStore.highestMergedId(tx));
    }

    /**
     * Ids for rows about to be inserted into a table with an identity key: from its sequence on PostgreSQL, after
     * the larger of its highest id and {@code floor} on SQLite (whose IMMEDIATE transaction holds the write lock).
     */
    static List<Long> allocateIds(DSLContext tx, org.jooq.Table<Record> table, Field<Long> id, int count, long floor) {
        List<Long> ids = new ArrayList<>(count);
        if (tx.dialect() == SQLDialect.POSTGRES) {
            // The sequence is looked up once (OFFSET 0 keeps the subquery from being inlined): in the select list
            // pg_get_serial_sequence ran its catalog lookups for every id, a seventh of the server's time in a load.
            ids.addAll(tx.fetch("select nextval(s.id) from (select pg_get_serial_sequence(?, 'id')::regclass as id "
                    + "offset 0) s, generate_series(1, ?)", table.getName(), count).getValues(0, Long.class));
        } else {
            long max = Math.max(tx.select(DSL.coalesce(DSL.max(id), 0L)).from(table).fetchOne(0, Long.class), floor);
            for (int i = 1; i <= count; i++) ids.add(max + i);
        }
        return ids;
    }

    private static Map<String, Long> originIds(DSLContext tx, long campaignId, Set<String> names, long now) {
        Map<String, Long> ids = new HashMap<>();
        for (String name : names) {
            Long id = tx.select(DataOriginTable.ID).from(DataOriginTable.T)
                    .where(DataOriginTable.CAMPAIGN_ID.eq(campaignId).and(DataOriginTable.NAME.eq(name))).fetchOne(DataOriginTable.ID);
            if (id == null) {
                id = tx.insertInto(DataOriginTable.T, DataOriginTable.CAMPAIGN_ID, DataOriginTable.NAME, DataOriginTable.CREATED_AT)
                        .values(campaignId, name, now).returningResult(DataOriginTable.ID).fetchOne(DataOriginTable.ID);
            }
            ids.put(name, id);
        }
        return ids;
    }

    static Map<String, Long> householdIds(DSLContext tx, long campaignId, Set<String> keys) {
        return idsByKey(tx, keys, HouseholdTable.T, HouseholdTable.ID, HouseholdTable.CAMPAIGN_ID, HouseholdTable.ADDRESS_KEY, campaignId);
    }

    private static Map<String, Long> tagIds(DSLContext tx, long campaignId, Set<String> names) {
        return idsByKey(tx, names, TagTable.T, TagTable.ID, TagTable.CAMPAIGN_ID, TagTable.NAME, campaignId);
    }

    /** Custom fields by name, the missing ones created as text fields (what a file's column holds). */
    static Map<String, Long> customFieldIds(DSLContext tx, long campaignId, Set<String> names) {
        return idsByKey(tx, names, CustomFieldTable.T, CustomFieldTable.ID, CustomFieldTable.CAMPAIGN_ID,
                CustomFieldTable.NAME, campaignId, CustomFieldTable.DATA_TYPE, "text");
    }

    static Batch customValues(DSLContext tx) {
        return new Batch(tx, CustomFieldValueTable.T, CustomFieldValueTable.PERSON_ID, CustomFieldValueTable.FIELD_ID,
                CustomFieldValueTable.VALUE);
    }

    private static Map<String, Long> idsByKey(DSLContext tx, Set<String> keys, org.jooq.Table<Record> table,
            Field<Long> id, Field<Long> campaign, Field<String> key, long campaignId) {
        return idsByKey(tx, keys, table, id, campaign, key, campaignId, null, null);
    }

    /**
     * Looks up the ids of (campaign, key) rows, inserting the missing ones in one batch (with {@code fixed} set to
     * {@code fixedValue} when given).
     */
    private static Map<String, Long> idsByKey(DSLContext tx, Set<String> keys, org.jooq.Table<Record> table,
            Field<Long> id, Field<Long> campaign, Field<String> key, long campaignId, Field<String> fixed,
            String fixedValue) {
        Map<String, Long> ids = new HashMap<>();
        if (keys.isEmpty()) return ids;
        selectIds(tx, keys, table, id, campaign, key, campaignId, ids);
        if (ids.size() < keys.size()) {
            Batch missing = fixed == null ? new Batch(tx, table, campaign, key) : new Batch(tx, table, campaign, key, fixed);
            for (String k : keys) {
                if (ids.containsKey(k)) continue;
                if (fixed == null) missing.add(campaignId, k);
                else missing.add(campaignId, k, fixedValue);
            }
            missing.execute();
            selectIds(tx, keys, table, id, campaign, key, campaignId, ids);
        }
        return ids;
    }

    private static void selectIds(DSLContext tx, Set<String> keys, org.jooq.Table<Record> table, Field<Long> id,
            Field<Long> campaign, Field<String> key, long campaignId, Map<String, Long> into) {
        for (List<String> chunk : chunks(new ArrayList<>(keys), 500)) {
            tx.select(id, key).from(table).where(campaign.eq(campaignId).and(key.in(chunk)))
                    .forEach(r -> into.put(r.get(key), r.get(id)));
        }
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) out.add(list.subList(i, Math.min(list.size(), i + size)));
        return out;
    }

    /** The values once each, in order; most people have none or one, which need no set (a voter file's worth). */
    private static Collection<String> once(List<String> values) {
        return values.size() < 2 ? values : new LinkedHashSet<>(values);
    }

    static Set<String> distinct(List<NewPerson> people, Function<NewPerson, String> key) {
        Set<String> out = new LinkedHashSet<>();
        for (NewPerson p : people) {
            String k = key.apply(p);
            if (k != null && !k.isBlank()) out.add(k);
        }
        return out;
    }

    private static List<Field<?>> personFields() {
        List<Field<?>> fields = new ArrayList<>(List.of(PersonTable.ID, PersonTable.CAMPAIGN_ID, PersonTable.FIRST_NAME,
                PersonTable.MIDDLE_NAME, PersonTable.LAST_NAME, PersonTable.SUFFIX, PersonTable.BIRTH_DATE, PersonTable.BIRTH_YEAR, PersonTable.GENDER, PersonTable.PARTY,
                PersonTable.SUPPORT_LEVEL, PersonTable.HOUSEHOLD_ID, PersonTable.CONTACT_CATEGORY));
        fields.add(DSL.field(DSL.select(DataOriginTable.NAME).from(DataOriginTable.T).where(DataOriginTable.ID.eq(PersonTable.ORIGIN_ID)))
                .as("origin_name"));
        return fields;
    }

    private static Person person(Record r) {
        return new Person(r.get(PersonTable.ID), r.get(PersonTable.CAMPAIGN_ID), r.get(PersonTable.FIRST_NAME), r.get(PersonTable.MIDDLE_NAME),
                r.get(PersonTable.LAST_NAME), r.get(PersonTable.SUFFIX), r.get(PersonTable.BIRTH_DATE), r.get(PersonTable.BIRTH_YEAR),
                r.get(PersonTable.GENDER),
                r.get(PersonTable.PARTY), r.get(PersonTable.SUPPORT_LEVEL), r.get(PersonTable.HOUSEHOLD_ID),
                ContactCategory.valueOf(r.get(PersonTable.CONTACT_CATEGORY)), r.get("origin_name", String.class));
    }

    private static PostalAddress address(Record r) {
        return new PostalAddress(r.get(PersonAddressTable.KIND), r.get(PersonAddressTable.LINE1), r.get(PersonAddressTable.LINE2),
                r.get(PersonAddressTable.CITY), r.get(PersonAddressTable.STATE), r.get(PersonAddressTable.ZIP), r.get(PersonAddressTable.COUNTRY),
                r.get(PersonAddressTable.LATITUDE), r.get(PersonAddressTable.LONGITUDE));
    }

    private static Registration registration(Record r) {
        return new Registration(r.get(VoterRegistrationTable.STATE), r.get(VoterRegistrationTable.REGISTRATION_ID),
                r.get(VoterRegistrationTable.STATE_VOTER_ID), r.get(VoterRegistrationTable.COUNTY), r.get(VoterRegistrationTable.STATUS),
                r.get(VoterRegistrationTable.REASON_CODE), r.get(VoterRegistrationTable.REGISTERED_ON), r.get(VoterRegistrationTable.PARTY),
                r.get(VoterRegistrationTable.PRECINCT), r.get(VoterRegistrationTable.WARD), r.get(VoterRegistrationTable.MUNICIPALITY),
                r.get(VoterRegistrationTable.CONGRESSIONAL_DISTRICT), r.get(VoterRegistrationTable.STATE_SENATE_DISTRICT),
                r.get(VoterRegistrationTable.STATE_HOUSE_DISTRICT));
    }
}
