package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void pairwiseAndBCubedOnASmallExample() {
        // truth {0,1,2} {3}; predicted {0,1} {2,3}
        Evaluation.Scores s = Evaluation.clusters(new Object[] {"a", "a", "a", "b"}, new int[] {0, 0, 2, 2}, null);
        assertThat(s.truePairs()).isEqualTo(3);
        assertThat(s.predictedPairs()).isEqualTo(2);
        assertThat(s.correctPairs()).isEqualTo(1);
        assertThat(s.precision()).isEqualTo(0.5);
        assertThat(s.recall()).isCloseTo(1 / 3.0, within(1e-12));
        // B-cubed precision: (1 + 1 + 1/2 + 1/2) / 4; recall: (2/3 + 2/3 + 1/3 + 1) / 4
        assertThat(s.bcubedPrecision()).isCloseTo(0.75, within(1e-12));
        assertThat(s.bcubedRecall()).isCloseTo(2.6667 / 4, within(1e-4));
    }

    @Test
    void linkageCountsOnlyPairsAcrossFiles() {
        Evaluation.Scores s = Evaluation.clusters(new Object[] {"a", "a", "a"}, new int[] {0, 0, 0},
                new int[] {0, 0, 1});
        assertThat(s.truePairs()).isEqualTo(2);
        assertThat(s.correctPairs()).isEqualTo(2);
    }
}
