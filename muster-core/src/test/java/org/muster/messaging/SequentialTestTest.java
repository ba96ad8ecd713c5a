package org.muster.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The winner rule on simulated outcomes: experiments watched after every 50 recipients per variant, as the send
 * job watches a live test. Seeds are fixed, so each count is exact and the test cannot flake.
 */
class SequentialTestTest {

    private static final int LOOK_EVERY = 50;

    /** Runs one experiment with the given true rates; returns the winner's index, or -1 if none by {@code maxPerArm}. */
    private static int experiment(SequentialTest test, double[] rates, int maxPerArm, SplittableRandom random) {
        long[] successes = new long[rates.length];
        for (int n = 1; n <= maxPerArm; n++) {
            for (int a = 0; a < rates.length; a++) if (random.nextDouble() < rates[a]) successes[a]++;
            if (n % LOOK_EVERY == 0) {
                int nn = n;
                List<SequentialTest.Arm> arms = java.util.stream.IntStream.range(0, rates.length)
                        .mapToObj(a -> new SequentialTest.Arm("v" + a, nn, successes[a])).toList();
                SequentialTest.Decision d = test.decide(arms);
                if (d.decided()) return d.winner();
            }
        }
        return -1;
    }

    @Test
    void falsePositivesStayBelowAlphaUnderTheNullEvenWhenWatchedContinuously() {
        SequentialTest test = SequentialTest.standard();
        SplittableRandom random = new SplittableRandom(7);
        int runs = 400;
        int falseWinners = 0;
        for (int i = 0; i < runs; i++) if (experiment(test, new double[] {0.20, 0.20}, 4_000, random) >= 0) falseWinners++;
        // α = 0.05; the always-valid bound holds under continuous monitoring (a fixed-sample test watched 80 times
        // would declare a winner in roughly a third of these runs).
        assertThat((double) falseWinners / runs).isLessThanOrEqualTo(0.05);
    }

    @Test
    void threeEqualVariantsAlsoStayBelowAlpha() {
        SequentialTest test = SequentialTest.standard();
        SplittableRandom random = new SplittableRandom(11);
        int runs = 300;
        int falseWinners = 0;
        for (int i = 0; i < runs; i++) if (experiment(test, new double[] {0.1, 0.1, 0.1}, 3_000, random) >= 0) falseWinners++;
        assertThat((double) falseWinners / runs).isLessThanOrEqualTo(0.05);
    }

    @Test
    void aRealDifferenceIsFoundAndTheRightVariantWins() {
        SequentialTest test = SequentialTest.standard();
        SplittableRandom random = new SplittableRandom(3);
        int runs = 200;
        int right = 0;
        int wrong = 0;
        for (int i = 0; i < runs; i++) {
            int w = experiment(test, new double[] {0.20, 0.25, 0.20}, 5_000, random);
            if (w == 1) right++;
            else if (w >= 0) wrong++;
        }
        assertThat((double) right / runs).isGreaterThanOrEqualTo(0.9);
        assertThat(wrong).isZero();
    }

    @Test
    void intervalsCoverTheObservedRateAndNarrowWithData() {
        SequentialTest test = SequentialTest.standard();
        SequentialTest.Decision small = test.decide(List.of(new SequentialTest.Arm("A", 200, 40), new SequentialTest.Arm("B", 200, 44)));
        SequentialTest.Decision large = test.decide(List.of(new SequentialTest.Arm("A", 20_000, 4_000), new SequentialTest.Arm("B", 20_000, 4_400)));
        SequentialTest.Estimate a = small.rates().getFirst();
        assertThat(a.value()).isEqualTo(0.2);
        assertThat(a.low()).isLessThan(0.2);
        assertThat(a.high()).isGreaterThan(0.2);
        SequentialTest.Estimate big = large.rates().getFirst();
        assertThat(big.high() - big.low()).isLessThan((a.high() - a.low()) / 5);
        assertThat(small.decided()).isFalse();
        assertThat(large.winner()).isEqualTo(1);
        SequentialTest.Estimate diff = test.difference(new SequentialTest.Arm("B", 20_000, 4_400), new SequentialTest.Arm("A", 20_000, 4_000));
        assertThat(diff.low()).isGreaterThan(0);
    }
}
