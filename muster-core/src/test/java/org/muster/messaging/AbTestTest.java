package org.muster.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shared A/B/n winner choice on simulated outcomes: a real difference wins, equal variants wait, the deadline decides. */
class AbTestTest {

    private static final Duration DAY = Duration.ofHours(24);

    /** Arms of the given true rates after n recipients each, outcomes drawn with a fixed seed. */
    private static List<SequentialTest.Arm> simulate(long n, long seed, double... rates) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SequentialTest.Arm> arms = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            long successes = 0;
            for (long k = 0; k < n; k++) if (random.nextDouble() < rates[i]) successes++;
            arms.add(new SequentialTest.Arm(String.valueOf((char) ('A' + i)), n, successes));
        }
        return arms;
    }

    @Test
    void aClearlyBetterVariantWinsBeforeTheDeadline() {
        AbTest.Choice choice = AbTest.choose(SequentialTest.standard(), simulate(2_000, 1, 0.05, 0.15, 0.05), false, DAY);
        assertThat(choice.winner()).isEqualTo(1);
        assertThat(choice.summary()).contains("B beats every other variant");
    }

    @Test
    void equalVariantsRarelyProduceAWinnerBeforeTheDeadline() {
        int falseWinners = 0;
        for (long seed = 0; seed < 200; seed++) {
            if (AbTest.choose(SequentialTest.standard(), simulate(1_000, seed, 0.1, 0.1, 0.1), false, DAY).decided()) falseWinners++;
        }
        assertThat(falseWinners).isLessThanOrEqualTo(10);
    }

    @Test
    void atTheDeadlineTheBestObservedRateIsSentToTheRest() {
        List<SequentialTest.Arm> arms = List.of(new SequentialTest.Arm("A", 150, 10), new SequentialTest.Arm("B", 150, 12));
        assertThat(AbTest.choose(SequentialTest.standard(), arms, false, DAY).decided()).isFalse();
        AbTest.Choice late = AbTest.choose(SequentialTest.standard(), arms, true, DAY);
        assertThat(late.winner()).isEqualTo(1);
        assertThat(late.summary()).contains("no significant difference within 24 h");
    }
}
