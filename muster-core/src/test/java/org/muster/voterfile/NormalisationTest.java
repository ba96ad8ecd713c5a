package org.muster.voterfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalisationTest {

    @Test
    void streetLinesTakeThePublication28Forms() {
        assertThat(UspsAddress.line("123 north main street apartment 4b")).isEqualTo("123 N MAIN ST APT 4B");
        assertThat(UspsAddress.line("  4106  Highland Avenue, Suite 200 ")).isEqualTo("4106 HIGHLAND AVE STE 200");
        assertThat(UspsAddress.line("77 Oak Boulevard Southwest")).isEqualTo("77 OAK BLVD SW");
        assertThat(UspsAddress.line("9 Elm Court #12")).isEqualTo("9 ELM CT # 12");
        assertThat(UspsAddress.line("500 Lakeshore Pkwy Building C")).isEqualTo("500 LAKESHORE PKWY BLDG C");
    }

    @Test
    void streetNamesThatLookLikeSuffixesOrDirectionalsAreKept() {
        assertThat(UspsAddress.line("12 North Street")).isEqualTo("12 NORTH ST");
        assertThat(UspsAddress.line("12 Park Avenue")).isEqualTo("12 PARK AVE");
        assertThat(UspsAddress.line("4 Avenue Road")).isEqualTo("4 AVENUE RD");
        assertThat(UspsAddress.line("4106 HIGHLAND DR")).isEqualTo("4106 HIGHLAND DR");
        assertThat(UspsAddress.line(" ")).isNull();
    }

    @Test
    void zipCodesAreFiveOrZipPlusFour() {
        assertThat(UspsAddress.zip("27601")).isEqualTo("27601");
        assertThat(UspsAddress.zip("276011234")).isEqualTo("27601-1234");
        assertThat(UspsAddress.zip("27601-1234")).isEqualTo("27601-1234");
        assertThat(UspsAddress.zip("2760")).isNull();
        assertThat(UspsAddress.zip("2760A")).isNull();
    }

    @Test
    void phonesAreValidatedAgainstTheNumberingPlan() {
        assertThat(Phones.e164("919.555.0101", "US")).isEqualTo("+19195550101");
        assertThat(Phones.e164("+44 20 7946 0958", "US")).isEqualTo("+442079460958");
        // Area code 123 does not exist: digit counting alone would have accepted it.
        assertThat(Phones.e164("(123) 456-7890", "US")).isNull();
        assertThat(Phones.e164("call me", "US")).isNull();
    }

    @Test
    void namesSuffixesAndMiddleInitials() {
        assertThat(NameCase.suffix("JR.")).isEqualTo("Jr");
        assertThat(NameCase.suffix("3RD")).isEqualTo("III");
        assertThat(NameCase.suffix("iv")).isEqualTo("IV");
        assertThat(NameCase.middle("J.")).isEqualTo("J");
        assertThat(NameCase.middle("MARY-KATE")).isEqualTo("Mary-Kate");
    }

    @Test
    void removalReasonsBecomeFlags() {
        assertThat(NcVoterMapper.flags("RD")).containsExactly("state: deceased");
        assertThat(NcVoterMapper.flags("R2")).containsExactly("state: duplicate registration");
        assertThat(NcVoterMapper.flags("RS")).containsExactly("state: moved out of state");
        assertThat(NcVoterMapper.flags("AV")).isEmpty();
        assertThat(NcVoterMapper.flags(null)).isEmpty();
    }
}
