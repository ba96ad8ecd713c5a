package org.muster.messaging.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A send of one text to a segment: the filter it was created from is kept as text for the record. {@code test}:
 * the A/B/n test of a job with several variants, null for a job of one text.
 */
public record SmsJob(long id, long campaignId, String name, String filter, String body, Status status, SendHours hours,
                     Long createdBy, Instant createdAt, Instant finishedAt, Test test) {

    public enum Status { RUNNING, DONE, CANCELLED }

    /** The most variants a job may have. */
    public static final int MAX_VARIANTS = 3;

    /**
     * Variant templates (index 0 is the job's body); {@code testFraction} 1: no test, the variants share everyone;
     * otherwise that share is split into test groups, the rest is HELD until the winner on replies is chosen
     * ({@link org.muster.messaging.AbTest}). {@code testSentAt}, {@code winner} and {@code decision} are set as the
     * test goes.
     */
    public record Test(List<String> variants, double testFraction, long seed, Duration decideWithin, Instant testSentAt,
                       Integer winner, String decision) {

        public Test {
            variants = List.copyOf(variants);
            if (variants.size() < 2 || variants.size() > MAX_VARIANTS) {
                throw new IllegalArgumentException("variants: an A/B test has 2 to " + MAX_VARIANTS + " texts, not " + variants.size());
            }
            if (!(testFraction > 0 && testFraction <= 1)) throw new IllegalArgumentException("test share: must be above 0 % and at most 100 %");
            if (decideWithin.isNegative() || decideWithin.isZero()) throw new IllegalArgumentException("decide within: must be a positive time");
        }

        /** A new test: nothing sent or decided yet. */
        public static Test of(List<String> variants, double testFraction, long seed, Duration decideWithin) {
            return new Test(variants, testFraction, seed, decideWithin, null, null, null);
        }

        /** Whether part of the audience waits for a winner (rather than the variants sharing everyone). */
        public boolean holdsBack() {
            return testFraction < 1;
        }

        public static String label(int variant) {
            return String.valueOf((char) ('A' + variant));
        }
    }
}
