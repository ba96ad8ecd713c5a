package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SimilarityTest {

    @Test
    void jaroWinklerMatchesTheTextbookValues() {
        assertThat(Similarity.jaroWinkler("martha", "marhta")).isCloseTo(0.9611, within(1e-4));
        assertThat(Similarity.jaroWinkler("dwayne", "duane")).isCloseTo(0.84, within(1e-4));
        assertThat(Similarity.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.8133, within(1e-4));
        assertThat(Similarity.jaroWinkler("abc", "xyz")).isZero();
        assertThat(Similarity.jaroWinkler("same", "same")).isEqualTo(1.0);
    }

    @Test
    void jaroWinklerIsSymmetric() {
        assertThat(Similarity.jaroWinkler("jonathan", "johnathon"))
                .isEqualTo(Similarity.jaroWinkler("johnathon", "jonathan"));
    }

    @Test
    void damerauLevenshteinCountsATranspositionAsOneEditAndStopsAtTheLimit() {
        assertThat(Similarity.damerauLevenshtein("smith", "smiht", 3)).isEqualTo(1);
        assertThat(Similarity.damerauLevenshtein("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(Similarity.damerauLevenshtein("kitten", "sitting", 1)).isEqualTo(2);
        assertThat(Similarity.damerauLevenshtein("a", "abcdef", 2)).isEqualTo(3);
    }

    @Test
    void haversineKnowsRaleighToDurham() {
        assertThat(Similarity.haversineKm(35.7796, -78.6382, 35.9940, -78.8986)).isBetween(32.0, 35.0);
    }
}
