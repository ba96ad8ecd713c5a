package org.muster.messaging;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.muster.messaging.MessagingStore.Candidate;
import org.muster.messaging.MessagingStore.NewRecipient;
import org.muster.messaging.MessagingStore.Outcome;
import org.muster.messaging.MessagingStore.Send;
import org.muster.messaging.MessagingStore.Status;

/**
 * Runs a persisted send as far as it can go now: resolves the audience once (segment → rules → A/B split ({@link AbTest}) → one
 * row per person), sends the pending rows through the channel's {@link Messenger} on several threads with the
 * commit point of {@link MessagingStore#commit} before each release, waits for and takes the A/B decision, sends
 * the rest to the winner, and finishes. Every step reads its state from the database, so after a crash (kill -9
 * included) running it again carries on where it stopped: rows SENT are never sent again, rows PENDING are.
 */
public final class SendJob {

    /** Threads (lanes), rows loaded per query, the rate limit (messages/second, 0 = none), tries per recipient. */
    public record Settings(int threads, int batch, double ratePerSecond, int maxAttempts, SequentialTest test) {
        public static Settings of(int threads, double ratePerSecond) {
            return new Settings(threads, 2_000, ratePerSecond, 3, SequentialTest.standard());
        }
    }

    /** What a run ended with: DONE, or come back at {@code wakeAt} (a schedule, a send time, the A/B test, a retry). */
    public record Step(Status status, Instant wakeAt, String note) {
    }

    private static final int RESOLVE_CHUNK = 5_000;
    private static final Duration RETRY = Duration.ofSeconds(30);
    private static final Duration DECISION_POLL = Duration.ofMinutes(1);

    private final MessagingStore store;
    private final Audience audience;
    private final Map<Channel, Outlet> outlets;
    private final Settings settings;
    private final Clock clock;

    public SendJob(MessagingStore store, Audience audience, Map<Channel, Outlet> outlets, Settings settings, Clock clock) {
        this.store = store;
        this.audience = audience;
        this.outlets = Map.copyOf(outlets);
        this.settings = settings;
        this.clock = clock;
    }

    public Step run(long campaignId, long sendId) {
        Send send = store.send(campaignId, sendId).orElseThrow(() -> new IllegalArgumentException("There is no send " + sendId + "."));
        Instant now = clock.instant();
        switch (send.status()) {
            case DRAFT, CANCELLED, DONE -> {
                return new Step(send.status(), null, "nothing to do");
            }
            case SCHEDULED -> {
                if (send.scheduledAt() != null && send.scheduledAt().isAfter(now)) return new Step(send.status(), send.scheduledAt(), "scheduled");
            }
            default -> { }
        }
        if (send.resolvedAt() == null) {
            resolve(send, now);
            send = store.send(campaignId, sendId).orElseThrow();
        }
        if (send.status() == Status.WAITING_FOR_WINNER) {
            Step waiting = decide(send);
            if (waiting != null) return waiting;
            send = store.send(campaignId, sendId).orElseThrow();
        }
        deliver(send);
        send = store.send(campaignId, sendId).orElseThrow();
        if (send.status() == Status.CANCELLED) return new Step(Status.CANCELLED, null, "cancelled");
        now = clock.instant();
        var next = store.nextSendTime(sendId, now);
        if (next.isPresent()) return new Step(send.status(), next.get(), "a variant's send time is later");
        Map<String, Long> counts = store.counts(sendId);
        if (counts.getOrDefault("PENDING", 0L) > 0) return new Step(send.status(), now.plus(RETRY), "some messages could not be handed over; retrying");
        if (counts.getOrDefault("HELD", 0L) > 0) {
            store.testSent(sendId, now);
            Step waiting = decide(store.send(campaignId, sendId).orElseThrow());
            return waiting != null ? waiting : run(campaignId, sendId);
        }
        store.finish(sendId, now);
        return new Step(Status.DONE, null, "done");
    }

    // ---- audience

    /** Why a candidate is not messaged under the rules, or null. */
    public static AudienceRules.Exclusion exclusion(Candidate c, AudienceRules rules) {
        AudienceRules.Exclusion why = rules.exclusion(c.category(), c.consent(), c.origin());
        if (why == AudienceRules.Exclusion.WITHDRAWN) return why;
        if (c.address() == null) return c.onlyUndeliverable() ? AudienceRules.Exclusion.UNDELIVERABLE : AudienceRules.Exclusion.NO_ADDRESS;
        return why;
    }

