package org.muster.store;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.muster.store.CanvassTables.AssignmentTable;
import static org.muster.store.CanvassTables.EntryTable;
import static org.muster.store.CanvassTables.ListTable;
import static org.muster.store.CanvassTables.NewPersonTable;
import static org.muster.store.CanvassTables.ResultTable;
import static org.muster.store.CanvassTables.ScriptTable;
import static org.muster.store.MapTables.TurfTable;
import static org.muster.store.Tables.ActivityTable;
import static org.muster.store.Tables.AppUserTable;
import static org.muster.store.Tables.PersonAddressTable;
import static org.muster.store.Tables.PersonPhoneTable;
import static org.muster.store.Tables.PersonTable;
import static org.muster.store.Tables.TagTable;
import static org.muster.store.Tables.TaggingTable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.canvass.Assignment;
import org.muster.canvass.CanvassActivities;
import org.muster.canvass.CanvassList;
import org.muster.canvass.CanvassStore;
import org.muster.canvass.Door;
import org.muster.canvass.FieldProgress;
import org.muster.canvass.ListKind;
import org.muster.canvass.NewContact;
import org.muster.canvass.Outcome;
import org.muster.canvass.PendingContact;
import org.muster.canvass.ReceivedResult;
import org.muster.canvass.ResultCode;
import org.muster.canvass.Script;
import org.muster.canvass.StoredScript;
import org.muster.canvass.Submission;
import org.muster.canvass.SubmissionResult;
import org.muster.canvass.WalkOrder;
import org.muster.people.PersonSummary;

/** {@link CanvassStore} over jOOQ, for both dialects. */
public final class JooqCanvassStore implements CanvassStore {

    private static final int CHUNK = 500;
    private static final String OPEN = "OPEN";
    private static final String DONE = "DONE";

    private final DSLContext dsl;

    public JooqCanvassStore(Database database) {
        this(database.dsl());
    }

    JooqCanvassStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- scripts

    @Override
    public StoredScript createScript(long campaignId, String name, String body) {
        String n = requireName(name, "script");
        Script.parse(body);
        if (dsl.fetchExists(ScriptTable.T, ScriptTable.CAMPAIGN_ID.eq(campaignId).and(ScriptTable.NAME.eq(n)))) {
            throw new IllegalArgumentException("There is already a script named '" + n + "'.");
        }
        long id = dsl.insertInto(ScriptTable.T, ScriptTable.CAMPAIGN_ID, ScriptTable.NAME, ScriptTable.BODY, ScriptTable.CREATED_AT)
                .values(campaignId, n, body, System.currentTimeMillis()).returningResult(ScriptTable.ID).fetchOne(ScriptTable.ID);
        return script(campaignId, id).orElseThrow();
    }

    @Override
    public List<StoredScript> scripts(long campaignId) {
        return dsl.select(ScriptTable.ID, ScriptTable.NAME, ScriptTable.BODY).from(ScriptTable.T)
                .where(ScriptTable.CAMPAIGN_ID.eq(campaignId)).orderBy(ScriptTable.NAME).fetch(JooqCanvassStore::storedScript);
    }

    @Override
    public Optional<StoredScript> script(long campaignId, long scriptId) {
        return dsl.select(ScriptTable.ID, ScriptTable.NAME, ScriptTable.BODY).from(ScriptTable.T)
                .where(ScriptTable.CAMPAIGN_ID.eq(campaignId)).and(ScriptTable.ID.eq(scriptId)).fetchOptional(JooqCanvassStore::storedScript);
    }

    private static StoredScript storedScript(Record r) {
        return new StoredScript(r.get(ScriptTable.ID), r.get(ScriptTable.NAME), r.get(ScriptTable.BODY), Script.parse(r.get(ScriptTable.BODY)));
    }

    // ---- lists

    @Override
    public CanvassList createList(long campaignId, String name, ListKind kind, long scriptId, String source, Long turfId,
            long[] personIds, Long createdBy) {
        String n = requireName(name, "list");
        if (script(campaignId, scriptId).isEmpty()) throw new IllegalArgumentException("There is no script " + scriptId + " in this campaign.");
        List<Long> ordered = kind == ListKind.WALK ? walkOrder(campaignId, personIds) : withPhone(campaignId, personIds);
        return insertList(campaignId, n, kind, scriptId, source, turfId, ordered, createdBy);
    }

