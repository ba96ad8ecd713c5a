package org.muster.store;

import static org.muster.store.SmsTables.InboundTable;
import static org.muster.store.SmsTables.JobTable;
import static org.muster.store.SmsTables.OptOutTable;
import static org.muster.store.SmsTables.ReceiptTable;
import static org.muster.store.SmsTables.RecipientTable;
import static org.muster.store.SmsTables.VariantTable;
import static org.muster.store.Tables.ActivityTable;
import static org.muster.store.Tables.ConsentTable;
import static org.muster.store.Tables.DataOriginTable;
import static org.muster.store.Tables.PersonAddressTable;
import static org.muster.store.Tables.PersonPhoneTable;
import static org.muster.store.Tables.PersonTable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.muster.messaging.AudienceRules;
import org.muster.messaging.Metric;
import org.muster.messaging.sms.RecipientStatus;
import org.muster.messaging.sms.SendHours;
import org.muster.messaging.sms.SmsJob;
import org.muster.messaging.sms.SmsInbox;
import org.muster.messaging.sms.SmsLinks;
import org.muster.messaging.sms.SmsProgress;
import org.muster.messaging.sms.SmsStore;
import org.muster.people.ContactCategory;

/** {@link SmsStore} over jOOQ, for both dialects. */
public final class JooqSmsStore implements SmsStore {

    private static final int CHUNK = 500;
    private static final int SUMMARY_LIMIT = 500;
    private static final List<String> RECEIPTED = List.of(RecipientStatus.SENT.name(), RecipientStatus.DELIVERED.name(),
            RecipientStatus.UNDELIVERED.name(), RecipientStatus.EXPIRED.name(), RecipientStatus.REJECTED.name());

    /**
     * Due rows with their person's contact category, newest sms consent, data origin and the number's opt-out, read
     * inside the claiming transaction; and the source address of the row's text (its variant's, else the job's).
     * Scalar subqueries, not joins, so both planners keep walking the due index for the limited rows only.
     */
    private static final String DUE_SQL = """
            select r.id, r.person_id, r.phone, r.zone, r.body, r.attempts,
                   (select c.status from consent c where c.person_id = r.person_id and c.channel = 'sms'
                     order by c.recorded_at desc, c.id desc limit 1) as consent,
                   case when exists (select 1 from sms_opt_out o where o.campaign_id = j.campaign_id and o.phone = r.phone)
                        then 1 else 0 end as opted_out,
                   (select p.contact_category from person p where p.id = r.person_id) as category,
                   (select d.name from person p join data_origin d on d.id = p.origin_id where p.id = r.person_id) as origin,
                   case when r.variant is null then j.sender
                        else (select v.sender from sms_variant v where v.job_id = r.job_id and v.variant = r.variant) end as sender
            from sms_recipient r join sms_job j on j.id = r.job_id
            where r.job_id = ? and j.status = 'RUNNING' and r.status = 'PENDING' and r.not_before <= ?
            order by r.not_before, r.id limit ?""";

    private final DSLContext dsl;

