package org.muster.messaging.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.muster.messaging.AbTest;
import org.muster.messaging.AudienceRules;
import org.muster.messaging.SequentialTest;

/**
 * Sends a job's due recipients in batches of the gateway's window. Per batch: one transaction re-reads each
 * recipient's audience facts and the number's opt-out and re-applies the job's {@link AudienceRules} (so an
 * objection recorded a moment ago is honoured), defers those outside their local sending hours and marks the rest SENDING
 * (the commit point); the batch is submitted concurrently; one transaction records gateway ids or failures.
 *
 * <p>Delivery guarantee: SMPP has no idempotency key, so after a crash it cannot be known whether a SENDING row
 * reached the SMSC. Such rows are sent again (at-least-once) and flagged in doubt: no recipient is skipped, and the
 * duplicates a crash can cause are at most one batch (the window), each visible in the job's progress. A time-out
 * on one submit is treated the same way; a row in doubt {@value #MAX_IN_DOUBT} times is FAILED rather than sent again.
 */
public final class SmsJobRunner {

    static final int MAX_IN_DOUBT = 3;
    private static final Duration RETRY_DELAY = Duration.ofSeconds(30);
    private static final Duration DECISION_POLL = Duration.ofMinutes(1);

    /** What one pass left: finished, or the next time a recipient is due (empty if nothing is pending). */
    public record Pass(boolean finished, int submitted, OptionalLong nextDue) {
    }

    private final SmsStore store;
    private final SmsGateway gateway;
    private final SmsLinks links;
    private final Clock clock;
    private final SequentialTest sequentialTest = SequentialTest.standard();

    /** A runner that sends links as written, whatever a job's {@link SmsJob.Options#trackLinks} says. */
    public SmsJobRunner(SmsStore store, SmsGateway gateway, Clock clock) {
        this(store, gateway, null, clock);
    }

    /** @param links how jobs that track links shorten them (null: links go as written) */
    public SmsJobRunner(SmsStore store, SmsGateway gateway, SmsLinks links, Clock clock) {
        this.store = store;
        this.gateway = gateway;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Sends everything due now; returns when nothing more is due, or after a refusal that asks to wait. For an A/B
     * test, once its test groups are sent it looks for the winner on the test's metric and, when there is one, sends the rest.
     */
    public Pass runDue(SmsJob job) {
        int submitted = sendDue(job);
        OptionalLong lookAgain = OptionalLong.empty();
        SmsJob.Test test = job.test() == null ? null : store.job(job.campaignId(), job.id()).map(SmsJob::test).orElse(null);
        if (test != null && test.holdsBack() && test.winner() == null && !store.testOpen(job.id())) {
            lookAgain = chooseWinner(job, test);
            if (lookAgain.isEmpty()) submitted += sendDue(job);
        }
        boolean finished = store.finishIfComplete(job.id(), clock.millis());
        return new Pass(finished, submitted, finished ? OptionalLong.empty() : earliest(store.nextDue(job.id()), lookAgain));
    }

    private int sendDue(SmsJob job) {
        boolean track = links != null && job.options().trackLinks();
        int submitted = 0;
        try (ExecutorService submits = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                long now = clock.millis();
                int[] due = {0};
                List<SmsStore.Claim> batch = store.claim(job.id(), now, gateway.window(), row -> {
                    due[0]++;
                    return decide(job.rules(), job.hours(), row, now);
                });
                if (due[0] == 0) break;
                // a batch wholly deferred (sending hours) or left out goes on to the next due rows
                if (batch.isEmpty()) continue;
                List<Future<SmsStore.Outcome>> futures = new ArrayList<>(batch.size());
                for (SmsStore.Claim claim : batch) futures.add(submits.submit(() -> submit(claim, track)));
                List<SmsStore.Outcome> outcomes = new ArrayList<>(batch.size());
                for (Future<SmsStore.Outcome> f : futures) outcomes.add(join(f));
                store.record(outcomes, clock.millis());
                submitted += batch.size();
                if (outcomes.stream().anyMatch(o -> o.status() == RecipientStatus.PENDING)) break;
            }
        }
        return submitted;
    }

