package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private static SyntheticPeople people;
    private static Matcher.Run run;

    @BeforeAll
    static void dedupe() {
        people = new SyntheticPeople(4000, 0.2, 7);
        run = new Matcher(MatchConfig.defaults()).dedupe(people.records);
    }

    @Test
    void findsPlantedDuplicatesPrecisely() {
        Evaluation.Scores s = Evaluation.clusters(people.truth.toArray(), run.clusterOf(), null);
        assertThat(s.truePairs()).isGreaterThan(600);
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.97);
        assertThat(s.recall()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void learnsThatAgreementIsEvidenceForAMatch() {
        MatchModel model = run.model();
        for (int c = 0; c < model.comparisons().size(); c++) {
            // the synthetic people have no middle name, city, id or geocode, and all live in one state
            if (List.of("middle", "city", "ssn", "geo", "state").contains(model.comparisons().get(c).name())) continue;
            int top = model.comparisons().get(c).levels() - 1;
            assertThat(model.weight[c][top]).as(model.comparisons().get(c).name()).isPositive();
            assertThat(model.weight[c][1]).as(model.comparisons().get(c).name()).isNegative();
        }
    }

    @Test
    void explainsAPairFieldByField() {
        MatchRecord original = people.records.get(people.truth.indexOf(people.truth.get(people.records.size() - 1)));
        MatchRecord duplicate = people.records.get(people.records.size() - 1);
        Explanation e = run.model().explain(original, duplicate);
        double sum = e.priorLog2Odds() + e.fields().stream().mapToDouble(Explanation.FieldEvidence::total).sum();
        assertThat(e.log2Odds()).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(e.field("dob").level()).isNotEqualTo("missing");
        assertThat(e.toString()).contains("last=");
    }

    @Test
    void commonNamesWeighLessThanRareOnes() {
        MatchModel model = run.model();
        MatchRecord smith1 = MatchRecord.builder("a").first("james").last("smith").build();
        MatchRecord smith2 = MatchRecord.builder("b").first("james").last("smith").build();
        String rare = people.records.stream().map(r -> r.get(Field.LAST))
                .filter(l -> people.records.stream().filter(r -> l.equals(r.get(Field.LAST))).count() == 1)
                .findFirst().orElseThrow();
        MatchRecord rare1 = MatchRecord.builder("c").first("james").last(rare).build();
        MatchRecord rare2 = MatchRecord.builder("d").first("james").last(rare).build();
        assertThat(model.explain(rare1, rare2).field("last").total())
                .isGreaterThan(model.explain(smith1, smith2).field("last").total());
    }

    @Test
    void linksTwoFilesWithoutPairingRecordsOfTheSameFile() {
        List<MatchRecord> both = new ArrayList<>();
        for (int i = 0; i < people.records.size(); i++) {
            MatchRecord r = people.records.get(i);
            both.add(MatchRecord.builder(r.id).source(r.id.startsWith("d") ? 1 : 0).first(r.get(Field.FIRST))
                    .last(r.get(Field.LAST)).birthDate(r.birthDate()).zip(r.get(Field.ZIP)).build());
        }
        Matcher.Run link = new Matcher(MatchConfig.defaults()).link(both);
        for (int k = 0; k < link.pairs().size(); k++) {
            assertThat(both.get(link.pairs().left(k)).source()).isNotEqualTo(both.get(link.pairs().right(k)).source());
        }
        assertThat(link.pairs().size()).isPositive();
    }
}
