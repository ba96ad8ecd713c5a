package org.muster.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muster.messaging.sms.TestClock;

/** The durable job loop on jobs of any channel: sleeps, failures and finished jobs, tick by tick. */
class SendRunnerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T15:00:00Z");

    /** Jobs whose answers the test sets; records every run. */
    private static final class ScriptedJobs implements SendRunner.Jobs {
        final Set<Long> active = new java.util.TreeSet<>();
        final Map<Long, Instant> wakeAt = new HashMap<>();
        final Set<Long> failing = new java.util.HashSet<>();
        final List<Long> runs = new ArrayList<>();

        @Override
        public List<Long> active(Instant now) {
            return List.copyOf(active);
        }

        @Override
        public Instant run(long id) {
            runs.add(id);
            if (failing.contains(id)) throw new IllegalStateException("gateway down");
            return wakeAt.get(id);
        }
    }

    @Test
    void runsActiveJobsEachTickUnlessAsleepAndRetriesAFailedJobAfterAMinute() {
        TestClock clock = new TestClock(T0);
        ScriptedJobs jobs = new ScriptedJobs();
        jobs.active.addAll(List.of(1L, 2L, 3L));
        jobs.wakeAt.put(2L, T0.plus(Duration.ofMinutes(5)));
        jobs.failing.add(3L);
        try (SendRunner runner = new SendRunner(jobs, "test-runner", clock)) {
            runner.tick();
            assertThat(jobs.runs).containsExactly(1L, 2L, 3L);

            jobs.runs.clear();
            clock.advance(Duration.ofSeconds(30));
            runner.tick();
            assertThat(jobs.runs).as("2 sleeps until its time, 3 waits a minute after failing").containsExactly(1L);

            jobs.runs.clear();
            jobs.failing.clear();
            jobs.active.remove(1L);
            clock.advance(Duration.ofSeconds(31));
            runner.tick();
            assertThat(jobs.runs).as("1 is done, 3 is retried").containsExactly(3L);

            jobs.runs.clear();
            clock.set(T0.plus(Duration.ofMinutes(5)));
            runner.tick();
            assertThat(jobs.runs).containsExactly(2L, 3L);
        }
    }
}
