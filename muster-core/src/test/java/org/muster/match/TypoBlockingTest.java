package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypoBlockingTest {

    private static MatchRecord named(String id, String first, String last) {
        return MatchRecord.builder(id).first(first).last(last).zip("27601").build();
    }

    private static boolean share(BlockKey key, MatchRecord a, MatchRecord b) {
        return Arrays.stream(key.values(a)).anyMatch(v -> Arrays.asList(key.values(b)).contains(v));
    }

    @Test
    void nameEditsShareAValueForEveryKindOfSingleTypingError() {
        MatchRecord smith = named("1", "Katherine", "Smith");
        assertThat(share(BlockKey.NAME_EDITS, smith, named("2", "Katherine", "Smyth"))).as("substitution").isTrue();
        assertThat(share(BlockKey.NAME_EDITS, smith, named("3", "Kathrine", "Jones"))).as("deletion").isTrue();
        assertThat(share(BlockKey.NAME_EDITS, smith, named("4", null, "Smiith"))).as("insertion").isTrue();
        assertThat(share(BlockKey.NAME_EDITS, smith, named("5", "Smtih", null))).as("swap, other field").isTrue();
        assertThat(share(BlockKey.NAME_EDITS, smith, named("6", "Catharine", "Smythe"))).as("two edits").isFalse();
        // short names keep only themselves: "amy" minus a letter would block with every "am", "ay" and "my"
        assertThat(BlockKey.NAME_EDITS.values(named("7", "Amy", null))).containsExactly("amy");
        assertThat(BlockKey.NAME_EDITS.values(named("8", "Anna", "Anna"))).containsExactlyInAnyOrder("anna", "nna",
                "ana", "ann");
    }

    @Test
    void emailUserEditsIgnoreTheProviderAndOneTypo() {
        MatchRecord a = MatchRecord.builder("1").email("charlie.m52@franklin.net").build();
        MatchRecord b = MatchRecord.builder("2").email("charl.ie.m52@franklin.org").build();
        MatchRecord c = MatchRecord.builder("3").email("charlie.p71@franklin.net").build();
        assertThat(share(BlockKey.EMAIL_USER_EDITS, a, b)).isTrue();
        assertThat(share(BlockKey.EMAIL_USER_EDITS, a, c)).isFalse();
    }

    @Test
    void nearBirthKeysJoinTheSameDecadeATypedDecadeDigitAndNeighbouringMonths() {
        MatchRecord base = MatchRecord.builder("1").birthDate(1972, 12, 15).build();
        assertThat(share(BlockKey.BIRTH_YEAR_NEAR, base, MatchRecord.builder("2").birthDate(1979, 1, 1).build())).isTrue();
        assertThat(share(BlockKey.BIRTH_YEAR_NEAR, base, MatchRecord.builder("3").birthDate(1982, 1, 1).build())).isTrue();
        assertThat(share(BlockKey.BIRTH_YEAR_NEAR, base, MatchRecord.builder("4").birthDate(1983, 1, 1).build())).isFalse();
        assertThat(BlockKey.BIRTH_YEAR_NEAR.values(base)).containsExactly("197_", "19_2");
        assertThat(share(BlockKey.BIRTH_MONTH_NEAR, base, MatchRecord.builder("5").birthDate(1972, 1, 15).build()))
                .as("December and January").isTrue();
        assertThat(share(BlockKey.BIRTH_MONTH_NEAR, base, MatchRecord.builder("6").birthDate(1972, 10, 15).build())).isFalse();
        MatchRecord yearOnly = MatchRecord.builder("7").birthYear(1972).build();
        assertThat(BlockKey.BIRTH_MONTH_NEAR.values(yearOnly)).isEmpty();
        assertThat(BlockKey.BIRTH_YEAR_NEAR.values(yearOnly)).hasSize(2);
    }

    @Test
    void emptyUnicodeAndHugeValuesGiveBoundedWellFormedValues() {
        MatchRecord empty = MatchRecord.builder("1").first("").last("  ").email("").birthDate("").build();
        for (BlockKey key : List.of(BlockKey.NAME_EDITS, BlockKey.EMAIL_USER_EDITS, BlockKey.BIRTH_YEAR_NEAR,
                BlockKey.BIRTH_MONTH_NEAR)) {
            assertThat(key.values(empty)).as(key.key()).isEmpty();
        }
        assertThat(BlockingRule.parse("name_edits+zip").blocksOf(empty)).isEmpty();

        // characters outside the basic plane are deleted whole, never leaving half a surrogate pair behind
        assertThat(TypoNeighbours.deletions(null, "𠀋𠀌𠀍𠀎")).containsExactlyInAnyOrder("𠀋𠀌𠀍𠀎", "𠀌𠀍𠀎", "𠀋𠀍𠀎",
                "𠀋𠀌𠀎", "𠀋𠀌𠀍");
        assertThat(share(BlockKey.NAME_EDITS, named("2", "Владимир", null), named("2b", "Владимер", null))).isTrue();
        MatchRecord accented = MatchRecord.builder("3").first("Zoë").last("Müller").build();
        assertThat(share(BlockKey.NAME_EDITS, accented, named("4", null, "Mueller"))).isTrue();

        String huge = "abcdefghij".repeat(100_000);
        MatchRecord big = MatchRecord.builder("5").first(huge).last(huge + "x").email(huge + "@x.org").build();
        assertThat(BlockKey.NAME_EDITS.values(big)).hasSizeLessThanOrEqualTo(2 * (Normalize.MAX_LENGTH + 1))
                .allSatisfy(v -> assertThat(v.length()).isLessThanOrEqualTo(Normalize.MAX_LENGTH));
    }

    @Test
    void aTypoRuleEmitsEachPairOnceAndOnlyPairsAnEarlierRuleMissed() {
        List<MatchRecord> records = List.of(
                named("a", "Katherine", "Smith"),
                named("b", "Katherine", "Smyth"),
                named("c", "Kathrine", "Smith"),
                named("d", "Pauline", "Okafor"),
                MatchRecord.builder("e").first("Katherine").last("Smith").zip("90210").build());
        List<BlockingRule> rules = List.of(BlockingRule.parse("first+last"), BlockingRule.parse("name_edits+zip"));
        Blocking.Result result = Blocking.candidates(records, rules, false, 1000);
        List<String> pairs = new ArrayList<>();
        for (int k = 0; k < result.pairs().size(); k++) {
            pairs.add(records.get(result.pairs().left(k)).id() + "-" + records.get(result.pairs().right(k)).id());
        }
        // a, b and c share several spellings each ("katherine", "smth", ...): still one pair each
        assertThat(pairs).containsExactlyInAnyOrder("a-e", "a-b", "a-c", "b-c");
        assertThat(result.pairsPerRule()).containsExactly(1L, 3L);
    }

    @Test
    void theIncrementalIndexFindsARecordThroughATypoRuleOnly() throws IOException {
        MatchConfig config = MatchConfig.defaults();
        SyntheticPeople people = new SyntheticPeople(1000, 0.0, 5);
        MatchModel model = new Matcher(config).dedupe(people.records).model();
        MatchRecord known = MatchRecord.builder("known").first("Bartholomew").last("Quackenbush").zip("27601")
                .address("12 Oak St").birthDate(1950, 3, 4).build();
        List<MatchRecord> all = new ArrayList<>(people.records);
        all.add(known);
        MatchConfig typoOnly = MatchConfig.read(new StringReader("blocking.rules = name_edits+zip"));
        MatchIndex index = new MatchIndex(typoOnly, model, all);
        MatchRecord typed = MatchRecord.builder("typed").first("Bartholomew").last("Quakenbush").zip("27601")
                .address("12 Oak St").birthDate(1950, 3, 4).build();
        assertThat(index.find(typed, 0.0)).extracting(Explanation::rightId).contains("known");
    }
}
