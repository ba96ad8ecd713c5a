package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenRecordTest {

    @Test
    void takesTheMajorityValueAndNamesItsSources() {
        GoldenRecord g = GoldenRecord.of(List.of(
                MatchRecord.builder("a").first("Jon").last("Smith").phone("9195550101").build(),
                MatchRecord.builder("b").first("John").last("Smith").email("j@x.org").build(),
                MatchRecord.builder("c").first("John").last("Smyth").build()));
        assertThat(g.value("first")).isEqualTo("john");
        assertThat(g.fields().get("first").sourceIds()).containsExactly("b", "c");
        assertThat(g.value("last")).isEqualTo("smith");
        assertThat(g.fields().get("phone").sourceIds()).containsExactly("a");
        assertThat(g.value("email")).isEqualTo("j@x.org");
        assertThat(g.value("dob")).isNull();
    }
}