    /**
     * One pass over the segment: every person gets a row (SKIPPED with the reason, or PENDING); with several
     * variants the eligible rows are then given their group. Until {@link MessagingStore#resolved} nothing is sent,
     * and a crash before it starts the resolution over.
     */
    private void resolve(Send send, Instant now) {
        store.clearRecipients(send.id());
        var d = send.definition();
        List<Variant> variants = send.variants();
        Long only = variants.size() == 1 ? variants.getFirst().id() : null;
        long[] ids = audience.personIds(send.campaignId(), d.filter(), now);
        Arrays.sort(ids);
        long[] eligible = new long[ids.length];
        int n = 0;
        for (int from = 0; from < ids.length; from += RESOLVE_CHUNK) {
            List<NewRecipient> rows = new ArrayList<>();
            for (Candidate c : store.candidates(send.campaignId(), Arrays.copyOfRange(ids, from, Math.min(ids.length, from + RESOLVE_CHUNK)), d.channel())) {
                AudienceRules.Exclusion why = exclusion(c, d.rules());
                if (why == null) eligible[n++] = c.personId();
                rows.add(why == null ? new NewRecipient(c.personId(), only, c.address(), "REST", "PENDING", null)
                        : new NewRecipient(c.personId(), null, c.address(), "REST", "SKIPPED", why.name()));
            }
            store.addRecipients(send.id(), rows);
        }
        if (variants.size() > 1) {
            long[] split = Arrays.copyOf(eligible, n);
            int[] group = groups(split, send);
            int groups = Arrays.stream(group).max().orElse(0) + 1;
            for (int g = 0; g < groups; g++) {
                int gg = g;
                long[] members = java.util.stream.IntStream.range(0, split.length).filter(i -> group[i] == gg).mapToLong(i -> split[i]).toArray();
                if (g < variants.size()) store.assign(send.id(), members, variants.get(g).id(), send.abTest() ? "TEST" : "REST", "PENDING");
                else store.assign(send.id(), members, null, "REST", "HELD");
            }
        }
        store.resolved(send.id(), clock.instant());
    }

    static int[] groups(long[] eligible, Send send) {
        return AbTest.groups(eligible, send.variants().size(), send.abTest() ? send.definition().testFraction() : 1, send.definition().seed());
    }

    // ---- A/B decision

    /** Decides the winner if the evidence (or the deadline) allows; otherwise says when to look again. */
    private Step decide(Send send) {
        var d = send.definition();
        Instant now = clock.instant();
        Instant deadline = send.testSentAt().plus(d.decideWithin());
        List<MessagingStore.VariantResult> results = store.results(send.id(), d.metric(), true, sameSpan(send, now));
        AbTest.Choice choice = AbTest.choose(settings.test(), results.stream()
                .map(r -> new SequentialTest.Arm(r.label(), r.sent(), r.successes())).toList(), !now.isBefore(deadline), d.decideWithin());
        if (choice.decided()) {
            store.decide(send.id(), results.get(choice.winner()).variantId(), choice.summary());
            return null;
        }
        Instant next = now.plus(DECISION_POLL);
        return new Step(Status.WAITING_FOR_WINNER, next.isAfter(deadline) ? deadline : next, choice.summary());
    }

    /**
     * Per variant, the last moment an outcome counts: a variant that started earlier (a send time) is judged over
     * the same time since its start as the latest variant has had since its own, so it does not win on having been
     * read longer. Variants that start together have no limit (now).
     */
    static Map<Long, Instant> sameSpan(Send send, Instant now) {
        Map<Long, Instant> start = new HashMap<>();
        for (Variant v : send.variants()) {
            start.put(v.id(), v.sendAt() != null && v.sendAt().isAfter(send.resolvedAt()) ? v.sendAt() : send.resolvedAt());
        }
        Instant latest = start.values().stream().max(Instant::compareTo).orElse(now);
        Map<Long, Instant> until = new HashMap<>();
        start.forEach((id, at) -> until.put(id, now.minus(Duration.between(at, latest))));
        return until;
    }

