package org.muster.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void locksAnAccountAfterFiveFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfter("Ann@Example.org", "10.0.0.1")).isZero();
            throttle.failed("ann@example.org", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.retryAfter("ann@example.org ", "10.9.9.9")).isEqualTo(Duration.ofMinutes(10));
        assertThat(throttle.retryAfter("bob@example.org", "10.9.9.9")).as("other accounts").isZero();

        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.retryAfter("ann@example.org", "10.9.9.9")).isZero();
    }

    @Test
    void locksAnAddressThatTriesManyAccounts() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + i + "@example.org", "10.0.0.1");
        }
        assertThat(throttle.retryAfter("new@example.org", "10.0.0.1")).isEqualTo(LoginThrottle.WINDOW);
        assertThat(throttle.retryAfter("new@example.org", "10.0.0.2")).isZero();
    }

    @Test
    void successClearsTheAccount() {
        for (int i = 0; i < 4; i++) throttle.failed("ann@example.org", "10.0.0.1");
        throttle.succeeded("ann@example.org");
        throttle.failed("ann@example.org", "10.0.0.1");
        assertThat(throttle.retryAfter("ann@example.org", "10.0.0.1")).isZero();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
