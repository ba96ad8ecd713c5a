package org.muster.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.muster.people.ContactCategory;

/** Sends, their variants and per-recipient rows, tracking events and consent changes made by messages. */
public interface MessagingStore {

    enum Status { DRAFT, SCHEDULED, SENDING, WAITING_FOR_WINNER, DONE, CANCELLED }

    /** What the user composed. {@code testFraction} 1: no test, the variants share everyone. */
    record SendDefinition(String name, Channel channel, String filter, AudienceRules rules, boolean stateOrigin,
                          double testFraction, Metric metric, long seed, Duration decideWithin, List<Variant> variants) {
    }

    record Send(long id, long campaignId, SendDefinition definition, Status status, Instant scheduledAt,
                Instant resolvedAt, Instant testSentAt, Long winnerVariantId, String decision, Instant finishedAt,
                Long createdBy, Instant createdAt) {

        public List<Variant> variants() {
            return definition.variants();
        }

        public boolean abTest() {
            return definition.variants().size() > 1 && definition.testFraction() < 1;
        }
    }

    /** A person as the audience rules see them; {@code address} is the first deliverable one, or null. */
    record Candidate(long personId, ContactCategory category, String origin, String consent, String address,
                     boolean onlyUndeliverable, String firstName, String lastName) {
    }

    /** A row to insert when resolving the audience: status PENDING, HELD or SKIPPED (with the reason). */
    record NewRecipient(long personId, Long variantId, String address, String phase, String status, String reason) {
    }

    /** The peer's answer for a released message. */
    record Outcome(long recipientId, Delivery delivery) {
    }

    /** Per variant: recipients sent, and how many of them did the metric, opened, clicked. */
    record VariantResult(long variantId, String label, long sent, long successes, long opens, long clicks) {
    }

    /** A recipient as tracking links see it. */
    record Tracked(long id, long sendId, long campaignId, long personId, String address, String status) {
    }

    long create(long campaignId, SendDefinition definition, Long createdBy);

    Optional<Send> send(long campaignId, long sendId);

    List<Send> sends(long campaignId);

    /** Schedules a draft (or reschedules a scheduled send) to start at {@code at}. */
    void schedule(long sendId, Instant at);

    void setStatus(long sendId, Status status);

    /** Sends that have work to do at {@code now}: scheduled and due, sending, or waiting for a winner. */
    List<Long> active(Instant now);

    /** The audience facts of these people on the channel, in id order; people not in the campaign are left out. */
    List<Candidate> candidates(long campaignId, long[] personIds, Channel channel);

    /** Forgets a half-done resolution (a crash during it) so it can start again. */
    void clearRecipients(long sendId);

    void addRecipients(long sendId, List<NewRecipient> rows);

    /** Puts these people's rows of the send in a variant (null: none yet), phase and status. */
    void assign(long sendId, long[] personIds, Long variantId, String phase, String status);

    /** Ends the resolution: the send becomes SENDING. */
    void resolved(long sendId, Instant at);

    /** Up to {@code limit} PENDING rows whose variant may go at {@code now}, lowest id first, with an id above {@code after}. */
    List<Recipient> pending(long sendId, Instant now, long after, int limit);

    /** The earliest send time of a variant that still has PENDING rows, if it is after {@code now}. */
    Optional<Instant> nextSendTime(long sendId, Instant now);

    /**
     * The commit point of a round, in one transaction: records the outcomes of the previous round, re-checks the
     * audience rules and address of every staged recipient (so an objection recorded a moment ago is honoured),
     * marks the admitted ones SENT with a timeline entry each and the others SKIPPED, and returns the admitted ids.
     */
    Set<Long> commit(long sendId, AudienceRules rules, Channel channel, long[] staged, List<Outcome> previous, Instant now);

    /** Records outcomes outside a commit (the last round of a batch). */
    void recordOutcomes(List<Outcome> outcomes, Instant now);

    /** Rows refused before the commit point: FAILED, or back to PENDING after a temporary refusal. */
    void refused(long recipientId, String reply, boolean permanent, int maxAttempts);

    /** Count of rows per status, skipped ones per reason as {@code SKIPPED:REASON}. */
    Map<String, Long> counts(long sendId);

    /**
     * Results per variant for the metric; {@code testOnly}: only the test fraction. A success counts when it came
     * after the recipient's message, within the send's decision window, and no later than {@code countUntil} of the
     * recipient's variant (variants not in the map: no such limit), so that variants sent at different times can be
     * compared over the same span (see {@link Metric} for what counts).
     */
    List<VariantResult> results(long sendId, Metric metric, boolean testOnly, Map<Long, Instant> countUntil);

    /** {@link #results(long, Metric, boolean, Map)} without a limit per variant. */
    default List<VariantResult> results(long sendId, Metric metric, boolean testOnly) {
        return results(sendId, metric, testOnly, Map.of());
    }

    void testSent(long sendId, Instant at);

    /** Ends the test: held rows go to the winner (PENDING) and the decision is kept. */
    void decide(long sendId, long winnerVariantId, String decision);

    void finish(long sendId, Instant at);

    Optional<Tracked> tracked(long recipientId);

    /**
     * The recipient a reply from {@code address} answers when its headers do not say: the campaign's latest message
     * SENT to that address, if any.
     */
    Optional<Long> latestSentTo(long campaignId, String address);

    /** An open, click, bounce...: kept per recipient; the first of each kind also goes on the person's timeline. */
    void recordEvent(long recipientId, String kind, String detail, Instant at);

    /** The person objects to this channel: a WITHDRAWN consent entry, in force for every send from now on. */
    void withdraw(long recipientId, Channel channel, String source, Instant at);

    /** A hard bounce: every copy of the address in the campaign becomes UNDELIVERABLE. Returns people touched. */
    int markUndeliverable(long campaignId, String address, String detail, Instant at);

    /** The key that signs tracking links, made on first use. */
    byte[] signingKey();
}