    // ---- delivery

    private static final Recipient END = new Recipient(-1, -1, -1, -1, null, null, null, null);

    private void deliver(Send send) {
        Outlet outlet = outlets.get(send.definition().channel());
        if (outlet == null) throw new IllegalStateException("No " + send.definition().channel() + " outlet is configured.");
        Composer composer = outlet.composers().apply(send);
        Map<Long, Variant> variants = new HashMap<>();
        for (Variant v : send.variants()) variants.put(v.id(), v);
        RateLimiter limiter = new RateLimiter(settings.ratePerSecond());
        BlockingQueue<Recipient> queue = new ArrayBlockingQueue<>(settings.batch() * 2);
        ExecutorService lanes = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "send-" + send.id());
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < settings.threads(); i++) {
            running.add(lanes.submit(() -> {
                lane(send, outlet.messenger(), composer, variants, limiter, queue);
                return null;
            }));
        }
        try {
            long after = 0;
            feeding:
            while (true) {
                if (running.stream().anyMatch(Future::isDone)) break;  // a lane died: stop feeding, report below
                List<Recipient> batch = store.pending(send.id(), clock.instant(), after, settings.batch());
                if (batch.isEmpty()) break;
                after = batch.getLast().id();
                for (Recipient r : batch) {
                    while (!queue.offer(r, 100, TimeUnit.MILLISECONDS)) {
                        if (running.stream().allMatch(Future::isDone)) break feeding;  // f.get() below says why
                    }
                }
                if (store.send(send.campaignId(), send.id()).map(s -> s.status() == Status.CANCELLED).orElse(true)) {
                    queue.clear();
                    break;
                }
            }
            for (int i = 0; i < settings.threads(); i++) {
                while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    if (running.stream().allMatch(Future::isDone)) break;
                }
            }
            for (Future<?> f : running) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Sending failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            lanes.shutdownNow();
        }
    }

    private record StagedRow(long recipientId, Messenger.Staged staged) {
    }

    private void lane(Send send, Messenger messenger, Composer composer, Map<Long, Variant> variants, RateLimiter limiter,
                      BlockingQueue<Recipient> queue) throws IOException, InterruptedException {
        try (Messenger.Lane lane = messenger.openLane()) {
            List<Outcome> previous = List.of();
            boolean end = false;
            int failures = 0;
            while (!end) {
                List<Recipient> round = new ArrayList<>(lane.capacity());
                Recipient first = queue.take();
                if (first == END) break;
                round.add(first);
                while (round.size() < lane.capacity()) {
                    Recipient r = queue.poll();
                    if (r == null) break;
                    if (r == END) {
                        end = true;
                        break;
                    }
                    round.add(r);
                }
                limiter.acquire(round.size());
                List<StagedRow> staged = new ArrayList<>(round.size());
                for (Recipient r : round) {
                    Outgoing message = composer.compose(r, variants.get(r.variantId()));
                    try {
                        staged.add(new StagedRow(r.id(), lane.stage(message)));
                        failures = 0;
                    } catch (Messenger.Rejected e) {
                        store.refused(r.id(), e.getMessage(), e.permanent(), settings.maxAttempts());
                    } catch (IOException e) {
                        // Nothing was handed over: the row stays PENDING for the next run. Back off a little so
                        // a server that is down is not hammered.
                        if (++failures >= 3) Thread.sleep(Math.min(5_000, 100L << Math.min(failures, 6)));
                    }
                }
                long[] ids = staged.stream().mapToLong(StagedRow::recipientId).toArray();
                Set<Long> admitted = store.commit(send.id(), send.definition().rules(), send.definition().channel(), ids, previous, clock.instant());
                // The commit point has passed: release at once, in a tight loop, before anything else.
                for (StagedRow s : staged) {
                    if (admitted.contains(s.recipientId())) s.staged().release();
                    else s.staged().abort();
                }
                List<Outcome> outcomes = new ArrayList<>(staged.size());
                for (StagedRow s : staged) {
                    if (admitted.contains(s.recipientId())) outcomes.add(new Outcome(s.recipientId(), s.staged().outcome()));
                }
                previous = outcomes;
            }
            store.recordOutcomes(previous, clock.instant());
        }
    }
}
