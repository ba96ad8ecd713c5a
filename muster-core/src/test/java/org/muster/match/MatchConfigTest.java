package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchConfigTest {

    @Test
    void defaultsCoverUsVoterFiles() {
        MatchConfig d = MatchConfig.defaults();
        assertThat(d.comparisons()).contains("first", "last", "dob", "residence", "phone", "email");
        assertThat(d.blockingRules()).extracting(Object::toString).contains("first_phonetic+last_phonetic+birth_year");
        assertThat(d.trainingRules()).isNotEmpty().isSubsetOf(d.blockingRules());
        // a file with a birth year and no email (NC) must still train the names and the birth year
        for (String learnt : List.of("first", "last", "dob")) {
            assertThat(d.fallbackTrainingRules()).as(learnt).anySatisfy(rule -> assertThat(rule.keys()).allSatisfy(key -> {
                assertThat(key.comparisonName()).isNotEqualTo(learnt);
                assertThat(key).isNotIn(BlockKey.DOB, BlockKey.BIRTH_MONTH_DAY, BlockKey.EMAIL);
            }));
        }
        assertThat(new Matcher(d).config()).isEqualTo(d);
    }

    @Test
    void aCampaignFileOverridesOnlyWhatItNames() throws Exception {
        MatchConfig c = MatchConfig.read(new StringReader("""
                comparisons = first, last, email
                blocking.rules = email, last+birth_year
                threshold.match = 0.99
                """));
        assertThat(c.comparisons()).containsExactly("first", "last", "email");
        assertThat(c.blockingRules()).extracting(Object::toString).containsExactly("email", "last+birth_year");
        assertThat(c.trainingRules()).isEqualTo(c.blockingRules());
        assertThat(c.matchThreshold()).isEqualTo(0.99);
        assertThat(c.reviewThreshold()).isEqualTo(MatchConfig.defaults().reviewThreshold());
    }

    @Test
    void mistakesAreReportedNotIgnored() {
        assertThatThrownBy(() -> MatchConfig.read(new StringReader("blocking.rules = surname")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Matcher(MatchConfig.defaults().withComparisons(List.of("shoe size"))))
                .hasMessageContaining("shoe size");
        assertThatThrownBy(() -> MatchConfig.read(new StringReader("threshold.review = 0.99\nthreshold.match = 0.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