    public JooqSmsStore(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public List<Contact> contacts(long campaignId, long[] personIds) {
        List<Contact> out = new ArrayList<>(personIds.length);
        for (int from = 0; from < personIds.length; from += CHUNK) {
            List<Long> ids = Arrays.stream(personIds, from, Math.min(personIds.length, from + CHUNK)).boxed().toList();
            Map<Long, String> consent = new HashMap<>();
            dsl.select(ConsentTable.PERSON_ID, ConsentTable.STATUS).from(ConsentTable.T)
                    .where(ConsentTable.PERSON_ID.in(ids)).and(ConsentTable.CHANNEL.eq("sms"))
                    .orderBy(ConsentTable.PERSON_ID, ConsentTable.RECORDED_AT.desc(), ConsentTable.ID.desc())
                    .forEach(r -> consent.putIfAbsent(r.value1(), r.value2()));
            Map<Long, List<String>> phones = new HashMap<>();
            dsl.select(PersonPhoneTable.PERSON_ID, PersonPhoneTable.NUMBER_E164).from(PersonPhoneTable.T)
                    .where(PersonPhoneTable.PERSON_ID.in(ids)).orderBy(PersonPhoneTable.ID)
                    .forEach(r -> phones.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
            Map<Long, String[]> address = new HashMap<>();
            dsl.select(PersonAddressTable.PERSON_ID, PersonAddressTable.STATE, PersonAddressTable.ZIP, PersonAddressTable.KIND)
                    .from(PersonAddressTable.T).where(PersonAddressTable.PERSON_ID.in(ids)).orderBy(PersonAddressTable.ID)
                    .forEach(r -> {
                        // the home address wins over others; else the oldest
                        boolean home = "home".equals(r.value4());
                        if (!address.containsKey(r.value1()) || home && !"home".equals(address.get(r.value1())[2])) {
                            address.put(r.value1(), new String[] {r.value2(), r.value3(), r.value4()});
                        }
                    });
            dsl.select(PersonTable.ID, PersonTable.FIRST_NAME, PersonTable.LAST_NAME, PersonTable.CONTACT_CATEGORY, DataOriginTable.NAME)
                    .from(PersonTable.T).leftJoin(DataOriginTable.T).on(DataOriginTable.ID.eq(PersonTable.ORIGIN_ID))
                    .where(PersonTable.CAMPAIGN_ID.eq(campaignId)).and(PersonTable.ID.in(ids)).orderBy(PersonTable.ID)
                    .forEach(r -> {
                        String[] a = address.getOrDefault(r.value1(), new String[3]);
                        out.add(new Contact(r.value1(), r.value2(), r.value3(), ContactCategory.valueOf(r.value4()), consent.get(r.value1()),
                                r.value5(), List.copyOf(phones.getOrDefault(r.value1(), List.of())), a[0], a[1]));
                    });
        }
        return out;
    }

    @Override
    public Set<String> optedOutNumbers(long campaignId) {
        return new HashSet<>(dsl.select(OptOutTable.PHONE).from(OptOutTable.T).where(OptOutTable.CAMPAIGN_ID.eq(campaignId)).fetch(OptOutTable.PHONE));
    }

    @Override
    public SmsJob createJob(long campaignId, String name, String filter, SmsJob.Text text, SendHours hours, AudienceRules rules,
                            SmsJob.Options options, Long createdBy, SmsJob.Test test, List<PlannedRecipient> recipients, long now) {
        long jobId = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long id = tx.insertInto(JobTable.T, JobTable.CAMPAIGN_ID, JobTable.NAME, JobTable.FILTER, JobTable.BODY, JobTable.STATUS,
                            JobTable.SEND_FROM, JobTable.SEND_UNTIL, JobTable.CREATED_BY, JobTable.CREATED_AT, JobTable.TEST_FRACTION,
                            JobTable.SEED, JobTable.DECIDE_WITHIN, JobTable.RULES, JobTable.SENDER, JobTable.SEND_AT, JobTable.METRIC,
                            JobTable.STATE_ORIGIN, JobTable.TRACK_LINKS)
                    .values(campaignId, name, filter, text.body(), SmsJob.Status.RUNNING.name(), hours.fromMinute(), hours.untilMinute(), createdBy, now,
                            test == null ? null : test.testFraction(), test == null ? 0L : test.seed(), test == null ? 0L : test.decideWithin().toMillis(),
                            rules.format(), text.sender(), text.sendAt() == null ? null : text.notBefore(),
                            (test == null ? Metric.REPLY : test.metric()).name(), options.stateOrigin(), options.trackLinks())
                    .returningResult(JobTable.ID).fetchOne().value1();
            if (test != null) {
                Batch variants = new Batch(tx, VariantTable.T, VariantTable.JOB_ID, VariantTable.VARIANT, VariantTable.BODY, VariantTable.SENDER,
                        VariantTable.SEND_AT);
                for (int v = 0; v < test.variants().size(); v++) {
                    SmsJob.Text t = test.variants().get(v);
                    variants.add(id, v, t.body(), t.sender(), t.sendAt() == null ? null : t.notBefore());
                }
                variants.execute();
            }
            Batch senders = recipientBatch(tx);
            for (PlannedRecipient r : recipients) {
                if (r.coveredBy() == null) {
                    senders.add(id, r.personId(), r.phone(), r.zone(), r.body(), r.status().name(), null, now, r.variant(), r.inTest(), r.notBefore());
                }
            }
            senders.execute();
            Map<Long, Long> rowOfPerson = new HashMap<>();
            tx.select(RecipientTable.PERSON_ID, RecipientTable.ID).from(RecipientTable.T).where(RecipientTable.JOB_ID.eq(id))
                    .forEach(r -> rowOfPerson.put(r.value1(), r.value2()));
            Batch covered = recipientBatch(tx);
            for (PlannedRecipient r : recipients) {
                if (r.coveredBy() != null) {
                    covered.add(id, r.personId(), r.phone(), r.zone(), r.body(), r.status().name(), rowOfPerson.get(r.coveredBy()), now, null, false, 0L);
                }
            }
            covered.execute();
            return id;
        });
        return job(campaignId, jobId).orElseThrow();
    }

