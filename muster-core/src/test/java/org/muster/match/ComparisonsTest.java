package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComparisonsTest {

    private static MatchRecord.Builder person(String first, String last) {
        return MatchRecord.builder(first + last).first(first).last(last);
    }

    private static String level(Comparison c, MatchRecord a, MatchRecord b) {
        return c.label(c.level(a, b));
    }

    @Test
    void firstNamesRecogniseNicknamesTyposPhoneticsAndSwaps() {
        Comparison first = Comparisons.name(Field.FIRST, true);
        assertThat(level(first, person("William", "Ray").build(), person("Bill", "Ray").build())).isEqualTo("nickname");
        assertThat(level(first, person("Xavier", "Ray").build(), person("Xaviera", "Ray").build()))
                .isEqualTo("jaro-winkler >= 0.94 or 1 edit");
        assertThat(level(first, person("José", "Ray").build(), person("JOSE", "Ray").build())).isEqualTo("exact");
        assertThat(level(first, person("J", "Ray").build(), person("John", "Ray").build())).isEqualTo("initial");
        // Both names typed in each other's field are scored as if in place; one name moved across is a swap.
        assertThat(level(first, person("Ray", "John").build(), person("John", "Ray").build())).isEqualTo("exact");
        assertThat(level(first, person("Raye", "John").build(), person("John", "Ray").build()))
                .isEqualTo("jaro-winkler >= 0.94 or 1 edit");
        assertThat(level(first, person("Ray", "Smith").build(), person("Steven", "Ray").build()))
                .isEqualTo("swapped first/last");
        assertThat(level(first, person("Mary", "Ray").build(), person("Steven", "Ray").build())).isEqualTo("different");
        assertThat(level(first, person(null, "Ray").build(), person("Steven", "Ray").build())).isEqualTo("missing");
    }

    @Test
    void datesRecogniseTransposedDayAndMonthAndOneDigitOff() {
        Comparison dob = Comparisons.birthDate();
        MatchRecord a = person("a", "b").birthDate(1980, 3, 7).build();
        assertThat(level(dob, a, person("a", "b").birthDate(1980, 7, 3).build())).isEqualTo("day/month transposed");
        assertThat(level(dob, a, person("a", "b").birthDate(1980, 3, 8).build())).isEqualTo("one digit off");
        assertThat(level(dob, a, person("a", "b").birthDate(1980, 11, 20).build())).isEqualTo("same year");
        assertThat(level(dob, a, person("a", "b").birthYear(1980).build())).isEqualTo("same year");
        assertThat(level(dob, a, person("a", "b").birthDate(1980, 3, 7).build())).isEqualTo("exact");
        assertThat(level(dob, a, person("a", "b").birthDate(1981, 11, 20).build())).isEqualTo("year within one");
        assertThat(level(dob, a, person("a", "b").birthDate(1955, 9, 22).build())).isEqualTo("different");
    }

    @Test
    void residenceCountsStreetZipAndCityOnce() {
        Comparison residence = Comparisons.residence();
        MatchRecord a = person("a", "b").address("12 Oak St").zip("27601").city("Raleigh").build();
        assertThat(level(residence, a, person("a", "b").address("12 oak st.").zip("27601-1234").build()))
                .isEqualTo("same street address");
        assertThat(level(residence, a, person("a", "b").address("12 Oak Street").zip("27601").build()))
                .isEqualTo("similar street, same zip");
        assertThat(level(residence, a, person("a", "b").address("12 Oak St").zip("27610").build()))
                .isEqualTo("same street address, zip differs");
        assertThat(level(residence, a, person("a", "b").address("12 Oak Street").zip("27610").build()))
                .isEqualTo("similar street, zip or city nearly the same");
        assertThat(level(residence, a, person("a", "b").address("12 Oak Street").zip("28801").build()))
                .isEqualTo("same street, zip and city differ");
        assertThat(level(residence, a, person("a", "b").address("14 Oak Street").zip("28801").build()))
                .isEqualTo("different");
        assertThat(level(residence, a, person("a", "b").address("9 Elm St").zip("27601").build())).isEqualTo("same zip");
        assertThat(level(residence, a, person("a", "b").address("9 Elm St").zip("27610").city("raleigh").build()))
                .isEqualTo("same city");
        assertThat(level(residence, a, person("a", "b").zip("28801").build())).isEqualTo("different");
        assertThat(level(residence, a, person("a", "b").email("x@y.z").build())).isEqualTo("missing");
    }

    @Test
    void identifiersEmailsAndGeocodes() {
        Comparison phone = Comparisons.exact(Field.PHONE, true);
        MatchRecord a = person("a", "b").phone("+1 (919) 555-0101").email("ann@x.org").geo(35.78, -78.64).build();
        assertThat(level(phone, a, person("a", "b").phone("919-555-0101").build())).isEqualTo("exact");
        assertThat(level(phone, a, person("a", "b").phone("919-555-0110").build())).isEqualTo("one edit");
        Comparison email = Comparisons.email();
        assertThat(level(email, a, person("a", "b").email("ANN@x.org").build())).isEqualTo("exact");
        assertThat(level(email, a, person("a", "b").email("ann@gmail.com").build())).isEqualTo("same local part");
        Comparison geo = Comparisons.geo();
        assertThat(level(geo, a, person("a", "b").geo(35.7805, -78.6405).build())).isEqualTo("within 100 m");
        assertThat(level(geo, a, person("a", "b").geo(36.5, -80.0).build())).isEqualTo("different");
    }
}