    @Override
    public CanvassList createRouteList(long campaignId, String name, long scriptId, String source, long turfId,
            long[] personIdsInRouteOrder, Long createdBy) {
        String n = requireName(name, "list");
        if (script(campaignId, scriptId).isEmpty()) throw new IllegalArgumentException("There is no script " + scriptId + " in this campaign.");
        Set<Long> inCampaign = new HashSet<>();
        for (List<Long> chunk : chunks(personIdsInRouteOrder)) inCampaign.addAll(names(campaignId, chunk).keySet());
        List<Long> ordered = Arrays.stream(personIdsInRouteOrder).boxed().distinct().filter(inCampaign::contains).toList();
        return insertList(campaignId, n, ListKind.WALK, scriptId, source, turfId, ordered, createdBy);
    }

    private CanvassList insertList(long campaignId, String n, ListKind kind, long scriptId, String source, Long turfId,
            List<Long> ordered, Long createdBy) {
        long now = System.currentTimeMillis();
        long id = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long listId = tx.insertInto(ListTable.T, ListTable.CAMPAIGN_ID, ListTable.NAME, ListTable.KIND, ListTable.SCRIPT_ID,
                            ListTable.SOURCE, ListTable.TURF_ID, ListTable.CREATED_BY, ListTable.CREATED_AT)
                    .values(campaignId, n, kind.name(), scriptId, source, turfId, createdBy, now)
                    .returningResult(ListTable.ID).fetchOne(ListTable.ID);
            Batch entries = new Batch(tx, EntryTable.T, EntryTable.LIST_ID, EntryTable.POSITION, EntryTable.PERSON_ID,
                    EntryTable.STATUS, EntryTable.ATTEMPTS);
            for (int i = 0; i < ordered.size(); i++) entries.add(listId, i + 1, ordered.get(i), OPEN, 0);
            entries.execute();
            return listId;
        });
        return list(campaignId, id).orElseThrow();
    }

    /** The campaign's people among the ids that have an address, in walking order. */
    private List<Long> walkOrder(long campaignId, long[] personIds) {
        Map<Long, WalkOrder.Key> keys = new HashMap<>();
        for (List<Long> chunk : chunks(personIds)) {
            Map<Long, String> names = names(campaignId, chunk);
            dsl.select(PersonAddressTable.PERSON_ID, PersonAddressTable.LINE1, PersonAddressTable.LINE2).from(PersonAddressTable.T)
                    .where(PersonAddressTable.PERSON_ID.in(chunk)).and(PersonAddressTable.LINE1.isNotNull())
                    .orderBy(PersonAddressTable.ID).forEach(r -> {
                        long id = r.get(PersonAddressTable.PERSON_ID);
                        if (names.containsKey(id)) {
                            keys.putIfAbsent(id, WalkOrder.key(r.get(PersonAddressTable.LINE1), r.get(PersonAddressTable.LINE2), names.get(id)));
                        }
                    });
        }
        return keys.entrySet().stream()
                .sorted(Map.Entry.<Long, WalkOrder.Key>comparingByValue(WalkOrder.ORDER).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** The campaign's people among the ids that have a phone, in the order given. */
    private List<Long> withPhone(long campaignId, long[] personIds) {
        Set<Long> phoned = new HashSet<>();
        for (List<Long> chunk : chunks(personIds)) {
            phoned.addAll(dsl.selectDistinct(PersonPhoneTable.PERSON_ID).from(PersonPhoneTable.T)
                    .join(PersonTable.T).on(PersonTable.ID.eq(PersonPhoneTable.PERSON_ID))
                    .where(PersonPhoneTable.PERSON_ID.in(chunk)).and(PersonTable.CAMPAIGN_ID.eq(campaignId))
                    .fetch(PersonPhoneTable.PERSON_ID));
        }
        return Arrays.stream(personIds).boxed().distinct().filter(phoned::contains).toList();
    }

    private Map<Long, String> names(long campaignId, List<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        dsl.select(PersonTable.ID, PersonTable.SEARCH_LAST, PersonTable.SEARCH_FIRST).from(PersonTable.T)
                .where(PersonTable.ID.in(ids)).and(PersonTable.CAMPAIGN_ID.eq(campaignId))
                .forEach(r -> out.put(r.get(PersonTable.ID), r.get(PersonTable.SEARCH_LAST) + " " + r.get(PersonTable.SEARCH_FIRST)));
        return out;
    }

    private static List<List<Long>> chunks(long[] ids) {
        List<Long> distinct = Arrays.stream(ids).distinct().boxed().toList();
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) out.add(distinct.subList(i, Math.min(distinct.size(), i + CHUNK)));
        return out;
    }

    @Override
    public List<CanvassList> lists(long campaignId) {
        return listQuery(ListTable.CAMPAIGN_ID.eq(campaignId));
    }

    @Override
    public Optional<CanvassList> list(long campaignId, long listId) {
        return listQuery(ListTable.CAMPAIGN_ID.eq(campaignId).and(ListTable.ID.eq(listId))).stream().findFirst();
    }

    @Override
    public List<CanvassList> assignedLists(long campaignId, long userId) {
        return listQuery(ListTable.CAMPAIGN_ID.eq(campaignId).and(ListTable.ID.in(dsl.select(AssignmentTable.LIST_ID)
                .from(AssignmentTable.T).where(AssignmentTable.USER_ID.eq(userId)).and(AssignmentTable.UNASSIGNED_AT.isNull()))));
    }

    private List<CanvassList> listQuery(Condition where) {
        Field<Integer> doors = dsl.selectCount().from(EntryTable.T).where(EntryTable.LIST_ID.eq(ListTable.ID)).asField("doors");
        Field<Integer> done = dsl.selectCount().from(EntryTable.T).where(EntryTable.LIST_ID.eq(ListTable.ID))
                .and(EntryTable.STATUS.eq(DONE)).asField("done");
        return dsl.select(ListTable.ID, ListTable.CAMPAIGN_ID, ListTable.NAME, ListTable.KIND, ListTable.SCRIPT_ID, ListTable.SOURCE,
                        ListTable.TURF_ID, ListTable.CREATED_AT, doors, done)
                .from(ListTable.T).where(where).orderBy(ListTable.CREATED_AT.desc(), ListTable.ID.desc())
                .fetch(r -> new CanvassList(r.get(ListTable.ID), r.get(ListTable.CAMPAIGN_ID), r.get(ListTable.NAME),
                        ListKind.valueOf(r.get(ListTable.KIND)), r.get(ListTable.SCRIPT_ID), r.get(ListTable.SOURCE), r.get(ListTable.TURF_ID),
                        Instant.ofEpochMilli(r.get(ListTable.CREATED_AT)), r.get(doors), r.get(done)));
    }

    @Override
    public List<Door> doors(long listId) {
        return doors(EntryTable.LIST_ID.eq(listId));
    }

    private List<Door> doors(Condition where) {
        List<? extends Record> entries = dsl.select(EntryTable.LIST_ID, EntryTable.POSITION, EntryTable.PERSON_ID, EntryTable.STATUS,
                EntryTable.RESULT_CODE, EntryTable.ATTEMPTS).from(EntryTable.T).where(where).orderBy(EntryTable.POSITION).fetch();
        List<Long> ids = entries.stream().map(r -> r.get(EntryTable.PERSON_ID)).toList();
        Map<Long, PersonSummary> people = new HashMap<>();
        Map<Long, String> parties = new HashMap<>();
        Map<Long, double[]> homes = new HashMap<>();
        JooqPersonStore persons = new JooqPersonStore(dsl);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            persons.summaries(chunk).forEach(p -> people.put(p.id(), p));
            dsl.select(PersonTable.ID, PersonTable.PARTY).from(PersonTable.T).where(PersonTable.ID.in(chunk))
                    .forEach(r -> parties.put(r.get(PersonTable.ID), r.get(PersonTable.PARTY)));
            // The first address, as in the summary's address line.
            dsl.select(PersonAddressTable.PERSON_ID, PersonAddressTable.LATITUDE, PersonAddressTable.LONGITUDE).from(PersonAddressTable.T)
                    .where(PersonAddressTable.PERSON_ID.in(chunk)).orderBy(PersonAddressTable.ID)
                    .forEach(r -> homes.putIfAbsent(r.get(PersonAddressTable.PERSON_ID), r.get(PersonAddressTable.LATITUDE) == null
                            || r.get(PersonAddressTable.LONGITUDE) == null ? new double[0]
                            : new double[] {r.get(PersonAddressTable.LATITUDE), r.get(PersonAddressTable.LONGITUDE)}));
        }
        return entries.stream().map(r -> {
            PersonSummary p = people.get(r.get(EntryTable.PERSON_ID));
            double[] home = homes.getOrDefault(p.id(), new double[0]);
            return new Door(r.get(EntryTable.LIST_ID), r.get(EntryTable.POSITION), p.id(), p.displayName(), p.address(), p.phone(),
                    OPEN.equals(r.get(EntryTable.STATUS)), r.get(EntryTable.RESULT_CODE), r.get(EntryTable.ATTEMPTS),
                    home.length == 0 ? null : home[0], home.length == 0 ? null : home[1],
                    p.birthYear() != null ? p.birthYear() : p.birthDate() == null ? null : p.birthDate().getYear(), parties.get(p.id()));
        }).toList();
    }

    // ---- assignments

    @Override
    public List<User> assignableUsers(long campaignId) {
        return dsl.select(AppUserTable.READ).from(AppUserTable.T).where(AppUserTable.CAMPAIGN_ID.eq(campaignId))
                .and(AppUserTable.ACTIVE.isTrue()).and(AppUserTable.ROLE.in(Role.VOLUNTEER.name(), Role.ORGANISER.name(), Role.ADMIN.name()))
                .fetch(JooqCanvassStore::user)
                .stream().sorted(Comparator.comparing((User u) -> u.role() != Role.VOLUNTEER).thenComparing(User::displayName)).toList();
    }

    private static User user(Record r) {
        return new User(r.get(AppUserTable.ID), r.get(AppUserTable.CAMPAIGN_ID), r.get(AppUserTable.EMAIL),
                r.get(AppUserTable.DISPLAY_NAME), Role.valueOf(r.get(AppUserTable.ROLE)), r.get(AppUserTable.ACTIVE));
    }

    @Override
    public Assignment assign(long listId, long userId, LocalDate dueOn, long assignedBy) {
        Long campaignId = dsl.select(ListTable.CAMPAIGN_ID).from(ListTable.T).where(ListTable.ID.eq(listId)).fetchOne(ListTable.CAMPAIGN_ID);
        if (campaignId == null) throw new IllegalArgumentException("There is no list " + listId + ".");
        if (assignableUsers(campaignId).stream().noneMatch(u -> u.id() == userId)) {
            throw new IllegalArgumentException("User " + userId + " is not an active canvasser of this campaign.");
        }
        long now = System.currentTimeMillis();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            int updated = tx.update(AssignmentTable.T).set(AssignmentTable.DUE_ON, dueOn).where(active(listId, userId)).execute();
            if (updated == 0) {
                tx.insertInto(AssignmentTable.T, AssignmentTable.LIST_ID, AssignmentTable.USER_ID, AssignmentTable.DUE_ON,
                        AssignmentTable.ASSIGNED_BY, AssignmentTable.ASSIGNED_AT).values(listId, userId, dueOn, assignedBy, now).execute();
            }
        });
        return assignments(listId).stream().filter(a -> a.userId() == userId && a.active()).findFirst().orElseThrow();
    }

    @Override
    public boolean unassign(long listId, long userId) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int n = tx.update(AssignmentTable.T).set(AssignmentTable.UNASSIGNED_AT, System.currentTimeMillis())
                    .where(active(listId, userId)).execute();
            // A caller's leases on the list end with the assignment.
            tx.update(EntryTable.T).setNull(EntryTable.CLAIMED_BY).setNull(EntryTable.CLAIM_UNTIL)
                    .where(EntryTable.LIST_ID.eq(listId)).and(EntryTable.CLAIMED_BY.eq(userId)).execute();
            return n > 0;
        });
    }

    @Override
    public List<Assignment> assignments(long listId) {
        return dsl.select(AssignmentTable.ID, AssignmentTable.LIST_ID, AssignmentTable.USER_ID, AppUserTable.DISPLAY_NAME,
                        AssignmentTable.DUE_ON, AssignmentTable.ASSIGNED_AT, AssignmentTable.UNASSIGNED_AT)
                .from(AssignmentTable.T).join(AppUserTable.T).on(AppUserTable.ID.eq(AssignmentTable.USER_ID))
                .where(AssignmentTable.LIST_ID.eq(listId)).orderBy(AssignmentTable.ASSIGNED_AT, AssignmentTable.ID)
                .fetch(r -> new Assignment(r.get(AssignmentTable.ID), r.get(AssignmentTable.LIST_ID), r.get(AssignmentTable.USER_ID),
                        r.get(AppUserTable.DISPLAY_NAME), r.get(AssignmentTable.DUE_ON), Instant.ofEpochMilli(r.get(AssignmentTable.ASSIGNED_AT)),
                        r.get(AssignmentTable.UNASSIGNED_AT) == null ? null : Instant.ofEpochMilli(r.get(AssignmentTable.UNASSIGNED_AT))));
    }

    @Override
    public boolean isAssigned(long listId, long userId) {
        return isAssigned(dsl, listId, userId);
    }

    private static boolean isAssigned(DSLContext ctx, long listId, long userId) {
        return ctx.fetchExists(AssignmentTable.T, active(listId, userId));
    }

    private static Condition active(long listId, long userId) {
        return AssignmentTable.LIST_ID.eq(listId).and(AssignmentTable.USER_ID.eq(userId)).and(AssignmentTable.UNASSIGNED_AT.isNull());
    }

    // ---- results

    @Override
    public SubmissionResult submit(long campaignId, User user, Submission s) {
        Optional<SubmissionResult> earlier = received(campaignId, s.idempotencyKey());
        if (earlier.isPresent()) return earlier.get();
        CanvassList list = list(campaignId, s.listId())
                .orElseThrow(() -> new IllegalArgumentException("There is no list " + s.listId() + " in this campaign."));
        Script script = script(campaignId, list.scriptId()).orElseThrow().script();
        script.check(s.answers());
        try {
            return dsl.transactionResult(cfg -> apply(cfg.dsl(), campaignId, user, list, script, s));
        } catch (DataAccessException e) {
            // Two deliveries of one key racing each other: the loser of the unique key reads the winner's outcome.
            return received(campaignId, s.idempotencyKey()).orElseThrow(() -> e);
        }
    }

    private Optional<SubmissionResult> received(long campaignId, String key) {
        return dsl.select(ResultTable.ID, ResultTable.OUTCOME).from(ResultTable.T)
                .where(ResultTable.CAMPAIGN_ID.eq(campaignId)).and(ResultTable.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new SubmissionResult(r.get(ResultTable.ID), Outcome.valueOf(r.get(ResultTable.OUTCOME)), true));
    }

    private SubmissionResult apply(DSLContext tx, long campaignId, User user, CanvassList list, Script script, Submission s) {
        long now = System.currentTimeMillis();
        Outcome outcome;
        if (!user.role().readsAllPeople() && !isAssigned(tx, list.id(), user.id())) {
            outcome = Outcome.NOT_ASSIGNED;
        } else if (s.personId() == null) {
            outcome = Outcome.APPLIED;
        } else if (!tx.fetchExists(EntryTable.T, EntryTable.LIST_ID.eq(list.id()).and(EntryTable.PERSON_ID.eq(s.personId())))) {
            outcome = Outcome.NOT_ON_LIST;
        } else {
            // Conditional on the door being open: of two canvassers racing for one door, exactly one update wins.
            int updated = tx.update(EntryTable.T)
                    .set(EntryTable.STATUS, s.code().retry() ? OPEN : DONE)
                    .set(EntryTable.RESULT_CODE, s.code().name())
                    .set(EntryTable.DONE_BY, user.id())
                    .set(EntryTable.DONE_AT, now)
                    .set(EntryTable.ATTEMPTS, EntryTable.ATTEMPTS.plus(1))
                    .setNull(EntryTable.CLAIMED_BY).setNull(EntryTable.CLAIM_UNTIL)
                    .where(EntryTable.LIST_ID.eq(list.id())).and(EntryTable.PERSON_ID.eq(s.personId())).and(EntryTable.STATUS.eq(OPEN))
                    .execute();
            outcome = updated == 1 ? Outcome.APPLIED : Outcome.ALREADY_CANVASSED;
        }
        Integer support = script.supportLevel(s.answers());
        long resultId = tx.insertInto(ResultTable.T, ResultTable.CAMPAIGN_ID, ResultTable.IDEMPOTENCY_KEY, ResultTable.LIST_ID,
                        ResultTable.PERSON_ID, ResultTable.USER_ID, ResultTable.RESULT_CODE, ResultTable.ANSWERS, ResultTable.SUPPORT_LEVEL,
                        ResultTable.NOTE, ResultTable.OUTCOME, ResultTable.RECORDED_AT, ResultTable.RECEIVED_AT)
                .values(campaignId, s.idempotencyKey(), list.id(), s.personId(), user.id(), s.code().name(), answersText(s.answers()),
                        support, s.note(), outcome.name(), s.recordedAt().toEpochMilli(), now)
                .returningResult(ResultTable.ID).fetchOne(ResultTable.ID);
        if (s.newContact() != null) {
            NewContact c = s.newContact();
            tx.insertInto(NewPersonTable.T, NewPersonTable.RESULT_ID, NewPersonTable.FIRST_NAME, NewPersonTable.LAST_NAME,
                    NewPersonTable.PHONE, NewPersonTable.EMAIL, NewPersonTable.ADDRESS, NewPersonTable.STATUS, NewPersonTable.CREATED_AT)
                    .values(resultId, c.firstName(), c.lastName(), c.phone(), c.email(), c.address(), "PENDING", now).execute();
        }
        Batch events = Outbox.batch(tx);
        if (outcome == Outcome.APPLIED && s.personId() != null) {
            writeBack(tx, campaignId, user, list, script, s, support, now);
            Outbox.add(events, now, "person", s.personId(), "person.canvassed");
        }
        events.add(now, "canvass_list", list.id(), "canvass.result", outcome.name());
        events.execute();
        return new SubmissionResult(resultId, outcome, false);
    }

    /** The person's side of an applied result: timeline, support level, tags, and a deceased person's other doors. */
    private static void writeBack(DSLContext tx, long campaignId, User user, CanvassList list, Script script, Submission s,
            Integer support, long now) {
        long personId = s.personId();
        String summary = (list.kind() == ListKind.WALK ? "Door knock" : "Call") + " (" + list.name() + "): " + s.code().label()
                + (s.answers().isEmpty() ? "" : ". " + script.summary(s.answers()))
                + (s.note() == null || s.note().isBlank() ? "" : ". Note: " + s.note().strip());
        tx.insertInto(ActivityTable.T, ActivityTable.PERSON_ID, ActivityTable.AT, ActivityTable.TYPE, ActivityTable.SUMMARY, ActivityTable.ACTOR)
                .values(personId, now, CanvassActivities.type(list.kind(), s.code()), summary, user.displayName()).execute();
        if (support != null) {
            tx.update(PersonTable.T).set(PersonTable.SUPPORT_LEVEL, support).set(PersonTable.UPDATED_AT, now)
                    .where(PersonTable.ID.eq(personId)).execute();
        }
        List<String> tags = new ArrayList<>(script.tags(s.answers()));
        if (s.code().tag() != null) tags.add(s.code().tag());
        for (String tag : tags) {
            tx.insertInto(TagTable.T, TagTable.CAMPAIGN_ID, TagTable.NAME).values(campaignId, tag).onConflictDoNothing().execute();
            long tagId = tx.select(TagTable.ID).from(TagTable.T).where(TagTable.CAMPAIGN_ID.eq(campaignId)).and(TagTable.NAME.eq(tag))
                    .fetchOne(TagTable.ID);
            tx.insertInto(TaggingTable.T, TaggingTable.PERSON_ID, TaggingTable.TAG_ID, TaggingTable.CREATED_AT)
                    .values(personId, tagId, now).onConflictDoNothing().execute();
        }
        if (s.code() == ResultCode.DECEASED) {
            // Nobody should knock or call again on any list.
            tx.update(EntryTable.T).set(EntryTable.STATUS, DONE).set(EntryTable.RESULT_CODE, ResultCode.DECEASED.name())
                    .set(EntryTable.DONE_AT, now).where(EntryTable.PERSON_ID.eq(personId)).and(EntryTable.STATUS.eq(OPEN)).execute();
        }
    }

    private static String answersText(Map<Integer, Integer> answers) {
        return answers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    // ---- phone bank

    @Override
    public Optional<Door> claimNext(long listId, long userId, Duration lease) {
        for (int attempt = 0; attempt < 20; attempt++) {
            long now = System.currentTimeMillis();
            Condition held = EntryTable.LIST_ID.eq(listId).and(EntryTable.STATUS.eq(OPEN))
                    .and(EntryTable.CLAIMED_BY.eq(userId)).and(EntryTable.CLAIM_UNTIL.gt(now));
            Long mine = dsl.select(EntryTable.PERSON_ID).from(EntryTable.T).where(held).limit(1).fetchOne(EntryTable.PERSON_ID);
            if (mine != null) return doors(EntryTable.LIST_ID.eq(listId).and(EntryTable.PERSON_ID.eq(mine))).stream().findFirst();
            Condition free = EntryTable.LIST_ID.eq(listId).and(EntryTable.STATUS.eq(OPEN))
                    .and(EntryTable.CLAIM_UNTIL.isNull().or(EntryTable.CLAIM_UNTIL.le(now)));
            Long next = dsl.select(EntryTable.PERSON_ID).from(EntryTable.T).where(free)
                    .orderBy(EntryTable.ATTEMPTS, EntryTable.POSITION).limit(1).fetchOne(EntryTable.PERSON_ID);
            if (next == null) return Optional.empty();
            // The same freeness condition again in the update: when another caller took this person in between,
            // no row changes and the loop picks the next free one.
            int won = dsl.update(EntryTable.T).set(EntryTable.CLAIMED_BY, userId).set(EntryTable.CLAIM_UNTIL, now + lease.toMillis())
                    .where(free).and(EntryTable.PERSON_ID.eq(next)).execute();
            if (won == 1) return doors(EntryTable.LIST_ID.eq(listId).and(EntryTable.PERSON_ID.eq(next))).stream().findFirst();
        }
        throw new IllegalStateException("Could not claim a person on list " + listId + " after 20 attempts; too many callers at once.");
    }

    @Override
    public boolean skip(long listId, long personId, long userId) {
        return dsl.update(EntryTable.T).setNull(EntryTable.CLAIMED_BY).setNull(EntryTable.CLAIM_UNTIL)
                .set(EntryTable.ATTEMPTS, EntryTable.ATTEMPTS.plus(1))
                .where(EntryTable.LIST_ID.eq(listId)).and(EntryTable.PERSON_ID.eq(personId)).and(EntryTable.CLAIMED_BY.eq(userId))
                .and(EntryTable.STATUS.eq(OPEN)).execute() == 1;
    }

    // ---- progress, conflicts and pending contacts

    @Override
    public List<ReceivedResult> unapplied(long listId, int limit) {
        return dsl.select(ResultTable.ID, ResultTable.PERSON_ID, PersonTable.FIRST_NAME, PersonTable.LAST_NAME, AppUserTable.DISPLAY_NAME,
                        ResultTable.RESULT_CODE, ResultTable.OUTCOME, ResultTable.RECORDED_AT)
                .from(ResultTable.T).join(AppUserTable.T).on(AppUserTable.ID.eq(ResultTable.USER_ID))
                .leftJoin(PersonTable.T).on(PersonTable.ID.eq(ResultTable.PERSON_ID))
                .where(ResultTable.LIST_ID.eq(listId)).and(ResultTable.OUTCOME.ne(Outcome.APPLIED.name()))
                .orderBy(ResultTable.ID.desc()).limit(limit)
                .fetch(r -> new ReceivedResult(r.get(ResultTable.ID), r.get(ResultTable.PERSON_ID),
                        r.get(ResultTable.PERSON_ID) == null ? "(new person)"
                                : Stream.of(r.get(PersonTable.FIRST_NAME), r.get(PersonTable.LAST_NAME)).filter(x -> x != null)
                                        .collect(Collectors.joining(" ")),
                        r.get(AppUserTable.DISPLAY_NAME), ResultCode.valueOf(r.get(ResultTable.RESULT_CODE)),
                        Outcome.valueOf(r.get(ResultTable.OUTCOME)), Instant.ofEpochMilli(r.get(ResultTable.RECORDED_AT))));
    }

    @Override
    public List<FieldProgress> progress(long campaignId) {
        Field<Integer> attempts = count();
        Field<BigDecimal> contacts = sum(when(ResultTable.RESULT_CODE.in(contactCodes()), inline(1)).otherwise(inline(0)));
        Field<BigDecimal> ids = sum(when(ResultTable.SUPPORT_LEVEL.isNotNull(), inline(1)).otherwise(inline(0)));
        return dsl.select(ResultTable.LIST_ID, ListTable.NAME, ListTable.TURF_ID, TurfTable.NAME, ResultTable.USER_ID,
                        AppUserTable.DISPLAY_NAME, attempts, contacts, ids)
                .from(ResultTable.T).join(ListTable.T).on(ListTable.ID.eq(ResultTable.LIST_ID))
                .join(AppUserTable.T).on(AppUserTable.ID.eq(ResultTable.USER_ID))
                .leftJoin(TurfTable.T).on(TurfTable.ID.eq(ListTable.TURF_ID))
                .where(ResultTable.CAMPAIGN_ID.eq(campaignId)).and(ResultTable.OUTCOME.eq(Outcome.APPLIED.name()))
                .and(ResultTable.PERSON_ID.isNotNull())
                .groupBy(ResultTable.LIST_ID, ListTable.NAME, ListTable.TURF_ID, TurfTable.NAME, ResultTable.USER_ID, AppUserTable.DISPLAY_NAME)
                .orderBy(ListTable.NAME, AppUserTable.DISPLAY_NAME)
                .fetch(r -> new FieldProgress(r.get(ResultTable.LIST_ID), r.get(ListTable.NAME), r.get(ListTable.TURF_ID),
                        r.get(TurfTable.NAME), r.get(ResultTable.USER_ID), r.get(AppUserTable.DISPLAY_NAME), r.get(attempts),
                        r.get(contacts).longValue(), r.get(ids).longValue()));
    }

    private static List<String> contactCodes() {
        return Arrays.stream(ResultCode.values()).filter(ResultCode::contact).map(Enum::name).toList();
    }

    @Override
    public long latestResultId(long campaignId) {
        Long id = dsl.select(max(ResultTable.ID)).from(ResultTable.T).where(ResultTable.CAMPAIGN_ID.eq(campaignId))
                .fetchOne(0, Long.class);
        return id == null ? 0 : id;
    }

    @Override
    public List<PendingContact> pendingContacts(long campaignId, int limit) {
        return dsl.select(NewPersonTable.ID, NewPersonTable.RESULT_ID, ResultTable.LIST_ID, NewPersonTable.FIRST_NAME, NewPersonTable.LAST_NAME,
                        NewPersonTable.PHONE, NewPersonTable.EMAIL, NewPersonTable.ADDRESS, NewPersonTable.CREATED_AT)
                .from(NewPersonTable.T).join(ResultTable.T).on(ResultTable.ID.eq(NewPersonTable.RESULT_ID))
                .where(ResultTable.CAMPAIGN_ID.eq(campaignId)).and(NewPersonTable.STATUS.eq("PENDING"))
                .orderBy(NewPersonTable.ID).limit(limit)
                .fetch(r -> new PendingContact(r.get(NewPersonTable.ID), r.get(NewPersonTable.RESULT_ID), r.get(ResultTable.LIST_ID),
                        new NewContact(r.get(NewPersonTable.FIRST_NAME), r.get(NewPersonTable.LAST_NAME), r.get(NewPersonTable.PHONE),
                                r.get(NewPersonTable.EMAIL), r.get(NewPersonTable.ADDRESS)),
                        Instant.ofEpochMilli(r.get(NewPersonTable.CREATED_AT))));
    }

    @Override
    public void linkContact(long pendingId, long personId) {
        Record r = dsl.select(ResultTable.CAMPAIGN_ID, ResultTable.IDEMPOTENCY_KEY, ResultTable.LIST_ID, ResultTable.USER_ID,
                        ResultTable.RESULT_CODE, ResultTable.ANSWERS, ResultTable.SUPPORT_LEVEL, ResultTable.NOTE, ResultTable.OUTCOME,
                        ResultTable.RECORDED_AT)
                .from(NewPersonTable.T).join(ResultTable.T).on(ResultTable.ID.eq(NewPersonTable.RESULT_ID))
                .where(NewPersonTable.ID.eq(pendingId)).and(NewPersonTable.STATUS.eq("PENDING")).fetchOne();
        if (r == null) throw new IllegalArgumentException("There is no pending new person " + pendingId + ".");
        long campaignId = r.get(ResultTable.CAMPAIGN_ID);
        boolean applied = Outcome.APPLIED.name().equals(r.get(ResultTable.OUTCOME));
        // Read before the transaction: SQLite's writer holds its connection, reads take another.
        CanvassList list = list(campaignId, r.get(ResultTable.LIST_ID)).orElseThrow();
        Script script = script(campaignId, list.scriptId()).orElseThrow().script();
        User user = dsl.select(AppUserTable.READ).from(AppUserTable.T).where(AppUserTable.ID.eq(r.get(ResultTable.USER_ID)))
                .fetchOne(JooqCanvassStore::user);
        Submission s = new Submission(r.get(ResultTable.IDEMPOTENCY_KEY), list.id(), personId, ResultCode.valueOf(r.get(ResultTable.RESULT_CODE)),
                answers(r.get(ResultTable.ANSWERS)), r.get(ResultTable.NOTE), Instant.ofEpochMilli(r.get(ResultTable.RECORDED_AT)), null);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            int n = tx.update(NewPersonTable.T).set(NewPersonTable.STATUS, "LINKED").set(NewPersonTable.PERSON_ID, personId)
                    .where(NewPersonTable.ID.eq(pendingId)).and(NewPersonTable.STATUS.eq("PENDING")).execute();
            if (n == 0) throw new IllegalArgumentException("There is no pending new person " + pendingId + ".");
            if (!applied) return;
            // The conversation at the door belongs to the person identity resolution found or made.
            long now = System.currentTimeMillis();
            writeBack(tx, campaignId, user, list, script, s, r.get(ResultTable.SUPPORT_LEVEL), now);
            Batch events = Outbox.batch(tx);
            Outbox.add(events, now, "person", personId, "person.canvassed");
            events.execute();
        });
    }

    private static Map<Integer, Integer> answers(String text) {
        Map<Integer, Integer> out = new HashMap<>();
        if (text == null || text.isEmpty()) return out;
        for (String pair : text.split(",")) {
            String[] kv = pair.split(":");
            out.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
        }
        return out;
    }

    private static String requireName(String name, String what) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) throw new IllegalArgumentException("A " + what + " name must have between 1 and 100 characters.");
        return n;
    }
}
