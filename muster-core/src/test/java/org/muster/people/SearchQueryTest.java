package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void classifiesWhatWasTyped() {
        assertThat(SearchQuery.parse("  ")).isEqualTo(new SearchQuery(SearchQuery.Kind.EMPTY, "", ""));
        assertThat(SearchQuery.parse("Ann@Example.org ")).isEqualTo(new SearchQuery(SearchQuery.Kind.EMAIL, "ann@example.org", ""));
        assertThat(SearchQuery.parse("(919) 555-0101")).isEqualTo(new SearchQuery(SearchQuery.Kind.PHONE, "19195550101", ""));
        assertThat(SearchQuery.parse("+1 919 555 0101").key()).isEqualTo("19195550101");
        assertThat(SearchQuery.parse("12 Oak St.")).isEqualTo(new SearchQuery(SearchQuery.Kind.ADDRESS, "12 oak st", ""));
        assertThat(SearchQuery.parse("O'Brien")).isEqualTo(new SearchQuery(SearchQuery.Kind.NAME, "obrien", ""));
        assertThat(SearchQuery.parse("Mary Ann Smith")).isEqualTo(new SearchQuery(SearchQuery.Kind.NAME, "smith", "mary"));
        assertThat(SearchQuery.parse("Muñoz, José")).isEqualTo(new SearchQuery(SearchQuery.Kind.NAME, "munoz", "jose"));
        assertThat(SearchQuery.parse("!!! ???").kind()).isEqualTo(SearchQuery.Kind.EMPTY);
    }

    @Test
    void upperBoundIsAboveEveryKeyWithThePrefix() {
        String bound = SearchKeys.upperBound("smi");
        assertThat("smith").isLessThan(bound);
        assertThat("smizzzz 99").isLessThan(bound);
        assertThat("smj").isGreaterThan(bound);
    }
}
