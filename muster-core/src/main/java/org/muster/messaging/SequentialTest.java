package org.muster.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * The A/B/n winner rule: a mixture sequential probability ratio test (mSPRT, Johari, Pekelis and Walsh, "Always
 * valid inference", 2017) on the difference of two success rates, with a normal mixing distribution of variance
 * {@code tau²}. Its likelihood ratio may be checked after every new outcome: the chance that it <em>ever</em>
 * crosses 1/α when the variants do not differ is at most α, so looking often does not inflate false positives.
 * With n variants every pair is tested at α / (n(n-1)/2) (Bonferroni); a variant wins when it beats every other.
 * The intervals are the matching always-valid confidence intervals.
 */
public final class SequentialTest {

    /** The smallest test group per variant before any decision: the normal approximation needs some data. */
    public static final long MIN_PER_VARIANT = 100;

    private final double alpha;
    private final double tau2;

    /** @param tau the standard deviation of the mixing distribution: the size of difference the test is tuned for */
    public SequentialTest(double alpha, double tau) {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be between 0 and 1");
        this.alpha = alpha;
        this.tau2 = tau * tau;
    }

    /** The default: α = 0.05, tuned for differences of about two percentage points. */
    public static SequentialTest standard() {
        return new SequentialTest(0.05, 0.02);
    }

    /** A variant's outcomes: how many were sent and how many succeeded. */
    public record Arm(String label, long n, long successes) {
        public double rate() {
            return n == 0 ? 0 : (double) successes / n;
        }
    }

    /** A rate (or difference) and its always-valid interval. */
    public record Estimate(double value, double low, double high) {
    }

    /** The verdict: the winner's index or -1, and per arm its rate with interval. */
    public record Decision(int winner, List<Estimate> rates, String summary) {
        public boolean decided() {
            return winner >= 0;
        }
    }

    public Decision decide(List<Arm> arms) {
        int k = arms.size();
        List<Estimate> rates = new ArrayList<>(k);
        for (Arm a : arms) rates.add(interval(a.rate(), variance(a), alpha));
        if (k < 2) return new Decision(k == 1 ? 0 : -1, rates, "one variant");
        if (arms.stream().anyMatch(a -> a.n() < MIN_PER_VARIANT)) {
            return new Decision(-1, rates, "waiting for " + MIN_PER_VARIANT + " recipients per variant");
        }
        double pairAlpha = alpha / (k * (k - 1) / 2.0);
        int best = 0;
        for (int i = 1; i < k; i++) if (arms.get(i).rate() > arms.get(best).rate()) best = i;
        for (int j = 0; j < k; j++) {
            if (j == best) continue;
            Arm b = arms.get(best);
            Arm o = arms.get(j);
            double diff = b.rate() - o.rate();
            double v = variance(b) + variance(o);
            if (!(diff > 0) || likelihoodRatio(diff, v) < 1 / pairAlpha) {
                return new Decision(-1, rates, "no significant winner yet");
            }
        }
        return new Decision(best, rates, arms.get(best).label() + " beats every other variant (mSPRT, α=" + alpha + ")");
    }

    /** The always-valid interval of the difference a − b. */
    public Estimate difference(Arm a, Arm b) {
        return interval(a.rate() - b.rate(), variance(a) + variance(b), alpha);
    }

    /** The mixture likelihood ratio for an observed difference with variance v. */
    double likelihoodRatio(double diff, double v) {
        return Math.sqrt(v / (v + tau2)) * Math.exp(diff * diff * tau2 / (2 * v * (v + tau2)));
    }

    private Estimate interval(double value, double v, double a) {
        if (v <= 0) return new Estimate(value, value, value);
        double half = Math.sqrt(v * (v + tau2) / tau2 * (Math.log((v + tau2) / v) - 2 * Math.log(a)));
        return new Estimate(value, value - half, value + half);
    }

    /** Variance of a rate estimate, with the rate pulled off 0 and 1 so that a quiet start does not look certain. */
    private static double variance(Arm a) {
        if (a.n() == 0) return Double.POSITIVE_INFINITY;
        double p = (a.successes() + 0.5) / (a.n() + 1.0);
        return p * (1 - p) / a.n();
    }
}
