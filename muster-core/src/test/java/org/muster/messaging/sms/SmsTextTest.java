package org.muster.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void gsmAlphabetHasOneCharacterPerSeptet() {
        assertThat(SmsText.GSM_BASIC.codePointCount(0, SmsText.GSM_BASIC.length())).isEqualTo(128);
    }

    @Test
    void countsGsmSegmentsWithExtensionCharactersTakingTwoSeptets() {
        assertThat(SmsText.of("Hello Ada")).isEqualTo(new SmsText(SmsText.Encoding.GSM7, 9, 1));
        assertThat(SmsText.of("x".repeat(160)).segments()).isEqualTo(1);
        assertThat(SmsText.of("x".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsText.of("x".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsText.of("x".repeat(307)).segments()).isEqualTo(3);
        assertThat(SmsText.of("€5 [ok]")).isEqualTo(new SmsText(SmsText.Encoding.GSM7, 10, 1));
        // 152 plain + one escape pair: the pair does not fit in part one and opens part two
        assertThat(SmsText.of("x".repeat(152) + "€" + "x".repeat(10)).segments()).isEqualTo(2);
    }

    @Test
    void anyCharacterOutsideGsmMakesTheWholeTextUcs2() {
        assertThat(SmsText.of("Vote 🗳 today")).isEqualTo(new SmsText(SmsText.Encoding.UCS2, 13, 1));
        assertThat(SmsText.of("ç".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsText.of("ç".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsText.of("Ç".repeat(71)).segments()).isEqualTo(1);
    }

    @Test
    void encodesAndDecodesBothAlphabets() {
        String gsm = "Hi Ada! €10 {ok} @home Ñ";
        assertThat(SmsText.decode(SmsText.encode(gsm, SmsText.Encoding.GSM7), (byte) 0)).isEqualTo(gsm);
        String ucs = "Hi Ada 🗳";
        assertThat(SmsText.decode(SmsText.encode(ucs, SmsText.Encoding.UCS2), (byte) 8)).isEqualTo(ucs);
        assertThatThrownBy(() -> SmsText.encode("🗳", SmsText.Encoding.GSM7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recognisesOptOutRepliesByTheirFirstWord() {
        for (String stop : new String[] {"STOP", "stop", "  Stop  ", "stop please", "Stop!", "STOPALL", "unsubscribe", "Cancel",
                "end", "QUIT", "arret", "Arrêt", "ARRÊT merci"}) {
            assertThat(StopWords.isOptOut(stop)).as(stop).isTrue();
        }
        for (String other : new String[] {"don't stop", "stopping", "Who is this?", "", "ending soon", "yes"}) {
            assertThat(StopWords.isOptOut(other)).as(other).isFalse();
        }
    }

    @Test
    void personalisesWithFallbacksAndRejectsUnknownPlaceholders() {
        SmsTemplate t = new SmsTemplate("Hi {{first_name|friend}}, vote {{ last_name }}!");
        assertThat(t.render(java.util.Map.of("first_name", "Ada", "last_name", "Lovelace"))).isEqualTo("Hi Ada, vote Lovelace!");
        assertThat(t.render(java.util.Map.of("first_name", "", "last_name", "$1"))).isEqualTo("Hi friend, vote $1!");
        assertThatThrownBy(() -> new SmsTemplate("Hi {{nickname}}")).hasMessageContaining("{{nickname}}");
        assertThatThrownBy(() -> new SmsTemplate(" ")).hasMessageContaining("message");
    }

    @Test
    void sendingHoursDeferToTheNextLocalOpening() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        SendHours hours = SendHours.DEFAULT;
        Instant sevenAmLa = Instant.parse("2026-11-26T15:00:00Z");
        assertThat(hours.allows(sevenAmLa, la)).isFalse();
        assertThat(hours.allows(sevenAmLa, ZoneId.of("America/New_York"))).isTrue();
        assertThat(hours.nextOpening(sevenAmLa, la)).isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));
        Instant tenPmLa = Instant.parse("2026-11-27T06:00:00Z");
        assertThat(hours.nextOpening(tenPmLa, la)).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
        SendHours overnight = new SendHours(LocalTime.of(22, 0), LocalTime.of(2, 0));
        assertThat(overnight.allows(tenPmLa, la)).isTrue();
        assertThatThrownBy(() -> SendHours.parse("MUSTER_SMS_HOURS", "9-5")).hasMessageContaining("MUSTER_SMS_HOURS");
        assertThat(SendHours.parse("hours", "08:30-20:00")).isEqualTo(new SendHours(LocalTime.of(8, 30), LocalTime.of(20, 0)));
    }

    @Test
    void derivesUsTimeZonesFromStateAndZip() {
        TimeZones zones = TimeZones.forCampaignState("NC");
        assertThat(zones.zoneOf("CA", "90210")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(zones.zoneOf("FL", "32501")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(zones.zoneOf("FL", "33101")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(zones.zoneOf("TN", "37902")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(zones.zoneOf("TN", "37203")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(zones.zoneOf(null, "98101")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(zones.zoneOf("TX", "79901")).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(zones.zoneOf(null, null)).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(zones.zoneOf("AZ", "85001")).isEqualTo(ZoneId.of("America/Phoenix"));
    }

    @Test
    void onlyMobileCapableNumbersAreTextable() {
        assertThat(SmsAudience.isTextable("+19195551234")).isTrue();
        assertThat(SmsAudience.isTextable("+447911123456")).isTrue();
        assertThat(SmsAudience.isTextable("+18005551234")).isFalse();
        assertThat(SmsAudience.isTextable("+442079460000")).isFalse();
        assertThat(SmsAudience.isTextable("9195551234")).isFalse();
    }
}
