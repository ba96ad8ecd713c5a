package org.muster.store;

import static org.muster.store.MatchTables.MatchReviewTable;
import static org.muster.store.MatchTables.PERSON_CHILDREN;
import static org.muster.store.MatchTables.PersonMergeTable;
import static org.muster.store.Tables.ActivityTable;
import static org.muster.store.Tables.AuditLogTable;
import static org.muster.store.Tables.PersonAddressTable;
import static org.muster.store.Tables.PersonEmailTable;
import static org.muster.store.Tables.PersonPhoneTable;
import static org.muster.store.Tables.PersonTable;
import static org.muster.store.Tables.TagTable;
import static org.muster.store.Tables.TaggingTable;
import static org.muster.store.Tables.VoterRegistrationTable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.muster.identity.MatchStore;
import org.muster.identity.MergeRecord;
import org.muster.identity.ReviewItem;
import org.muster.match.Explanation;
import org.muster.people.SearchKeys;
import org.muster.store.MatchTables.PersonChild;

/** {@link MatchStore} over jOOQ, for both dialects. */
public final class JooqMatchStore implements MatchStore {

    /** People per page when scanning: bounds memory on millions of people and stays under bind-variable limits. */
    private static final int PAGE = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Field<?>> PERSON_COLUMNS = List.of(PersonTable.ID, PersonTable.CAMPAIGN_ID,
            PersonTable.FIRST_NAME, PersonTable.MIDDLE_NAME, PersonTable.LAST_NAME, PersonTable.SUFFIX,
            PersonTable.BIRTH_DATE, PersonTable.BIRTH_YEAR, PersonTable.GENDER, PersonTable.PARTY,
            PersonTable.SUPPORT_LEVEL, PersonTable.HOUSEHOLD_ID, PersonTable.CONTACT_CATEGORY, PersonTable.ORIGIN_ID,
            PersonTable.SEARCH_LAST, PersonTable.SEARCH_FIRST, PersonTable.CREATED_AT, PersonTable.UPDATED_AT);
    /** The survivor's fields a merge fills from the merged person when the survivor has none. */
    private static final List<Field<?>> FILLED_ON_MERGE = List.of(PersonTable.MIDDLE_NAME, PersonTable.SUFFIX,
            PersonTable.BIRTH_DATE, PersonTable.BIRTH_YEAR, PersonTable.GENDER, PersonTable.PARTY,
            PersonTable.SUPPORT_LEVEL, PersonTable.HOUSEHOLD_ID);

    private final DSLContext dsl;

    public JooqMatchStore(Database database) {
        this.dsl = database.dsl();
    }

    // ---- what the matcher reads -------------------------------------------------------------------------------

