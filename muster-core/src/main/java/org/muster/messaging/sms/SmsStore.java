package org.muster.messaging.sms;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.muster.messaging.AudienceRules;
import org.muster.people.ContactCategory;

/** Persistence of SMS jobs, their per-recipient journal, opt-outs, receipts and replies (JooqSmsStore). */
public interface SmsStore {

    /**
     * What sending needs to know about a person of the audience: what the {@link AudienceRules} judge (contact
     * category, newest sms consent status or null, data origin name or null) and where to text. {@code phones}:
     * E.164, oldest first.
     */
    record Contact(long personId, String firstName, String lastName, ContactCategory category, String consent, String origin,
                   List<String> phones, String state, String zip) {

        /** Why the rules keep this person from being texted, or null. */
        public AudienceRules.Exclusion exclusion(AudienceRules rules) {
            return rules.exclusion(category, consent, origin);
        }
    }

    /**
     * A row to write at job creation; {@code coveredBy}: the person whose message covers this one (COVERED rows);
     * {@code variant}: the A/B variant it is sent (null: one-text job, or HELD for the winner); {@code inTest}: in a
     * test group; {@code notBefore}: epoch ms of its text's send time (0: at once).
     */
    record PlannedRecipient(long personId, String phone, String zone, String body, RecipientStatus status, Long coveredBy,
                            Integer variant, boolean inTest, long notBefore) {

        PlannedRecipient withVariant(String body, RecipientStatus status, Integer variant, boolean inTest, long notBefore) {
            return new PlannedRecipient(personId, phone, zone, body, status, coveredBy, variant, inTest, notBefore);
        }

        PlannedRecipient withBody(String body) {
            return new PlannedRecipient(personId, phone, zone, body, status, coveredBy, variant, inTest, notBefore);
        }
    }

    /**
     * A variant's test group: messages the gateway accepted, and how many of those people did the job's metric
     * (replied since the job began; donated or signed up after their text, within the decision window).
     */
    record VariantResult(int variant, long sent, long successes) {
    }

    /** A due PENDING row with its person's audience facts and the number's opt-out read inside the claiming transaction. */
    record Due(long id, long personId, String phone, String zone, ContactCategory category, String consent, String origin,
               boolean numberOptedOut) {
    }

    /**
     * What to do with a due row: SENDING (claimed), OPTED_OUT or EXCLUDED (with why), or PENDING again until
     * {@code notBefore}.
     */
    record Decision(RecipientStatus status, long notBefore, String why) {

        public static Decision of(RecipientStatus status, long notBefore) {
            return new Decision(status, notBefore, null);
        }
    }

    /** A row claimed for sending; {@code sender}: its text's source address, null for the gateway's. */
    record Claim(long id, String phone, String body, int attempts, String sender) {
    }

    /** How a claimed row ended: SENT with the gateway id, FAILED, or PENDING again (in doubt or retry later). */
    record Outcome(long id, RecipientStatus status, String gatewayId, String error, long notBefore, boolean inDoubt) {
    }

    /** One row of a job, for the job page. */
    record RecipientRow(long id, long personId, String name, String phone, RecipientStatus status, long notBefore, int attempts,
                        boolean inDoubt, String error) {
    }

    List<Contact> contacts(long campaignId, long[] personIds);

    Set<String> optedOutNumbers(long campaignId);

    /**
     * @param text the job's (first) text
     * @param test null for a job of one text
     */
    SmsJob createJob(long campaignId, String name, String filter, SmsJob.Text text, SendHours hours, AudienceRules rules, SmsJob.Options options,
                     Long createdBy, SmsJob.Test test, List<PlannedRecipient> recipients, long now);

    Optional<SmsJob> job(long campaignId, long jobId);

    List<SmsJob> jobs(long campaignId);

    List<SmsJob> runningJobs(long campaignId);

    /** After a restart: SENDING rows (claimed, maybe submitted) go back to PENDING, in doubt. Returns how many. */
    int recoverInDoubt(long jobId, long now);

    /**
     * In one transaction: reads up to {@code limit} PENDING rows due at {@code now} with their person's current
     * category, sms consent and data origin and the number's opt-out, applies {@code decide} to each and commits the decisions. The commit of SENDING is the point
     * after which a crash leaves the row in doubt.
     */
    List<Claim> claim(long jobId, long now, int limit, Function<Due, Decision> decide);

    /** Writes the outcomes of claimed rows; SENT rows pick up receipts that arrived before this commit. */
    void record(List<Outcome> outcomes, long now);

    /** The earliest not_before among PENDING rows, empty when there are none. */
    OptionalLong nextDue(long jobId);

    /** Whether a test group row is still PENDING or SENDING. */
    boolean testOpen(long jobId);

    /** Notes when the last test message went out (once; the decision deadline counts from it). */
    void markTestSent(long jobId, long now);

    /** Per variant of the job, its test group's results on the job's {@link SmsJob.Test#metric()}. */
    List<VariantResult> testResults(long jobId, int variants);

    /** The people whose rows are HELD for the winner, ascending. */
    long[] heldPeople(long jobId);

    /**
     * In one transaction: records the winner and why, and makes the HELD rows PENDING with their winner text, not
     * before {@code notBefore} (the winner's send time, 0: at once).
     */
    void release(long jobId, int winner, String decision, Map<Long, String> bodyOfPerson, long notBefore, long now);

    /** Marks the job DONE when no row is PENDING, SENDING or HELD; returns whether it is finished. */
    boolean finishIfComplete(long jobId, long now);

    /** Cancels a running job: its PENDING rows stay PENDING for the record but are never claimed. */
    boolean cancel(long campaignId, long jobId, long now);

    SmsProgress progress(long jobId, long now);

    List<RecipientRow> recipients(long jobId, RecipientStatus status, int limit);

    /**
     * Opts a number out: records it, withdraws sms consent for every person of the campaign with that phone and
     * notes it on their timelines. Returns false when the number had already opted out (nothing changes).
     */
    boolean optOut(long campaignId, String phone, String message, long now);

    void confirmOptOut(long campaignId, String phone, long now);

    /** Records an inbound message that is not an opt-out as activity {@code sms.reply}; returns the people it names. */
    int recordReply(long campaignId, String phone, String text, long now);

    /** The text the gateway accepted for a recipient row (as stored, before link tracking), or empty when none was sent. */
    Optional<String> sentText(long recipientId);

    /**
     * Records a click on a tracked link of a sent row: its first click is kept on the row (the click metric) and goes
     * on the person's timeline as {@code sms.click} with the link. Returns whether it was the row's first.
     */
    boolean recordClick(long recipientId, String url, long now);

    /** Applies a delivery receipt to the row with that gateway id (kept for later if the row is not SENT yet). */
    void recordReceipt(long campaignId, String gatewayId, String state, String error, long now);
}
