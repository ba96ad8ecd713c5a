package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreetWordsTest {

    private static MatchRecord at(String address, String zip) {
        return MatchRecord.builder("x").first("a").address(address).zip(zip).build();
    }

    private static String residence(MatchRecord a, MatchRecord b) {
        Comparison c = Comparisons.residence();
        return c.label(c.level(a, b));
    }

    @Test
    void theHouseNumberAndNameWordsLeaveOutStreetTypesDirectionsAndUnits() {
        MatchRecord r = at("363 North Banks Street Apt 4 Manresa", "4570");
        assertThat(r.streetNumber).isEqualTo("363");
        assertThat(r.streetNames).containsExactly("banks", "manresa");
        assertThat(at("Banks Ave", null).streetNumber).isNull();
    }

    @Test
    void aSecondAddressLineOrATypoKeepsTheStreetSimilar() {
        // whole strings too different for Jaro-Winkler: a second line on one side, a typo in the street type
        assertThat(residence(at("363 Banks Street Manresa Hall", "4570"), at("363 banks xtreet", "4579")))
                .isEqualTo("similar street, zip or city nearly the same");
        assertThat(residence(at("53 Tytherleight Street", "7900"), at("Tytherleigh St", "7900")))
                .isEqualTo("similar street, same zip");
        // words run together still meet when one typo apart
        assertThat(residence(at("12 Ballumbirstreet", "3198"), at("12 ballumbirxtreet", "3189")))
                .isEqualTo("similar street, zip or city nearly the same");
    }

    @Test
    void differentHouseNumbersOrOnlyAStreetTypeInCommonAreNotTheSameStreet() {
        assertThat(residence(at("12 Oak Street", "27601"), at("14 Oak Street Unit 9", "28801"))).isEqualTo("different");
        assertThat(residence(at("12 Oak Street North", "27601"), at("12 Elm Street North", "28801")))
                .isEqualTo("different");
        assertThat(residence(at("12 Oak Street", "27601"), at("12 Oak St", "28801")))
                .isEqualTo("same street, zip and city differ");
    }

    @Test
    void emptyUnicodeAndHugeAddressesAreHandled() {
        assertThat(at("", null).streetNames).isEmpty();
        assertThat(at("   ", "1").streetNumber).isNull();
        MatchRecord cyrillic = at("12 Улица Ленина", "101000");
        assertThat(cyrillic.streetNames).contains("ленина");
        assertThat(residence(cyrillic, at("12 улица ленинa", "101001"))).startsWith("similar street");
        String huge = "12 " + "oakwood ".repeat(200_000);
        MatchRecord big = at(huge, "27601");
        assertThat(big.streetNames.length).isLessThanOrEqualTo(Normalize.MAX_LENGTH);
        assertThat(residence(big, at("12 Oakwood Road", "27601"))).isEqualTo("similar street, same zip");
    }
}
