package org.muster.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the campaign's sends in the background: every tick, each send that has work (due, sending, or waiting for
 * its A/B winner) and is not asleep until a later time is run by {@link SendJob}. Sends left half-done by a crash
 * are active in the database, so starting a runner resumes them. One thread: sends go one after another.
 */
public final class SendRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SendRunner.class);

    private final SendJob job;
    private final MessagingStore store;
    private final long campaignId;
    private final Clock clock;
    private final Map<Long, Instant> asleepUntil = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "send-runner");
        t.setDaemon(true);
        return t;
    });

    public SendRunner(SendJob job, MessagingStore store, long campaignId, Clock clock) {
        this.job = job;
        this.store = store;
        this.campaignId = campaignId;
        this.clock = clock;
    }

    /** Ticks every {@code every}, plus {@code periodic} (e.g. reading bounces) every {@code periodicEvery}. */
    public SendRunner start(Duration every, Runnable periodic, Duration periodicEvery) {
        thread.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(() -> {
            try {
                periodic.run();
            } catch (RuntimeException e) {
                LOG.warn("Periodic messaging task failed: {}", e.getMessage(), e);
            }
        }, periodicEvery.toMillis(), periodicEvery.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Wakes a send now (after scheduling it, or when a result may decide its test). */
    public void wake(long sendId) {
        asleepUntil.remove(sendId);
        thread.execute(this::tick);
    }

    void tick() {
        Instant now = clock.instant();
        for (long id : store.active(now)) {
            Instant until = asleepUntil.get(id);
            if (until != null && until.isAfter(now)) continue;
            try {
                SendJob.Step step = job.run(campaignId, id);
                if (step.wakeAt() != null) asleepUntil.put(id, step.wakeAt());
                else asleepUntil.remove(id);
            } catch (RuntimeException e) {
                LOG.error("Send {} failed; it will be tried again in a minute", id, e);
                asleepUntil.put(id, now.plus(Duration.ofMinutes(1)));
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