    private static Batch recipientBatch(DSLContext tx) {
        return new Batch(tx, RecipientTable.T, RecipientTable.JOB_ID, RecipientTable.PERSON_ID, RecipientTable.PHONE, RecipientTable.ZONE,
                RecipientTable.BODY, RecipientTable.STATUS, RecipientTable.COVERED_BY, RecipientTable.UPDATED_AT, RecipientTable.VARIANT,
                RecipientTable.IN_TEST, RecipientTable.NOT_BEFORE);
    }

    @Override
    public Optional<SmsJob> job(long campaignId, long jobId) {
        return jobsOf(dsl.select(JobTable.READ).from(JobTable.T).where(JobTable.CAMPAIGN_ID.eq(campaignId)).and(JobTable.ID.eq(jobId)).fetch())
                .stream().findFirst();
    }

    @Override
    public List<SmsJob> jobs(long campaignId) {
        return jobsOf(dsl.select(JobTable.READ).from(JobTable.T).where(JobTable.CAMPAIGN_ID.eq(campaignId))
                .orderBy(JobTable.CREATED_AT.desc(), JobTable.ID.desc()).fetch());
    }

    @Override
    public List<SmsJob> runningJobs(long campaignId) {
        return jobsOf(dsl.select(JobTable.READ).from(JobTable.T).where(JobTable.CAMPAIGN_ID.eq(campaignId))
                .and(JobTable.STATUS.eq(SmsJob.Status.RUNNING.name())).orderBy(JobTable.ID).fetch());
    }

