package org.muster.messaging.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.muster.messaging.AudienceRules;
import org.muster.messaging.Metric;

/**
 * A send of one text to a segment: the filter it was created from is kept as text for the record. {@code sender}
 * and {@code sendAt} are those of the job's (first) text; {@code rules}: who may be texted ({@link #CONSENT_REQUIRED}
 * plus the origins the user excluded). {@code test}: the A/B/n test of a job with several variants, null for a job
 * of one text. {@code options}: what the job adds to its texts.
 */
public record SmsJob(long id, long campaignId, String name, String filter, String body, Status status, SendHours hours,
                     Long createdBy, Instant createdAt, Instant finishedAt, Test test, AudienceRules rules, String sender,
                     Instant sendAt, Options options) {

    public enum Status { RUNNING, DONE, CANCELLED }

    /** The most variants a job may have. */
    public static final int MAX_VARIANTS = 3;

    /**
     * The rules of SMS: sms consent GRANTED is required in every contact category (texting without consent is not
     * a legitimate interest), an objection always wins; data origins are excluded per job on top.
     */
    public static final AudienceRules CONSENT_REQUIRED = rulesExcluding(Set.of());

    /** SMS rules that also never text people whose data came from one of {@code excludedOrigins}. */
    public static AudienceRules rulesExcluding(Set<String> excludedOrigins) {
        return new AudienceRules(Set.of(), excludedOrigins);
    }

    /**
     * What a job adds to its texts. {@code stateOrigin}: a last line naming where the person's details came from,
     * for people whose data origin is known (GDPR art. 14 asks a sender to say so when the data did not come from the
     * person). {@code trackLinks}: every link is shortened and tracked ({@link SmsLinks}), which the click metric needs.
     */
    public record Options(boolean stateOrigin, boolean trackLinks) {

        /** Texts exactly as written. */
        public static final Options NONE = new Options(false, false);
    }

    /** The job's first text as a variant. */
    public Text text() {
        return new Text(body, sender, sendAt);
    }

    /**
     * One text a job sends: its template, its source address (null: the gateway's configured sender) and the time
     * before which it is not sent (null: at once). Sending hours apply on top of {@code sendAt}.
     */
    public record Text(String body, String sender, Instant sendAt) {

        /** What SMPP and the gateways carry as a source address. */
        private static final Pattern SENDER = Pattern.compile("\\+[1-9][0-9]{6,14}|[0-9]{3,15}|[A-Za-z0-9][A-Za-z0-9 ]{0,10}");

        public Text {
            sender = sender == null || sender.isBlank() ? null : sender.strip();
            if (sender != null && !SENDER.matcher(sender).matches()) {
                throw new IllegalArgumentException("sender: \"" + sender + "\" is not a +E.164 number, a short code or an"
                        + " alphanumeric id of up to 11 letters and digits");
            }
        }

        public static Text of(String body) {
            return new Text(body, null, null);
        }

        /** Epoch ms before which rows of this text are not sent (0: at once). */
        public long notBefore() {
            return sendAt == null ? 0 : sendAt.toEpochMilli();
        }
    }

    /**
     * Variant texts (index 0 is the job's own); {@code testFraction} 1: no test, the variants share everyone;
     * otherwise that share is split into test groups, the rest is HELD until the winner on {@code metric} is chosen
     * ({@link org.muster.messaging.AbTest}). Variants may differ in body, sender and send time. {@code testSentAt},
     * {@code winner} and {@code decision} are set as the test goes.
     */
    public record Test(List<Text> variants, double testFraction, long seed, Duration decideWithin, Metric metric, Instant testSentAt,
                       Integer winner, String decision) {

        /** What a text's test can measure: a text has no tracking pixel; clicks need tracked links ({@link Options#trackLinks}). */
        public static final List<Metric> METRICS = List.of(Metric.REPLY, Metric.CLICK, Metric.DONATION, Metric.SIGNUP);

        public Test {
            variants = List.copyOf(variants);
            if (variants.size() < 2 || variants.size() > MAX_VARIANTS) {
                throw new IllegalArgumentException("variants: an A/B test has 2 to " + MAX_VARIANTS + " texts, not " + variants.size());
            }
            if (!(testFraction > 0 && testFraction <= 1)) throw new IllegalArgumentException("test share: must be above 0 % and at most 100 %");
            if (decideWithin.isNegative() || decideWithin.isZero()) throw new IllegalArgumentException("decide within: must be a positive time");
            if (!METRICS.contains(metric)) {
                throw new IllegalArgumentException("metric: a text's winner is chosen on reply, click, donation or sign-up, not "
                        + (metric == null ? "nothing" : metric.name().toLowerCase(java.util.Locale.ROOT)) + " (a text has no open to track)");
            }
        }

        /** A new test on replies of variants that differ only in body: nothing sent or decided yet. */
        public static Test of(List<String> bodies, double testFraction, long seed, Duration decideWithin) {
            return ofTexts(bodies.stream().map(Text::of).toList(), testFraction, seed, decideWithin, Metric.REPLY);
        }

        /** A new test: nothing sent or decided yet. */
        public static Test ofTexts(List<Text> variants, double testFraction, long seed, Duration decideWithin, Metric metric) {
            return new Test(variants, testFraction, seed, decideWithin, metric, null, null, null);
        }

        /** Whether part of the audience waits for a winner (rather than the variants sharing everyone). */
        public boolean holdsBack() {
            return testFraction < 1;
        }

        public static String label(int variant) {
            return String.valueOf((char) ('A' + variant));
        }

        /** What an error or result about one of several texts starts with: {@code "text B: "}. */
        public static String prefix(int variant) {
            return "text " + label(variant) + ": ";
        }
    }
}