    @Override
    public void scan(long campaignId, long[] personIds, Consumer<PersonFields> sink) {
        if (personIds != null) {
            for (int from = 0; from < personIds.length; from += PAGE) {
                List<Long> ids = Arrays.stream(personIds, from, Math.min(personIds.length, from + PAGE)).boxed().toList();
                emit(campaignId, PersonTable.ID.in(ids), sink);
            }
            return;
        }
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> page = dsl.select(PersonTable.ID).from(PersonTable.T)
                    .where(PersonTable.CAMPAIGN_ID.eq(campaignId).and(PersonTable.ID.gt(after)))
                    .orderBy(PersonTable.ID).limit(PAGE).fetch(PersonTable.ID);
            if (page.isEmpty()) return;
            emit(campaignId, PersonTable.ID.between(page.get(0), page.get(page.size() - 1)), sink);
            after = page.get(page.size() - 1);
        }
    }

    private void emit(long campaignId, Condition ids, Consumer<PersonFields> sink) {
        Map<Long, Record> people = new LinkedHashMap<>();
        dsl.select(PersonTable.ID, PersonTable.FIRST_NAME, PersonTable.MIDDLE_NAME, PersonTable.LAST_NAME,
                        PersonTable.BIRTH_DATE, PersonTable.BIRTH_YEAR).from(PersonTable.T)
                .where(PersonTable.CAMPAIGN_ID.eq(campaignId).and(ids)).orderBy(PersonTable.ID)
                .forEach(r -> people.put(r.get(PersonTable.ID), r));
        if (people.isEmpty()) return;
        Condition personIds = PersonTable.ID.in(people.keySet());
        Map<Long, String> emails = first(PersonEmailTable.PERSON_ID, PersonEmailTable.EMAIL, PersonEmailTable.ID,
                PersonEmailTable.T, personIds);
        Map<Long, String> phones = first(PersonPhoneTable.PERSON_ID, PersonPhoneTable.NUMBER_E164, PersonPhoneTable.ID,
                PersonPhoneTable.T, personIds);
        Map<Long, Record> addresses = new HashMap<>();
        dsl.select(PersonAddressTable.READ).from(PersonAddressTable.T)
                .where(PersonAddressTable.PERSON_ID.in(people.keySet())).orderBy(PersonAddressTable.ID)
                .forEach(r -> addresses.putIfAbsent(r.get(PersonAddressTable.PERSON_ID), r));
        people.forEach((id, p) -> {
            Record a = addresses.get(id);
            sink.accept(new PersonFields(id, p.get(PersonTable.FIRST_NAME), p.get(PersonTable.MIDDLE_NAME),
                    p.get(PersonTable.LAST_NAME), p.get(PersonTable.BIRTH_DATE), p.get(PersonTable.BIRTH_YEAR),
                    a == null ? null : a.get(PersonAddressTable.LINE1), a == null ? null : a.get(PersonAddressTable.CITY),
                    a == null ? null : a.get(PersonAddressTable.STATE), a == null ? null : a.get(PersonAddressTable.ZIP),
                    a == null ? null : a.get(PersonAddressTable.LATITUDE), a == null ? null : a.get(PersonAddressTable.LONGITUDE),
                    emails.get(id), phones.get(id)));
        });
    }

    private Map<Long, String> first(Field<Long> personId, Field<String> value, Field<Long> rowId,
            org.jooq.Table<Record> table, Condition people) {
        Map<Long, String> out = new HashMap<>();
        dsl.select(personId, value).from(table).join(PersonTable.T).on(PersonTable.ID.eq(personId)).where(people)
                .orderBy(rowId).forEach(r -> out.putIfAbsent(r.value1(), r.value2()));
        return out;
    }

    @Override
    public Map<Long, List<String>> registrationIds(long campaignId, Collection<Long> personIds) {
        Map<Long, List<String>> out = new HashMap<>();
        List<Long> ids = List.copyOf(personIds);
        for (int from = 0; from < ids.size(); from += PAGE) {
            dsl.select(VoterRegistrationTable.PERSON_ID, VoterRegistrationTable.REGISTRATION_ID)
                    .from(VoterRegistrationTable.T)
                    .where(VoterRegistrationTable.CAMPAIGN_ID.eq(campaignId))
                    .and(VoterRegistrationTable.PERSON_ID.in(ids.subList(from, Math.min(ids.size(), from + PAGE))))
                    .orderBy(VoterRegistrationTable.ID)
                    .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        }
        return out;
    }

    @Override
    public int tag(long campaignId, Collection<Long> personIds, String tag, String summary, String source) {
        List<Long> ids = List.copyOf(personIds);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long now = System.currentTimeMillis();
            tx.insertInto(TagTable.T, TagTable.CAMPAIGN_ID, TagTable.NAME).values(campaignId, tag)
                    .onConflictDoNothing().execute();
            long tagId = tx.select(TagTable.ID).from(TagTable.T).where(TagTable.CAMPAIGN_ID.eq(campaignId))
                    .and(TagTable.NAME.eq(tag)).fetchOne(TagTable.ID);
            int tagged = 0;
            for (int from = 0; from < ids.size(); from += PAGE) {
                List<Long> page = ids.subList(from, Math.min(ids.size(), from + PAGE));
                Set<Long> already = new HashSet<>(tx.select(TaggingTable.PERSON_ID).from(TaggingTable.T)
                        .where(TaggingTable.TAG_ID.eq(tagId)).and(TaggingTable.PERSON_ID.in(page))
                        .fetch(TaggingTable.PERSON_ID));
                List<Long> fresh = tx.select(PersonTable.ID).from(PersonTable.T)
                        .where(PersonTable.CAMPAIGN_ID.eq(campaignId)).and(PersonTable.ID.in(page))
                        .fetch(PersonTable.ID).stream().filter(id -> !already.contains(id)).toList();
                if (fresh.isEmpty()) continue;
                Batch taggings = new Batch(tx, TaggingTable.T, TaggingTable.PERSON_ID, TaggingTable.TAG_ID,
                        TaggingTable.CREATED_AT);
                Batch activities = new Batch(tx, ActivityTable.T, ActivityTable.PERSON_ID, ActivityTable.AT,
                        ActivityTable.TYPE, ActivityTable.SUMMARY, ActivityTable.ACTOR);
                Batch events = Outbox.batch(tx);
                for (long person : fresh) {
                    taggings.add(person, tagId, now);
                    activities.add(person, now, "flagged", summary, source);
                    Outbox.add(events, now, "person", person, "person.tagged");
                }
                taggings.execute();
                activities.execute();
                events.execute();
                tagged += fresh.size();
            }
            return tagged;
        });
    }

    @Override
    public long lastEventId() {
        return Outbox.lastEventId(dsl);
    }

    @Override
    public Changes changesAfter(long afterEventId, int limit) {
        Outbox.PersonChanges changes = Outbox.personChanges(dsl, afterEventId, limit);
        return new Changes(changes.lastEventId(), changes.personIds());
    }

    @Override
    public int recordMatch(long campaignId, long personId, List<String> emails, List<String> phones, String summary,
            String source) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long now = System.currentTimeMillis();
            personRow(tx, campaignId, personId);
            Set<String> knownEmails = new HashSet<>(tx.select(PersonEmailTable.SEARCH_EMAIL).from(PersonEmailTable.T)
                    .where(PersonEmailTable.PERSON_ID.eq(personId)).fetch(PersonEmailTable.SEARCH_EMAIL));
            Set<String> knownPhones = new HashSet<>(tx.select(PersonPhoneTable.SEARCH_PHONE).from(PersonPhoneTable.T)
                    .where(PersonPhoneTable.PERSON_ID.eq(personId)).fetch(PersonPhoneTable.SEARCH_PHONE));
            int added = 0;
            for (String email : emails) {
                if (knownEmails.add(SearchKeys.email(email))) {
                    tx.insertInto(PersonEmailTable.T, PersonEmailTable.PERSON_ID, PersonEmailTable.EMAIL, PersonEmailTable.SEARCH_EMAIL)
                            .values(personId, email.trim(), SearchKeys.email(email)).execute();
                    added++;
                }
            }
            for (String phone : phones) {
                if (knownPhones.add(SearchKeys.phone(phone))) {
                    tx.insertInto(PersonPhoneTable.T, PersonPhoneTable.PERSON_ID, PersonPhoneTable.NUMBER_E164, PersonPhoneTable.SEARCH_PHONE)
                            .values(personId, phone, SearchKeys.phone(phone)).execute();
                    added++;
                }
            }
            tx.insertInto(ActivityTable.T, ActivityTable.PERSON_ID, ActivityTable.AT, ActivityTable.TYPE, ActivityTable.SUMMARY,
                    ActivityTable.ACTOR).values(personId, now, "matched", summary, source).execute();
            Batch events = Outbox.batch(tx);
            Outbox.add(events, now, "person", personId, "person.matched");
            events.execute();
            return added;
        });
    }

    // ---- review queue -----------------------------------------------------------------------------------------

    @Override
    public Optional<Long> propose(long campaignId, long personA, long personB, Explanation explanation, String source) {
        long left = Math.min(personA, personB);
        long right = Math.max(personA, personB);
        if (left == right) throw new IllegalArgumentException("A person cannot be a duplicate of itself");
        String json = write(explanation);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (tx.fetchExists(MatchReviewTable.T, pair(campaignId, left, right))) return Optional.empty();
            return Optional.of(tx.insertInto(MatchReviewTable.T, MatchReviewTable.CAMPAIGN_ID, MatchReviewTable.LEFT_PERSON_ID,
                            MatchReviewTable.RIGHT_PERSON_ID, MatchReviewTable.PROBABILITY, MatchReviewTable.EXPLANATION,
                            MatchReviewTable.SOURCE, MatchReviewTable.STATUS, MatchReviewTable.CREATED_AT)
                    .values(campaignId, left, right, explanation.probability(), json, source, ReviewItem.Status.OPEN.name(),
                            System.currentTimeMillis())
                    .returningResult(MatchReviewTable.ID).fetchOne(MatchReviewTable.ID));
        });
    }

    private static Condition pair(long campaignId, long left, long right) {
        return MatchReviewTable.CAMPAIGN_ID.eq(campaignId).and(MatchReviewTable.LEFT_PERSON_ID.eq(left))
                .and(MatchReviewTable.RIGHT_PERSON_ID.eq(right));
    }

    @Override
    public boolean rejected(long campaignId, long personA, long personB) {
        return dsl.fetchExists(MatchReviewTable.T, pair(campaignId, Math.min(personA, personB), Math.max(personA, personB))
                .and(MatchReviewTable.STATUS.eq(ReviewItem.Status.REJECTED.name())));
    }

    @Override
    public List<ReviewItem> openReviews(long campaignId, int limit) {
        return dsl.select(MatchReviewTable.READ).from(MatchReviewTable.T).where(openWithBothPeople(campaignId))
                .orderBy(MatchReviewTable.PROBABILITY.desc(), MatchReviewTable.ID).limit(limit)
                .fetch(JooqMatchStore::review);
    }

    @Override
    public int countOpen(long campaignId) {
        return dsl.fetchCount(MatchReviewTable.T, openWithBothPeople(campaignId));
    }

    /** An item whose person was merged away meanwhile waits hidden: an undo of that merge brings it back. */
    private static Condition openWithBothPeople(long campaignId) {
        return MatchReviewTable.CAMPAIGN_ID.eq(campaignId).and(MatchReviewTable.STATUS.eq(ReviewItem.Status.OPEN.name()))
                .andExists(DSL.selectOne().from(PersonTable.T).where(PersonTable.ID.eq(MatchReviewTable.LEFT_PERSON_ID)))
                .andExists(DSL.selectOne().from(PersonTable.T).where(PersonTable.ID.eq(MatchReviewTable.RIGHT_PERSON_ID)));
    }

    @Override
    public Optional<ReviewItem> review(long campaignId, long reviewId) {
        return dsl.select(MatchReviewTable.READ).from(MatchReviewTable.T)
                .where(MatchReviewTable.ID.eq(reviewId).and(MatchReviewTable.CAMPAIGN_ID.eq(campaignId)))
                .fetchOptional(JooqMatchStore::review);
    }

    private static ReviewItem review(Record r) {
        return new ReviewItem(r.get(MatchReviewTable.ID), r.get(MatchReviewTable.CAMPAIGN_ID),
                r.get(MatchReviewTable.LEFT_PERSON_ID), r.get(MatchReviewTable.RIGHT_PERSON_ID),
                r.get(MatchReviewTable.PROBABILITY), read(r.get(MatchReviewTable.EXPLANATION), Explanation.class),
                r.get(MatchReviewTable.SOURCE), ReviewItem.Status.valueOf(r.get(MatchReviewTable.STATUS)),
                r.get(MatchReviewTable.CREATED_AT), r.get(MatchReviewTable.DECIDED_BY), r.get(MatchReviewTable.DECIDED_AT));
    }

    @Override
    public void reject(long campaignId, long reviewId, Long userId) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            long now = System.currentTimeMillis();
            ReviewItem item = openItem(tx, campaignId, reviewId);
            decide(tx, reviewId, ReviewItem.Status.REJECTED, userId, now);
            audit(tx, now, userId, "match.reject", "review:" + reviewId,
                    "person " + item.leftPersonId() + " is not person " + item.rightPersonId());
            Batch events = Outbox.batch(tx);
            Outbox.add(events, now, "person", item.leftPersonId(), "person.match_rejected");
            Outbox.add(events, now, "person", item.rightPersonId(), "person.match_rejected");
            events.execute();
        });
    }

    private static ReviewItem openItem(DSLContext tx, long campaignId, long reviewId) {
        ReviewItem item = tx.select(MatchReviewTable.READ).from(MatchReviewTable.T)
                .where(MatchReviewTable.ID.eq(reviewId).and(MatchReviewTable.CAMPAIGN_ID.eq(campaignId)))
                .fetchOptional(JooqMatchStore::review)
                .orElseThrow(() -> new IllegalArgumentException("No review item " + reviewId));
        if (item.status() != ReviewItem.Status.OPEN) {
            throw new IllegalStateException("Review item " + reviewId + " was already decided: " + item.status());
        }
        return item;
    }

    private static void decide(DSLContext tx, long reviewId, ReviewItem.Status status, Long userId, Long at) {
        tx.update(MatchReviewTable.T).set(MatchReviewTable.STATUS, status.name()).set(MatchReviewTable.DECIDED_BY, userId)
                .set(MatchReviewTable.DECIDED_AT, at).where(MatchReviewTable.ID.eq(reviewId)).execute();
    }

    // ---- merges -----------------------------------------------------------------------------------------------

    @Override
    public MergeRecord merge(long campaignId, long survivorId, long mergedId, Long reviewId, Long userId) {
        if (survivorId == mergedId) throw new IllegalArgumentException("A person cannot be merged into itself");
        long mergeId = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long now = System.currentTimeMillis();
            Record survivor = personRow(tx, campaignId, survivorId);
            Record merged = personRow(tx, campaignId, mergedId);
            refuseRowsAMergeCannotMove(tx, mergedId);
            if (reviewId != null) {
                ReviewItem item = openItem(tx, campaignId, reviewId);
                if (item.leftPersonId() != Math.min(survivorId, mergedId) || item.rightPersonId() != Math.max(survivorId, mergedId)) {
                    throw new IllegalArgumentException("Review item " + reviewId + " is not about these two people");
                }
                decide(tx, reviewId, ReviewItem.Status.MERGED, userId, now);
            }
            Map<String, Object> tables = new LinkedHashMap<>();
            for (PersonChild child : PERSON_CHILDREN) tables.put(child.name(), moveRows(tx, child, mergedId, survivorId));
            var fill = new LinkedHashMap<Field<?>, Object>();
            for (Field<?> f : FILLED_ON_MERGE) {
                if (survivor.get(f) == null && merged.get(f) != null) fill.put(f, merged.get(f));
            }
            fill.put(PersonTable.UPDATED_AT, now);
            tx.update(PersonTable.T).set(fill).where(PersonTable.ID.eq(survivorId)).execute();
            tx.deleteFrom(PersonTable.T).where(PersonTable.ID.eq(mergedId)).execute();
            String mergedName = displayName(merged);
            long activityId = tx.insertInto(ActivityTable.T, ActivityTable.PERSON_ID, ActivityTable.AT, ActivityTable.TYPE,
                            ActivityTable.SUMMARY, ActivityTable.ACTOR)
                    .values(survivorId, now, "merged", "Merged with " + mergedName + " (#" + mergedId + ")",
                            userId == null ? null : "user:" + userId)
                    .returningResult(ActivityTable.ID).fetchOne(ActivityTable.ID);
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("survivor", values(survivor, PERSON_COLUMNS));
            snapshot.put("merged", values(merged, PERSON_COLUMNS));
            snapshot.put("activity", activityId);
            snapshot.put("tables", tables);
            long id = tx.insertInto(PersonMergeTable.T, PersonMergeTable.CAMPAIGN_ID, PersonMergeTable.SURVIVOR_ID,
                            PersonMergeTable.MERGED_ID, PersonMergeTable.REVIEW_ID, PersonMergeTable.MERGED_BY,
                            PersonMergeTable.MERGED_AT, PersonMergeTable.SNAPSHOT)
                    .values(campaignId, survivorId, mergedId, reviewId, userId, now, write(snapshot))
                    .returningResult(PersonMergeTable.ID).fetchOne(PersonMergeTable.ID);
            audit(tx, now, userId, "match.merge", "person:" + survivorId,
                    "merged person " + mergedId + " (" + mergedName + ") as merge " + id);
            Batch events = Outbox.batch(tx);
            Outbox.add(events, now, "person", survivorId, "person.merged");
            Outbox.add(events, now, "person", mergedId, "person.merged_away");
            events.execute();
            return id;
        });
        return mergeRecord(campaignId, mergeId).orElseThrow();
    }

    /** Moves the merged person's rows of one table to the survivor; returns what moved and what was dropped. */
    private static Map<String, Object> moveRows(DSLContext tx, PersonChild child, long from, long to) {
        Set<List<Object>> survivorKeys = new HashSet<>();
        if (!child.duplicateKey().isEmpty()) {
            tx.select(child.duplicateKey()).from(child.table()).where(child.personId().eq(to))
                    .forEach(r -> survivorKeys.add(Arrays.asList(r.intoArray())));
        }
        List<List<Object>> moved = new ArrayList<>();
        List<Map<String, Object>> dropped = new ArrayList<>();
        for (Record row : tx.select(child.columns()).from(child.table()).where(child.personId().eq(from)).fetch()) {
            Condition thisRow = child.personId().eq(from).and(identity(child, row));
            List<Object> key = child.duplicateKey().stream().map(row::get).map(JooqMatchStore::comparable).toList();
            if (!child.duplicateKey().isEmpty() && !survivorKeys.add(key)) {
                dropped.add(values(row, child.columns()));
                tx.deleteFrom(child.table()).where(thisRow).execute();
            } else {
                moved.add(child.identity().stream().map(f -> json(row.get(f))).toList());
                tx.update(child.table()).set(child.personId(), to).where(thisRow).execute();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("moved", moved);
        out.put("dropped", dropped);
        return out;
    }

    /**
     * Tables added later (by features this merge does not know) may reference person with ON DELETE CASCADE:
     * removing the merged person would silently delete their rows, beyond any undo. Such rows stop the merge.
     */
    private static void refuseRowsAMergeCannotMove(DSLContext tx, long mergedId) {
        Set<String> moved = new HashSet<>();
        for (PersonChild child : PERSON_CHILDREN) moved.add(child.name());
        for (Record ref : personReferences(tx)) {
            String table = ref.get(0, String.class);
            String column = ref.get(1, String.class);
            if (moved.contains(table) && column.equals("person_id")) continue;
            if (tx.fetchExists(DSL.selectOne().from(DSL.table(DSL.name(table)))
                    .where(DSL.field(DSL.name(column), Long.class).eq(mergedId)))) {
                throw new IllegalStateException("Person " + mergedId + " has rows in " + table + "." + column
                        + ", which a merge does not move yet: nothing was merged.");
            }
        }
    }

    /** Every (table, column) with a foreign key to person, read from the database's own catalogue. */
    private static org.jooq.Result<Record> personReferences(DSLContext tx) {
        if (tx.dialect() == org.jooq.SQLDialect.POSTGRES) {
            return tx.fetch("select cl.relname, a.attname from pg_constraint c join pg_class cl on cl.oid = c.conrelid "
                    + "join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey) "
                    + "where c.contype = 'f' and c.confrelid = 'person'::regclass");
        }
        return tx.fetch("select m.name, f.\"from\" from sqlite_master m join pragma_foreign_key_list(m.name) f "
                + "where m.type = 'table' and f.\"table\" = 'person'");
    }

    /** Keys read from the two people compare equal whatever numeric type the driver chose. */
    private static Object comparable(Object value) {
        return value instanceof Number n && !(value instanceof Double) ? (Object) n.longValue() : value;
    }

    @SuppressWarnings("unchecked")
    private static Condition identity(PersonChild child, Record row) {
        return DSL.and(child.identity().stream().map(f -> ((Field<Object>) f).eq(row.get(f))).toList());
    }

    @SuppressWarnings("unchecked")
    private static Condition identity(PersonChild child, List<Object> values) {
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < child.identity().size(); i++) {
            Field<Object> f = (Field<Object>) child.identity().get(i);
            parts.add(f.eq(f.getDataType().convert(values.get(i))));
        }
        return DSL.and(parts);
    }

    @Override
    @SuppressWarnings("unchecked")
    public MergeRecord undo(long campaignId, long mergeId, Long userId) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            long now = System.currentTimeMillis();
            Record merge = tx.select(PersonMergeTable.READ).from(PersonMergeTable.T)
                    .where(PersonMergeTable.ID.eq(mergeId).and(PersonMergeTable.CAMPAIGN_ID.eq(campaignId))).fetchOne();
            if (merge == null) throw new IllegalArgumentException("No merge " + mergeId);
            if (merge.get(PersonMergeTable.UNDONE_AT) != null) throw new IllegalStateException("Merge " + mergeId + " was already undone");
            long survivorId = merge.get(PersonMergeTable.SURVIVOR_ID);
            long mergedId = merge.get(PersonMergeTable.MERGED_ID);
            List<Long> both = List.of(survivorId, mergedId);
            if (tx.fetchExists(PersonMergeTable.T, PersonMergeTable.CAMPAIGN_ID.eq(campaignId).and(PersonMergeTable.ID.gt(mergeId))
                    .and(PersonMergeTable.UNDONE_AT.isNull())
                    .and(PersonMergeTable.SURVIVOR_ID.in(both).or(PersonMergeTable.MERGED_ID.in(both))))) {
                throw new IllegalStateException("A later merge involving person " + survivorId + " or " + mergedId
                        + " is in force: undo it first");
            }
            Map<String, Object> snapshot = read(merge.get(PersonMergeTable.SNAPSHOT), new TypeReference<>() { });
            tx.insertInto(PersonTable.T).set(typed(PERSON_COLUMNS, (Map<String, Object>) snapshot.get("merged"))).execute();
            Map<String, Object> tables = (Map<String, Object>) snapshot.get("tables");
            for (PersonChild child : PERSON_CHILDREN) {
                Map<String, Object> rows = (Map<String, Object>) tables.get(child.name());
                for (List<Object> moved : (List<List<Object>>) rows.get("moved")) {
                    tx.update(child.table()).set(child.personId(), mergedId)
                            .where(child.personId().eq(survivorId).and(identity(child, moved))).execute();
                }
                for (Map<String, Object> dropped : (List<Map<String, Object>>) rows.get("dropped")) {
                    Map<Field<?>, Object> row = typed(child.columns(), dropped);
                    // SQLite reuses the highest rowid once deleted: if a later row took this id, the restored row
                    // gets a new one (same values, same person)
                    Field<?> id = child.columns().get(0);
                    if (id.getName().equals("id") && tx.fetchExists(child.table(), ((Field<Object>) id).eq(row.get(id)))) {
                        row.remove(id);
                    }
                    tx.insertInto(child.table()).set(row).execute();
                }
            }
            Map<Field<?>, Object> survivorBefore = typed(PERSON_COLUMNS, (Map<String, Object>) snapshot.get("survivor"));
            survivorBefore.remove(PersonTable.ID);
            tx.update(PersonTable.T).set(survivorBefore).where(PersonTable.ID.eq(survivorId)).execute();
            tx.deleteFrom(ActivityTable.T).where(ActivityTable.ID.eq(((Number) snapshot.get("activity")).longValue())).execute();
            tx.update(PersonMergeTable.T).set(PersonMergeTable.UNDONE_BY, userId).set(PersonMergeTable.UNDONE_AT, now)
                    .where(PersonMergeTable.ID.eq(mergeId)).execute();
            Long reviewId = merge.get(PersonMergeTable.REVIEW_ID);
            if (reviewId != null) decide(tx, reviewId, ReviewItem.Status.OPEN, null, null);
            audit(tx, now, userId, "match.undo", "person:" + survivorId, "undid merge " + mergeId + ": person "
                    + mergedId + " restored");
            Batch events = Outbox.batch(tx);
            Outbox.add(events, now, "person", survivorId, "person.unmerged");
            Outbox.add(events, now, "person", mergedId, "person.unmerged");
            events.execute();
        });
        return mergeRecord(campaignId, mergeId).orElseThrow();
    }

    @Override
    public Optional<MergeRecord> mergeRecord(long campaignId, long mergeId) {
        return dsl.select(PersonMergeTable.READ).from(PersonMergeTable.T)
                .where(PersonMergeTable.ID.eq(mergeId).and(PersonMergeTable.CAMPAIGN_ID.eq(campaignId)))
                .fetchOptional(JooqMatchStore::mergeRecord);
    }

    @Override
    public List<MergeRecord> merges(long campaignId, int limit) {
        return dsl.select(PersonMergeTable.READ).from(PersonMergeTable.T).where(PersonMergeTable.CAMPAIGN_ID.eq(campaignId))
                .orderBy(PersonMergeTable.ID.desc()).limit(limit).fetch(JooqMatchStore::mergeRecord);
    }

    @SuppressWarnings("unchecked")
    private static MergeRecord mergeRecord(Record r) {
        Map<String, Object> snapshot = read(r.get(PersonMergeTable.SNAPSHOT), new TypeReference<>() { });
        Map<String, Integer> moved = new LinkedHashMap<>();
        ((Map<String, Map<String, List<?>>>) snapshot.get("tables")).forEach((table, rows) -> {
            int n = rows.get("moved").size() + rows.get("dropped").size();
            if (n > 0) moved.put(table, n);
        });
        Map<String, Object> merged = (Map<String, Object>) snapshot.get("merged");
        String name = String.join(" ", java.util.stream.Stream.of("first_name", "last_name").map(merged::get)
                .filter(v -> v != null).map(Object::toString).toList());
        return new MergeRecord(r.get(PersonMergeTable.ID), r.get(PersonMergeTable.CAMPAIGN_ID),
                r.get(PersonMergeTable.SURVIVOR_ID), r.get(PersonMergeTable.MERGED_ID), name,
                r.get(PersonMergeTable.REVIEW_ID), r.get(PersonMergeTable.MERGED_BY), r.get(PersonMergeTable.MERGED_AT),
                moved, r.get(PersonMergeTable.UNDONE_BY), r.get(PersonMergeTable.UNDONE_AT));
    }

    /** The highest person id ever merged away, so SQLite's id allocation never hands it out again. */
    static long highestMergedId(DSLContext tx) {
        Long max = tx.select(DSL.max(PersonMergeTable.MERGED_ID)).from(PersonMergeTable.T).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    private static Record personRow(DSLContext tx, long campaignId, long personId) {
        Record r = tx.select(PERSON_COLUMNS).from(PersonTable.T)
                .where(PersonTable.ID.eq(personId).and(PersonTable.CAMPAIGN_ID.eq(campaignId))).fetchOne();
        if (r == null) throw new IllegalArgumentException("No person " + personId + " in this campaign");
        return r;
    }

    private static String displayName(Record person) {
        return String.join(" ", java.util.stream.Stream.of(PersonTable.FIRST_NAME, PersonTable.LAST_NAME)
                .map(person::get).filter(v -> v != null && !v.isBlank()).toList());
    }

    private static void audit(DSLContext tx, long now, Long userId, String action, String target, String detail) {
        tx.insertInto(AuditLogTable.T, AuditLogTable.AT, AuditLogTable.USER_ID, AuditLogTable.ACTION, AuditLogTable.TARGET,
                AuditLogTable.DETAIL).values(now, userId, action, target, detail).execute();
    }

    // ---- snapshot (JSON) --------------------------------------------------------------------------------------

    private static Map<String, Object> values(Record row, List<Field<?>> columns) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field<?> f : columns) out.put(f.getName(), json(row.get(f)));
        return out;
    }

    private static Object json(Object value) {
        return value instanceof LocalDate d ? d.toString() : value;
    }

    /** Snapshot values back to typed column values (dates from text, longs from any JSON number). */
    private static Map<Field<?>, Object> typed(List<Field<?>> columns, Map<String, Object> values) {
        Map<Field<?>, Object> out = new LinkedHashMap<>();
        for (Field<?> f : columns) out.put(f, f.getDataType().convert(values.get(f.getName())));
        return out;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored JSON: " + e.getOriginalMessage(), e);
        }
    }
}