    /** Jobs with their A/B tests; the variants of all of them in one query. */
    private List<SmsJob> jobsOf(List<? extends Record> rows) {
        List<Long> tested = rows.stream().filter(r -> r.get(JobTable.TEST_FRACTION) != null).map(r -> r.get(JobTable.ID)).toList();
        Map<Long, List<SmsJob.Text>> variants = new HashMap<>();
        if (!tested.isEmpty()) {
            dsl.select(VariantTable.JOB_ID, VariantTable.BODY, VariantTable.SENDER, VariantTable.SEND_AT).from(VariantTable.T)
                    .where(VariantTable.JOB_ID.in(tested)).orderBy(VariantTable.JOB_ID, VariantTable.VARIANT)
                    .forEach(r -> variants.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new SmsJob.Text(r.value2(), r.value3(), instant(r.value4()))));
        }
        return rows.stream().map(r -> toJob(r, variants.get(r.get(JobTable.ID)))).toList();
    }

    private static SmsJob toJob(Record r, List<SmsJob.Text> variants) {
        Long finished = r.get(JobTable.FINISHED_AT);
        Long testSent = r.get(JobTable.TEST_SENT_AT);
        SmsJob.Test test = variants == null ? null : new SmsJob.Test(variants, r.get(JobTable.TEST_FRACTION), r.get(JobTable.SEED),
                Duration.ofMillis(r.get(JobTable.DECIDE_WITHIN)), Metric.valueOf(r.get(JobTable.METRIC)), testSent == null ? null : Instant.ofEpochMilli(testSent),
                r.get(JobTable.WINNER), r.get(JobTable.DECISION));
        return new SmsJob(r.get(JobTable.ID), r.get(JobTable.CAMPAIGN_ID), r.get(JobTable.NAME), r.get(JobTable.FILTER), r.get(JobTable.BODY),
                SmsJob.Status.valueOf(r.get(JobTable.STATUS)), SendHours.ofMinutes(r.get(JobTable.SEND_FROM), r.get(JobTable.SEND_UNTIL)),
                r.get(JobTable.CREATED_BY), Instant.ofEpochMilli(r.get(JobTable.CREATED_AT)), finished == null ? null : Instant.ofEpochMilli(finished),
                test, r.get(JobTable.RULES) == null ? SmsJob.CONSENT_REQUIRED : AudienceRules.parse(r.get(JobTable.RULES)), r.get(JobTable.SENDER),
                instant(r.get(JobTable.SEND_AT)), new SmsJob.Options(r.get(JobTable.STATE_ORIGIN), r.get(JobTable.TRACK_LINKS)));
    }

    private static Instant instant(Long epochMilli) {
        return epochMilli == null ? null : Instant.ofEpochMilli(epochMilli);
    }

    @Override
    public int recoverInDoubt(long jobId, long now) {
        return dsl.update(RecipientTable.T).set(RecipientTable.STATUS, RecipientStatus.PENDING.name()).set(RecipientTable.IN_DOUBT, true)
                .set(RecipientTable.ATTEMPTS, RecipientTable.ATTEMPTS.plus(1)).set(RecipientTable.NOT_BEFORE, 0L)
                .set(RecipientTable.UPDATED_AT, now)
                .where(RecipientTable.JOB_ID.eq(jobId)).and(RecipientTable.STATUS.eq(RecipientStatus.SENDING.name())).execute();
    }

    @Override
    public List<Claim> claim(long jobId, long now, int limit, Function<Due, Decision> decide) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            List<Claim> claimed = new ArrayList<>();
            Map<List<String>, List<Long>> leftOut = new HashMap<>();
            List<Object[]> deferred = new ArrayList<>();
            for (Record r : tx.resultQuery(DUE_SQL, jobId, now, limit).fetch()) {
                long id = r.get(0, Long.class);
                Due due = new Due(id, r.get(1, Long.class), r.get(2, String.class), r.get(3, String.class),
                        ContactCategory.valueOf(r.get(8, String.class)), r.get(6, String.class), r.get(9, String.class), r.get(7, Integer.class) == 1);
                Decision decision = decide.apply(due);
                switch (decision.status()) {
                    case SENDING -> claimed.add(new Claim(id, due.phone(), r.get(4, String.class), r.get(5, Integer.class), r.get(10, String.class)));
                    case OPTED_OUT, EXCLUDED -> leftOut.computeIfAbsent(List.of(decision.status().name(), decision.why()), k -> new ArrayList<>()).add(id);
                    case PENDING -> deferred.add(new Object[] {decision.notBefore(), now, id});
                    default -> throw new IllegalArgumentException("a claim decides SENDING, OPTED_OUT, EXCLUDED or PENDING, not " + decision.status());
                }
            }
            if (!claimed.isEmpty()) {
                tx.update(RecipientTable.T).set(RecipientTable.STATUS, RecipientStatus.SENDING.name()).set(RecipientTable.UPDATED_AT, now)
                        .where(RecipientTable.ID.in(claimed.stream().map(Claim::id).toList())).execute();
            }
            leftOut.forEach((statusAndWhy, ids) -> tx.update(RecipientTable.T).set(RecipientTable.STATUS, statusAndWhy.get(0))
                    .set(RecipientTable.ERROR, statusAndWhy.get(1)).set(RecipientTable.UPDATED_AT, now).where(RecipientTable.ID.in(ids)).execute());
            if (!deferred.isEmpty()) {
                tx.batch("update sms_recipient set not_before = ?, updated_at = ? where id = ?", deferred.toArray(Object[][]::new)).execute();
            }
            return claimed;
        });
    }

    /** One prepared statement for a whole batch of outcomes; in_doubt only ever turns on. */
    private static final String RECORD_SQL = "update sms_recipient set status = ?, gateway_id = ?, error = ?, not_before = ?, updated_at = ?,"
            + " sent_at = case when ? = 'SENT' then ? else sent_at end, attempts = attempts + ?, in_doubt = (in_doubt or ?) where id = ? and status = 'SENDING'";

    @Override
    public void record(List<Outcome> outcomes, long now) {
        if (outcomes.isEmpty()) return;
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Map<String, Long> sent = new HashMap<>();
            Object[][] rows = new Object[outcomes.size()][];
            for (int i = 0; i < rows.length; i++) {
                Outcome o = outcomes.get(i);
                boolean counts = o.status() == RecipientStatus.SENT || o.inDoubt();
                rows[i] = new Object[] {o.status().name(), o.gatewayId(), o.error(), o.notBefore(), now,
                        o.status().name(), now, counts ? 1 : 0, o.inDoubt(), o.id()};
                if (o.status() == RecipientStatus.SENT) sent.put(o.gatewayId(), o.id());
            }
            tx.batch(RECORD_SQL, rows).execute();
            if (!sent.isEmpty()) {
                List<Long> people = tx.select(RecipientTable.PERSON_ID).from(RecipientTable.T).where(RecipientTable.ID.in(sent.values()))
                        .and(RecipientTable.STATUS.eq(RecipientStatus.SENT.name())).fetch(RecipientTable.PERSON_ID);
                addActivities(tx, people, "sms.sent", "Text sent", now);
            }
            // receipts that overtook the commit of their SENT row
            if (!sent.isEmpty()) {
                List<Query> late = new ArrayList<>();
                tx.select(ReceiptTable.GATEWAY_ID, ReceiptTable.STATE, ReceiptTable.ERROR).from(ReceiptTable.T)
                        .where(ReceiptTable.GATEWAY_ID.in(sent.keySet())).forEach(r -> {
                            RecipientStatus status = RecipientStatus.fromReceipt(r.value2());
                            if (status != null) {
                                late.add(tx.update(RecipientTable.T).set(RecipientTable.STATUS, status.name()).set(RecipientTable.ERROR, r.value3())
                                        .where(RecipientTable.ID.eq(sent.get(r.value1()))));
                            }
                        });
                if (!late.isEmpty()) tx.batch(late).execute();
            }
        });
    }

    @Override
    public OptionalLong nextDue(long jobId) {
        Long next = dsl.select(DSL.min(RecipientTable.NOT_BEFORE)).from(RecipientTable.T).where(RecipientTable.JOB_ID.eq(jobId))
                .and(RecipientTable.STATUS.eq(RecipientStatus.PENDING.name())).fetchOne(0, Long.class);
        return next == null ? OptionalLong.empty() : OptionalLong.of(next);
    }

    @Override
    public boolean testOpen(long jobId) {
        return dsl.fetchExists(dsl.selectOne().from(RecipientTable.T).where(RecipientTable.JOB_ID.eq(jobId)).and(RecipientTable.IN_TEST.isTrue())
                .and(RecipientTable.STATUS.in(RecipientStatus.PENDING.name(), RecipientStatus.SENDING.name())));
    }

    @Override
    public void markTestSent(long jobId, long now) {
        dsl.update(JobTable.T).set(JobTable.TEST_SENT_AT, now).where(JobTable.ID.eq(jobId)).and(JobTable.TEST_SENT_AT.isNull()).execute();
    }

    /**
     * Test rows the gateway accepted, and of those the successes on the job's metric: people with a reply since the
     * job was created; rows with a click on their tracked links within the decision window after their send; or
     * people with a donation or sign-up from their text's send time to the end of that window ({@link Attribution},
     * as for email).
     */
    @Override
    public List<VariantResult> testResults(long jobId, int variants) {
        Metric metric = Metric.valueOf(dsl.select(JobTable.METRIC).from(JobTable.T).where(JobTable.ID.eq(jobId)).fetchSingle(JobTable.METRIC));
        Condition did = switch (metric) {
            case REPLY -> DSL.exists(DSL.selectOne().from(ActivityTable.T).where(ActivityTable.PERSON_ID.eq(RecipientTable.PERSON_ID))
                    .and(ActivityTable.TYPE.eq(SmsInbox.REPLY_ACTIVITY)).and(ActivityTable.AT.ge(JobTable.CREATED_AT)));
            case CLICK -> RecipientTable.CLICKED_AT.le(RecipientTable.SENT_AT.plus(JobTable.DECIDE_WITHIN));
            default -> Attribution.outcome(metric, RecipientTable.PERSON_ID, RecipientTable.SENT_AT, RecipientTable.SENT_AT.plus(JobTable.DECIDE_WITHIN));
        };
        long[][] counts = new long[variants][2];
        dsl.select(RecipientTable.VARIANT, DSL.count(), DSL.sum(DSL.when(did, DSL.inline(1)).otherwise(DSL.inline(0))))
                .from(RecipientTable.T).join(JobTable.T).on(JobTable.ID.eq(RecipientTable.JOB_ID))
                .where(RecipientTable.JOB_ID.eq(jobId)).and(RecipientTable.IN_TEST.isTrue()).and(RecipientTable.STATUS.in(RECEIPTED))
                .groupBy(RecipientTable.VARIANT).forEach(r -> {
                    int v = r.value1();
                    if (v < variants) counts[v] = new long[] {r.value2(), r.value3() == null ? 0 : r.value3().longValue()};
                });
        List<VariantResult> out = new ArrayList<>(variants);
        for (int v = 0; v < variants; v++) out.add(new VariantResult(v, counts[v][0], counts[v][1]));
        return out;
    }

    @Override
    public long[] heldPeople(long jobId) {
        return dsl.select(RecipientTable.PERSON_ID).from(RecipientTable.T).where(RecipientTable.JOB_ID.eq(jobId))
                .and(RecipientTable.STATUS.eq(RecipientStatus.HELD.name())).orderBy(RecipientTable.PERSON_ID)
                .fetch(RecipientTable.PERSON_ID).stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public void release(long jobId, int winner, String decision, Map<Long, String> bodyOfPerson, long notBefore, long now) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.update(JobTable.T).set(JobTable.WINNER, winner).set(JobTable.DECISION, decision).where(JobTable.ID.eq(jobId)).execute();
            Object[][] rows = bodyOfPerson.entrySet().stream()
                    .map(e -> new Object[] {e.getValue(), winner, notBefore, now, jobId, e.getKey()}).toArray(Object[][]::new);
            if (rows.length > 0) {
                tx.batch("update sms_recipient set status = 'PENDING', body = ?, variant = ?, not_before = ?, updated_at = ?"
                        + " where job_id = ? and person_id = ? and status = 'HELD'", rows).execute();
            }
            // a held person no longer in the campaign has no text to send
            tx.update(RecipientTable.T).set(RecipientTable.STATUS, RecipientStatus.FAILED.name())
                    .set(RecipientTable.ERROR, "no longer in the campaign when the winner was chosen").set(RecipientTable.UPDATED_AT, now)
                    .where(RecipientTable.JOB_ID.eq(jobId)).and(RecipientTable.STATUS.eq(RecipientStatus.HELD.name())).execute();
        });
    }

    @Override
    public boolean finishIfComplete(long jobId, long now) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            boolean open = tx.fetchExists(tx.selectOne().from(RecipientTable.T).where(RecipientTable.JOB_ID.eq(jobId))
                    .and(RecipientTable.STATUS.in(RecipientStatus.PENDING.name(), RecipientStatus.SENDING.name(), RecipientStatus.HELD.name())));
            String status = tx.select(JobTable.STATUS).from(JobTable.T).where(JobTable.ID.eq(jobId)).fetchOne(JobTable.STATUS);
            if (!SmsJob.Status.RUNNING.name().equals(status)) return true;
            if (open) return false;
            tx.update(JobTable.T).set(JobTable.STATUS, SmsJob.Status.DONE.name()).set(JobTable.FINISHED_AT, now).where(JobTable.ID.eq(jobId)).execute();
            return true;
        });
    }

    @Override
    public boolean cancel(long campaignId, long jobId, long now) {
        return dsl.update(JobTable.T).set(JobTable.STATUS, SmsJob.Status.CANCELLED.name()).set(JobTable.FINISHED_AT, now)
                .where(JobTable.CAMPAIGN_ID.eq(campaignId)).and(JobTable.ID.eq(jobId)).and(JobTable.STATUS.eq(SmsJob.Status.RUNNING.name()))
                .execute() == 1;
    }

    @Override
    public SmsProgress progress(long jobId, long now) {
        Map<RecipientStatus, Long> counts = new EnumMap<>(RecipientStatus.class);
        dsl.select(RecipientTable.STATUS, DSL.count()).from(RecipientTable.T).where(RecipientTable.JOB_ID.eq(jobId))
                .groupBy(RecipientTable.STATUS).forEach(r -> counts.put(RecipientStatus.valueOf(r.value1()), r.value2().longValue()));
        long waiting = dsl.fetchCount(RecipientTable.T, RecipientTable.JOB_ID.eq(jobId)
                .and(RecipientTable.STATUS.eq(RecipientStatus.PENDING.name())).and(RecipientTable.NOT_BEFORE.gt(now)));
        long inDoubt = dsl.fetchCount(RecipientTable.T, RecipientTable.JOB_ID.eq(jobId).and(RecipientTable.IN_DOUBT.isTrue()));
        long clicked = dsl.fetchCount(RecipientTable.T, RecipientTable.JOB_ID.eq(jobId).and(RecipientTable.CLICKED_AT.isNotNull()));
        return new SmsProgress(counts, waiting, inDoubt, clicked);
    }

    @Override
    public List<RecipientRow> recipients(long jobId, RecipientStatus status, int limit) {
        var where = RecipientTable.JOB_ID.eq(jobId);
        if (status != null) where = where.and(RecipientTable.STATUS.eq(status.name()));
        return dsl.select(RecipientTable.ID, RecipientTable.PERSON_ID, PersonTable.FIRST_NAME, PersonTable.LAST_NAME, RecipientTable.PHONE,
                        RecipientTable.STATUS, RecipientTable.NOT_BEFORE, RecipientTable.ATTEMPTS, RecipientTable.IN_DOUBT, RecipientTable.ERROR)
                .from(RecipientTable.T).join(PersonTable.T).on(PersonTable.ID.eq(RecipientTable.PERSON_ID))
                .where(where).orderBy(RecipientTable.ID).limit(limit)
                .fetch(r -> new RecipientRow(r.value1(), r.value2(), (nz(r.value3()) + " " + nz(r.value4())).strip(), r.value5(),
                        RecipientStatus.valueOf(r.value6()), r.value7(), r.value8(), Boolean.TRUE.equals(r.value9()), r.value10()));
    }

    @Override
    public boolean optOut(long campaignId, String phone, String message, long now) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int inserted = tx.insertInto(OptOutTable.T, OptOutTable.CAMPAIGN_ID, OptOutTable.PHONE, OptOutTable.MESSAGE, OptOutTable.OPTED_OUT_AT)
                    .values(campaignId, phone, summary(message), now).onConflictDoNothing().execute();
            logInbound(tx, campaignId, phone, message, "STOP", now);
            if (inserted == 0) return false;
            List<Long> people = peopleWithPhone(tx, campaignId, phone);
            Batch consent = new Batch(tx, ConsentTable.T, ConsentTable.PERSON_ID, ConsentTable.CHANNEL, ConsentTable.STATUS,
                    ConsentTable.SOURCE, ConsentTable.RECORDED_AT);
            for (long person : people) consent.add(person, "sms", "WITHDRAWN", "sms reply: " + summary(message), now);
            consent.execute();
            addActivities(tx, people, "sms.opt_out", "Opted out of texts by replying \"" + summary(message) + "\"", now);
            return true;
        });
    }

    @Override
    public void confirmOptOut(long campaignId, String phone, long now) {
        dsl.update(OptOutTable.T).set(OptOutTable.CONFIRMED_AT, now).where(OptOutTable.CAMPAIGN_ID.eq(campaignId)).and(OptOutTable.PHONE.eq(phone)).execute();
    }

    @Override
    public int recordReply(long campaignId, String phone, String text, long now) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            logInbound(tx, campaignId, phone, text, "REPLY", now);
            List<Long> people = peopleWithPhone(tx, campaignId, phone);
            addActivities(tx, people, "sms.reply", summary(text), now);
            return people.size();
        });
    }

    @Override
    public Optional<String> sentText(long recipientId) {
        return dsl.select(RecipientTable.BODY).from(RecipientTable.T).where(RecipientTable.ID.eq(recipientId))
                .and(RecipientTable.STATUS.in(RECEIPTED)).fetchOptional(RecipientTable.BODY);
    }

    @Override
    public boolean recordClick(long recipientId, String url, long now) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (tx.update(RecipientTable.T).set(RecipientTable.CLICKED_AT, now).where(RecipientTable.ID.eq(recipientId))
                    .and(RecipientTable.CLICKED_AT.isNull()).execute() == 0) {
                return false;
            }
            Long person = tx.select(RecipientTable.PERSON_ID).from(RecipientTable.T).where(RecipientTable.ID.eq(recipientId)).fetchOne(RecipientTable.PERSON_ID);
            addActivities(tx, List.of(person), SmsLinks.CLICK_ACTIVITY, "Clicked " + summary(url) + " in a text", now);
            return true;
        });
    }

    @Override
    public void recordReceipt(long campaignId, String gatewayId, String state, String error, long now) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.insertInto(ReceiptTable.T, ReceiptTable.GATEWAY_ID, ReceiptTable.STATE, ReceiptTable.ERROR, ReceiptTable.RECEIVED_AT)
                    .values(gatewayId, state, error, now).onConflict(ReceiptTable.GATEWAY_ID).doUpdate()
                    .set(ReceiptTable.STATE, state).set(ReceiptTable.ERROR, error).set(ReceiptTable.RECEIVED_AT, now).execute();
            RecipientStatus status = RecipientStatus.fromReceipt(state);
            if (status == null) return;
            tx.update(RecipientTable.T).set(RecipientTable.STATUS, status.name())
                    .set(RecipientTable.ERROR, status == RecipientStatus.DELIVERED ? null : "receipt " + state + (error == null ? "" : " err " + error))
                    .set(RecipientTable.UPDATED_AT, now)
                    .where(RecipientTable.GATEWAY_ID.eq(gatewayId)).and(RecipientTable.STATUS.in(RECEIPTED))
                    .and(RecipientTable.JOB_ID.in(DSL.select(JobTable.ID).from(JobTable.T).where(JobTable.CAMPAIGN_ID.eq(campaignId))))
                    .execute();
        });
    }

    private static List<Long> peopleWithPhone(DSLContext tx, long campaignId, String phone) {
        return tx.selectDistinct(PersonPhoneTable.PERSON_ID).from(PersonPhoneTable.T).join(PersonTable.T).on(PersonTable.ID.eq(PersonPhoneTable.PERSON_ID))
                .where(PersonTable.CAMPAIGN_ID.eq(campaignId)).and(PersonPhoneTable.NUMBER_E164.eq(phone))
                .orderBy(PersonPhoneTable.PERSON_ID).fetch(PersonPhoneTable.PERSON_ID);
    }

    private static void addActivities(DSLContext tx, List<Long> people, String type, String summary, long now) {
        Batch activities = new Batch(tx, ActivityTable.T, ActivityTable.PERSON_ID, ActivityTable.AT, ActivityTable.TYPE, ActivityTable.SUMMARY, ActivityTable.ACTOR);
        Batch events = Outbox.batch(tx);
        for (long person : people) {
            activities.add(person, now, type, summary, "sms");
            Outbox.add(events, now, "person", person, "person.activity");
        }
        activities.execute();
        events.execute();
    }

    private static void logInbound(DSLContext tx, long campaignId, String phone, String text, String kind, long now) {
        tx.insertInto(InboundTable.T, InboundTable.CAMPAIGN_ID, InboundTable.PHONE, InboundTable.BODY, InboundTable.KIND, InboundTable.RECEIVED_AT)
                .values(campaignId, phone, text == null ? "" : text, kind, now).execute();
    }

    private static String summary(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > SUMMARY_LIMIT ? t.substring(0, SUMMARY_LIMIT) + "…" : t;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
