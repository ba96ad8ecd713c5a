package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatchIndexTest {

    @Test
    void findsTheExistingPersonForOneIncomingRecord() {
        SyntheticPeople people = new SyntheticPeople(3000, 0.0, 21);
        MatchConfig config = MatchConfig.defaults();
        MatchIndex index = new MatchIndex(config, new Matcher(config).dedupe(people.records).model(), people.records);
        MatchRecord known = people.records.get(1234);
        MatchRecord signup = MatchRecord.builder("form-1").first(known.get(Field.FIRST))
                .last(SyntheticPeople.typo(known.get(Field.LAST), new java.util.SplittableRandom(1)))
                .birthDate(known.birthDate()).email(known.get(Field.EMAIL)).build();
        List<Explanation> matches = index.find(signup, config.matchThreshold());
        assertThat(matches).isNotEmpty();
        assertThat(matches.get(0).rightId()).isEqualTo(known.id());
        assertThat(matches.get(0).field("email").level()).isEqualTo("exact");

        MatchRecord stranger = MatchRecord.builder("form-2").first("Zebedee").last("Quartermaine")
                .birthDate(1931, 2, 3).email("zq@example.net").build();
        assertThat(index.find(stranger, config.reviewThreshold())).isEmpty();
        index.add(stranger);
        MatchRecord again = MatchRecord.builder("form-3").first("Zebedee").last("Quartermaine")
                .birthDate(1931, 2, 3).email("zq@example.net").build();
        assertThat(index.find(again, config.matchThreshold())).extracting(Explanation::rightId)
                .containsExactly("form-2");
    }
}
