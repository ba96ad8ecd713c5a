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

    @Test
    void readsTheClausesOnScoresPlacesMoneyEventsEngagementAndSplits() {
        String text = "score(turnout) >= 0.7 and within(35.78, -78.64, 2.5km) and within(polygon 35.7 -78.7, 35.8 -78.7, 35.8 -78.6)"
                + " and donated(amount >= 49.99, since 2025-01-01) and donated() and donated(since 90d) and attended(any, since 30d)"
                + " and attended(\"Town hall\") and opened(30d) and clicked(7d) and replied(14d) and split(42, 0%, 45%)";
        Filter f = SegmentParser.parse(text);
        assertThat(((Filter.And) f).parts()).hasSize(12).contains(
                new Filter.Score("turnout", Cmp.GE, 0.7),
                new Filter.Within(35.78, -78.64, 2.5),
                new Filter.WithinPolygon(List.of(new double[] {35.7, -78.7}, new double[] {35.8, -78.7}, new double[] {35.8, -78.6})),
                new Filter.Donated(Cmp.GE, 4_999L, new Filter.Since(LocalDate.of(2025, 1, 1), null)),
                new Filter.Donated(null, null, null),
                new Filter.Attended(null, new Filter.Since(null, 30)),
                new Filter.Engaged(Filter.Engagement.REPLIED, 14),
                new Filter.Split(42, 0, 45));
        assertThat(SegmentParser.parse(f.toString())).isEqualTo(f);
        assertThat(f.toString()).contains("within(35.78, -78.64, 2.5km)").contains("donated(amount >= 49.99, since 2025-01-01)");
    }

    @Test
    void splitBucketsAreReproducibleAndEven() {
        int[] counts = new int[100];
        for (long id = 1; id <= 100_000; id++) counts[Filter.Split.bucket(id, 7)]++;
        assertThat(java.util.Arrays.stream(counts).min().orElseThrow()).isGreaterThan(900);
        assertThat(java.util.Arrays.stream(counts).max().orElseThrow()).isLessThan(1_100);
        assertThat(Filter.Split.bucket(12_345, 7)).isEqualTo(Filter.Split.bucket(12_345, 7));
        long same = java.util.stream.LongStream.rangeClosed(1, 10_000).filter(id -> Filter.Split.bucket(id, 7) / 50 == Filter.Split.bucket(id, 8) / 50).count();
        assertThat(same).as("halves under two seeds are independent").isBetween(4_500L, 5_500L);
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
            "score(turnout) >= high            | 19 | expected a score but found 'high'",
            "within(95.1, -78.6, 5km)          | 8  | a latitude is between -90 and 90",
            "within(35.7, -78.6, 5)            | 21 | expected a radius such as 5km",
            "within(polygon 35.7 -78.6, 35.8 -78.6) | 38 | a polygon needs at least 3 points",
            "donated(amount >= 49.999)         | 19 | an amount has at most two decimals",
            "donated(since yesterday)          | 15 | expected a date (2025-01-01) or a number of days",
            "attended(any, before 2025-01-01)  | 15 | expected 'since'",
            "opened(week)                      | 8  | expected a number of days",
            "split(7, 60%, 40%)                | 15 | a split's range must not be empty",
            "split(7, 0%, 120%)                | 14 | expected a percentage from 0% to 100%",
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
