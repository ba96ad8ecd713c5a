package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingTest {

    private static MatchRecord person(String id, String first, String last, String city) {
        return MatchRecord.builder(id).first(first).last(last).city(city).build();
    }

    private static List<String> pairs(List<MatchRecord> records, String... rules) {
        List<BlockingRule> parsed = new ArrayList<>();
        for (String r : rules) parsed.add(BlockingRule.parse(r));
        CandidatePairs pairs = Blocking.candidates(records, parsed, false, 1000).pairs();
        List<String> out = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            out.add(records.get(pairs.left(k)).id + "-" + records.get(pairs.right(k)).id);
        }
        return out;
    }

    @Test
    void aNameTokenBlocksRecordsWhoseNamesSitInDifferentFields() {
        List<MatchRecord> records = List.of(
                person("a", "William", "Khan", "Salford"),
                person("b", null, "William", "Salford"),
                person("c", "Khan", "William", "Salford"),
                person("d", "Mary", "Jones", "Salford"));
        // a and c share both names: one pair, not two
        assertThat(pairs(records, "name_token+city")).containsExactlyInAnyOrder("a-b", "a-c", "b-c");
    }

    @Test
    void namesBlocksSwappedNamesAndLettersSurviveDoubledOrSwappedLetters() {
        List<MatchRecord> records = List.of(
                person("a", "Lily", "Thomson", null),
                person("b", "Thomson", "Lily", null),
                person("c", "Ivy", "Nicholson", "Reading"),
                person("d", "Ivy", "Nichslloon", "Reading"),
                person("e", "Ivy", "Nickelsen", "Reading"));
        assertThat(pairs(records, "names")).containsExactly("a-b");
        assertThat(pairs(records, "last_letters+city")).containsExactly("c-d");
    }

    @Test
    void aPairFoundByAnEarlierRuleIsNotAddedAgainAndOversizedBlocksAreSkipped() {
        List<MatchRecord> records = new ArrayList<>(List.of(
                person("a", "Ann", "Lee", "Leeds"),
                person("b", "Ann", "Lee", "Leeds")));
        assertThat(pairs(records, "first+last", "name_token+city")).containsExactly("a-b");
        for (int i = 0; i < 3; i++) records.add(person("x" + i, "Zed", "Lee", "York"));
        List<BlockingRule> rules = List.of(BlockingRule.parse("name_token"));
        Blocking.Result result = Blocking.candidates(records, rules, false, 4);
        // the block "lee" (5 records) is too big; "ann" and "zed" are not
        assertThat(result.skippedBlocksPerRule()[0]).isEqualTo(1);
        assertThat(result.pairs().size()).isEqualTo(1 + 3);
    }
}