    /**
     * The shared winner rule ({@link AbTest#choose}) on the test groups' successes on the test's metric. Decided: the HELD rows get the
     * winner's text, personalised now, and become PENDING; returns empty. Otherwise: when to look again.
     */
    private OptionalLong chooseWinner(SmsJob job, SmsJob.Test test) {
        long now = clock.millis();
        Instant sentAt = test.testSentAt();
        if (sentAt == null) {
            store.markTestSent(job.id(), now);
            sentAt = Instant.ofEpochMilli(now);
        }
        Instant deadline = sentAt.plus(test.decideWithin());
        List<SmsStore.VariantResult> results = store.testResults(job.id(), test.variants().size());
        AbTest.Choice choice = AbTest.choose(sequentialTest, results.stream()
                .map(r -> new SequentialTest.Arm(SmsJob.Test.label(r.variant()), r.sent(), r.successes())).toList(),
                now >= deadline.toEpochMilli(), test.decideWithin());
        if (!choice.decided()) return OptionalLong.of(Math.min(now + DECISION_POLL.toMillis(), deadline.toEpochMilli()));
        int winner = results.get(choice.winner()).variant();
        SmsJob.Text text = test.variants().get(winner);
        SmsTemplate template = new SmsTemplate(text.body());
        Map<Long, String> bodies = new HashMap<>();
        for (SmsStore.Contact c : store.contacts(job.campaignId(), store.heldPeople(job.id()))) bodies.put(c.personId(), SmsAudience.render(template, c, job.options()));
        store.release(job.id(), winner, choice.summary(), bodies, text.notBefore(), now);
        return OptionalLong.empty();
    }

    private static OptionalLong earliest(OptionalLong a, OptionalLong b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
    }

    static SmsStore.Decision decide(AudienceRules rules, SendHours hours, SmsStore.Due due, long now) {
        if (due.numberOptedOut()) return new SmsStore.Decision(RecipientStatus.OPTED_OUT, 0, "the number opted out");
        AudienceRules.Exclusion why = rules.exclusion(due.category(), due.consent(), due.origin());
        if (why == AudienceRules.Exclusion.WITHDRAWN) return new SmsStore.Decision(RecipientStatus.OPTED_OUT, 0, "sms consent withdrawn");
        if (why != null) return new SmsStore.Decision(RecipientStatus.EXCLUDED, 0, why.name());
        Instant at = Instant.ofEpochMilli(now);
        ZoneId zone = ZoneId.of(due.zone());
        if (!hours.allows(at, zone)) return SmsStore.Decision.of(RecipientStatus.PENDING, hours.nextOpening(at, zone).toEpochMilli());
        return SmsStore.Decision.of(RecipientStatus.SENDING, 0);
    }

    /** Submits a claimed row; with {@code track}, its links become the row's tracked links (the same on a resend). */
    private SmsStore.Outcome submit(SmsStore.Claim claim, boolean track) {
        String text = track ? links.track(claim.id(), claim.body()) : claim.body();
        try {
            return new SmsStore.Outcome(claim.id(), RecipientStatus.SENT, gateway.submit(claim.sender(), claim.phone(), text), null, 0, false);
        } catch (SmsGatewayException e) {
            long retryAt = clock.millis() + RETRY_DELAY.toMillis();
            if (e.inDoubt()) {
                return claim.attempts() + 1 >= MAX_IN_DOUBT
                        ? new SmsStore.Outcome(claim.id(), RecipientStatus.FAILED, null, "in doubt " + MAX_IN_DOUBT + " times: " + e.getMessage(), 0, true)
                        : new SmsStore.Outcome(claim.id(), RecipientStatus.PENDING, null, e.getMessage(), retryAt, true);
            }
            return e.retryable()
                    ? new SmsStore.Outcome(claim.id(), RecipientStatus.PENDING, null, e.getMessage(), retryAt, false)
                    : new SmsStore.Outcome(claim.id(), RecipientStatus.FAILED, null, e.getMessage(), 0, false);
        }
    }

    /** A submit task never throws a checked failure; anything else (a crash) propagates and nothing is recorded. */
    private static SmsStore.Outcome join(Future<SmsStore.Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) throw error;
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(e.getCause());
        }
    }
}
