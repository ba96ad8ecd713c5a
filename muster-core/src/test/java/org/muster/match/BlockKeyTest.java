package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlockKeyTest {

    @Test
    void namesKeysSurviveFirstAndLastNamesTypedInEachOthersPlace() {
        MatchRecord ann = MatchRecord.builder("1").first("Ann").last("Zaleski").build();
        MatchRecord swapped = MatchRecord.builder("2").first("Zaleski").last("Ann").build();
        MatchRecord typo = MatchRecord.builder("3").first("Zalesky").last("Ann").build();
        MatchRecord other = MatchRecord.builder("4").first("Ann").last("Smith").build();
        assertThat(BlockKey.NAMES.of(ann)).isEqualTo(BlockKey.NAMES.of(swapped)).isNotEqualTo(BlockKey.NAMES.of(other));
        assertThat(BlockKey.NAMES.of(typo)).isNotEqualTo(BlockKey.NAMES.of(ann));
        assertThat(BlockKey.NAMES_PHONETIC.of(typo)).isEqualTo(BlockKey.NAMES_PHONETIC.of(ann));
        assertThat(BlockKey.NAMES.of(MatchRecord.builder("5").first("Ann").build())).isNull();
        assertThat(BlockingRule.parse("names_phonetic+zip").keys()).containsExactly(BlockKey.NAMES_PHONETIC, BlockKey.ZIP);
    }
}
