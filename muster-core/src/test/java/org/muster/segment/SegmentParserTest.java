package org.muster.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.muster.segment.Filter.Cmp;
import org.muster.segment.Filter.DistrictKind;
import org.muster.segment.Filter.Election;

class SegmentParserTest {

    @Test
    void readsTheExampleFromTheIssue() {
        Filter f = SegmentParser.parse("precinct in (12,14) and not voted(2022-general) and voted(2020-general) "
                + "and support >= 4 and not contacted(30d) and consent(SMS)");
        assertThat(f).isEqualTo(new Filter.And(List.of(
                new Filter.District(DistrictKind.PRECINCT, Set.of("12", "14")),
                new Filter.Not(new Filter.Voted(Election.ofYear(2022, "general"), null)),
                new Filter.Voted(Election.ofYear(2020, "general"), null),
                new Filter.Support(Cmp.GE, 4),
                new Filter.Not(new Filter.Contacted(30, null)),
                new Filter.Consent("sms"))));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesOverride() {
        Filter a = new Filter.Tag("a");
        Filter b = new Filter.Tag("b");
        Filter c = new Filter.Tag("c");
        assertThat(SegmentParser.parse("tag(a) or tag(b) and tag(c)")).isEqualTo(new Filter.Or(List.of(a, new Filter.And(List.of(b, c)))));
        assertThat(SegmentParser.parse("(tag(a) OR tag(b)) AND tag(c)")).isEqualTo(new Filter.And(List.of(new Filter.Or(List.of(a, b)), c)));
        assertThat(SegmentParser.parse("not not tag(a)")).isEqualTo(new Filter.Not(new Filter.Not(a)));
    }

    @Test
    void readsEveryClauseKindAndPrintsItBack() {
        String text = "tag(\"canvassed 2026\") and ward = W1 and party in (dem, una) and age > 64 and birth_year <= 1990"
                + " and voted(2020-11-03, absentee) and voted(\"11/03/2020 GENERAL\") and votes(last 4) >= 2"
                + " and contacted(14d, canvass) and household_size != 1 and field(shirt) = M and segment(\"core voters\")";
        Filter f = SegmentParser.parse(text);
        assertThat(((Filter.And) f).parts()).hasSize(12).contains(
                new Filter.Party(Set.of("DEM", "UNA")),
                new Filter.Voted(Election.onDate(LocalDate.of(2020, 11, 3)), "ABSENTEE"),
                new Filter.VoteCount(4, Cmp.GE, 2),
                new Filter.SegmentRef("core voters"));
        assertThat(SegmentParser.parse(f.toString())).isEqualTo(f);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tag(volunteer) and                | 19 | expected a clause",
            "precinct (12)                     | 10 | expected '=' or 'in' but found '('",
            "support >= four                   | 12 | expected a whole number but found 'four'",
            "tag(a) tag(b)                     | 8  | expected 'and', 'or' or the end of the filter",
            "vote(2020-general)                | 1  | unknown clause 'vote'",
            "voted(last year)                  | 7  | expected an election",
            "contacted(thirty)                 | 11 | expected a number of days",
            "(tag(a) or tag(b)                 | 18 | expected ')'",
            "tag(\"open                        | 5  | unterminated string",
            "support ! 3                       | 9  | '!' must be followed by '='",
    })
    void errorsSayWhatWasExpectedAndWhere(String text, int column, String message) {
        assertThatThrownBy(() -> SegmentParser.parse(text.strip()))
                .isInstanceOfSatisfying(SegmentParseException.class, e -> {
                    assertThat(e.position() + 1).isEqualTo(column);
                    assertThat(e.getMessage()).startsWith("at column " + column + ": ").contains(message);
                });
    }

    @Test
    void savedSegmentsAreInlinedAndCyclesRejected() {
        var saved = java.util.Map.of("donors", "tag(donor)", "loop", "segment(loop2)", "loop2", "tag(x) or segment(loop)");
        SegmentResolver resolver = new SegmentResolver(name -> Optional.ofNullable(saved.get(name)));
        assertThat(resolver.resolve(SegmentParser.parse("segment(donors) and not tag(volunteer)"))).isEqualTo(
                SegmentParser.parse("tag(donor) and not tag(volunteer)"));
        assertThatThrownBy(() -> resolver.resolve(SegmentParser.parse("segment(loop)"))).hasMessageContaining("refers to itself");
        assertThatThrownBy(() -> resolver.resolve(SegmentParser.parse("segment(nope)"))).hasMessageContaining("no saved segment");
    }

    @Test
    void ageIsABirthYearComparisonOnceTheYearIsKnown() {
        assertThat(new Filter.Age(Cmp.GE, 30).asBirthYear(2026)).isEqualTo(new Filter.BirthYear(Cmp.LE, 1996));
        assertThat(new Filter.Age(Cmp.LT, 18).asBirthYear(2026)).isEqualTo(new Filter.BirthYear(Cmp.GT, 2008));
    }
}
