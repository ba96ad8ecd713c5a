package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadInputTest {

    @Test
    void unicodeNamesAreFoldedOrKept() {
        MatchRecord r = MatchRecord.builder("1").first("Zoë-Ann").last("王").middle("  ").build();
        assertThat(r.get(Field.FIRST)).isEqualTo("zoeann");
        assertThat(r.get(Field.LAST)).isEqualTo("王");
        assertThat(r.get(Field.MIDDLE)).isNull();
    }

    @Test
    void absurdDatesAndCoordinatesAreUnknownNotWrong() {
        assertThat(MatchRecord.builder("1").birthDate(3000, 1, 1).build().birthDate()).isNull();
        assertThat(MatchRecord.builder("1").birthDate(1970, 13, 40).build().birthDate()).isEqualTo("1970");
        assertThat(MatchRecord.builder("1").birthDate("not a date").build().birthDate()).isNull();
        assertThat(MatchRecord.builder("1").geo(500, 0).build().values()).doesNotContainKey("geo");
    }

    @Test
    void placeholderNamesAndDatesAreUnknown() {
        MatchRecord r = MatchRecord.builder("1").first("UNKNOWN").last("N/A").birthDate(1900, 1, 1).build();
        assertThat(r.values()).isEmpty();
    }

    @Test
    void hugeFieldsAreBounded() {
        String huge = "x".repeat(1_000_000);
        MatchRecord r = MatchRecord.builder("1").first(huge).address(huge).email(huge + "@a.b").build();
        assertThat(r.get(Field.FIRST)).hasSize(Normalize.MAX_LENGTH);
        assertThat(r.get(Field.EMAIL)).isNull();
        assertThat(Similarity.jaroWinkler(huge, huge + "y")).isBetween(0.99, 1.0);
    }

    @Test
    void emptyAndPlaceholderRecordsDoNotMatchEverything() {
        List<MatchRecord> records = new ArrayList<>(new SyntheticPeople(500, 0.0, 3).records);
        for (int i = 0; i < 300; i++) {
            records.add(MatchRecord.builder("empty" + i).first("").last(" ").email("none").build());
            records.add(MatchRecord.builder("unknown" + i).first("UNKNOWN").last("UNKNOWN").birthDate(1900, 1, 1)
                    .build());
        }
        Matcher.Run run = new Matcher(MatchConfig.defaults()).dedupe(records);
        long clustered = java.util.Arrays.stream(run.clusterOf()).boxed()
                .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()))
                .values().stream().filter(n -> n > 1).mapToLong(Long::longValue).sum();
        for (int i = 0; i < 500; i++) assertThat(run.clusterOf()[i]).isEqualTo(i);
        assertThat(clustered).isZero();
        assertThat(run.pairs().size()).as("placeholders are unknown values, not shared ones").isLessThan(1000);
    }
}
