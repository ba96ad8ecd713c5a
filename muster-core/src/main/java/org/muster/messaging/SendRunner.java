package org.muster.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable job loop of every channel: every tick, each job that has work (due, sending, or waiting for its A/B
 * winner) and is not asleep until a later time is run as far as it can go. Jobs left half-done by a crash are
 * active in the database, so starting a runner resumes them. One thread per runner: its jobs go one after another;
 * each channel has its own runner ({@link SendJob} sends for email, {@code sms.SmsJobRunner} for SMS), so a long
 * email send never holds texts back.
 */
public final class SendRunner implements AutoCloseable {

    /** A channel's durable jobs as the runner sees them; all their state is in the database. */
    public interface Jobs {

        /** The ids of jobs with work to do at {@code now}. */
        List<Long> active(Instant now);

        /** Runs one job as far as it can go now; returns when to run it again, or null for the next tick. */
        Instant run(long id);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SendRunner.class);

    private final Jobs jobs;
    private final String name;
    private final Clock clock;
    private final Map<Long, Instant> asleepUntil = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread;

    /** The runner of a campaign's email sends. */
    public SendRunner(SendJob job, MessagingStore store, long campaignId, Clock clock) {
        this(new Jobs() {
            @Override
            public List<Long> active(Instant now) {
                return store.active(now);
            }

            @Override
            public Instant run(long id) {
                return job.run(campaignId, id).wakeAt();
            }
        }, "send-runner", clock);
    }

    public SendRunner(Jobs jobs, String threadName, Clock clock) {
        this.jobs = jobs;
        this.name = threadName;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Ticks every {@code every}. */
    public SendRunner start(Duration every) {
        thread.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Ticks every {@code every}, plus {@code periodic} (e.g. reading bounces) every {@code periodicEvery}. */
    public SendRunner start(Duration every, Runnable periodic, Duration periodicEvery) {
        start(every);
        thread.scheduleWithFixedDelay(() -> {
            try {
                periodic.run();
            } catch (RuntimeException e) {
                LOG.warn("Periodic messaging task failed: {}", e.getMessage(), e);
            }
        }, periodicEvery.toMillis(), periodicEvery.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Wakes a job now (after scheduling it, or when a result may decide its test). */
    public void wake(long id) {
        asleepUntil.remove(id);
        thread.execute(this::tick);
    }

    void tick() {
        Instant now = clock.instant();
        for (long id : jobs.active(now)) {
            Instant until = asleepUntil.get(id);
            if (until != null && until.isAfter(now)) continue;
            try {
                Instant wakeAt = jobs.run(id);
                if (wakeAt != null) asleepUntil.put(id, wakeAt);
                else asleepUntil.remove(id);
            } catch (RuntimeException e) {
                LOG.error("{}: job {} failed; it will be tried again in a minute", name, id, e);
                asleepUntil.put(id, now.plus(Duration.ofMinutes(1)));
            }
        }
    }

    /** Stops ticking and waits (up to ten seconds) for a running job to stop, so its channel can be closed after. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
