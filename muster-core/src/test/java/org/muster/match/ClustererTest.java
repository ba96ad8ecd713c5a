package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClustererTest {

    @Test
    void oneBridgeDoesNotChainTwoFamiliesTogether() {
        // 0-1-2 link to each other, 3-4-5 link to each other, one strong bridge 2-3
        CandidatePairs pairs = new CandidatePairs();
        int[][] edges = {{0, 1}, {0, 2}, {1, 2}, {3, 4}, {3, 5}, {4, 5}, {2, 3}};
        double[] p = {0.99, 0.98, 0.97, 0.99, 0.98, 0.97, 0.999};
        for (int[] e : edges) pairs.add(e[0], e[1]);
        int[] clusters = Clusterer.cluster(6, pairs, p, 0.9, 0.5);
        assertThat(clusters).containsExactly(0, 0, 0, 3, 3, 3);
        int[] unguarded = Clusterer.cluster(6, pairs, p, 0.9, 0.0);
        assertThat(unguarded).containsOnly(0);
    }

    @Test
    void linksBelowTheThresholdAreIgnored() {
        CandidatePairs pairs = new CandidatePairs();
        pairs.add(0, 1);
        pairs.add(1, 2);
        int[] clusters = Clusterer.cluster(3, pairs, new double[] {0.95, 0.2}, 0.9, 0.5);
        assertThat(clusters).containsExactly(0, 0, 2);
    }
}
