package org.muster.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeysTest {

    @Test
    void namesLoseAccentsPunctuationAndSpaces() {
        assertThat(SearchKeys.name("José O'Brien-Smith")).isEqualTo("joseobriensmith");
        assertThat(SearchKeys.name("ÅNGSTRÖM Ⅳ")).isEqualTo("angstromiv");
        assertThat(SearchKeys.name(null)).isEmpty();
        assertThat(SearchKeys.name("MC ALLISTER-JONES JR.")).as("a state file's upper-case ASCII")
                .isEqualTo("mcallisterjonesjr");
    }

    @Test
    void addressesKeepSingleSpacesBetweenWords() {
        assertThat(SearchKeys.address("  12 Oak St.,  Apt #4 ")).isEqualTo("12 oak st apt 4");
        assertThat(SearchKeys.address("1 Rúe Façade")).isEqualTo("1 rue facade");
        assertThat(SearchKeys.address("...")).isEmpty();
        assertThat(SearchKeys.address("2901 PARK ST APT 4B")).isEqualTo("2901 park st apt 4b");
    }

    @Test
    void phonesAreDigitsWithTheNorthAmericanCode() {
        assertThat(SearchKeys.phone("(919) 555-0101")).isEqualTo("19195550101");
        assertThat(SearchKeys.phone("+44 20 7946 0958")).isEqualTo("442079460958");
    }
}
