package org.muster.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.store.Database;
import org.muster.store.JooqSmsStore;
import org.muster.store.TestDatabases;

/** A test text goes to one phone through the real SMPP peer, once per text, from each text's sender, and leaves no job behind. */
class SmsTestSendTest {

    private static final Map<String, String> TESTER = Map.of("first_name", "Olive", "last_name", "Organiser");

    @Test
    void eachTextReachesThePhoneOnceRenderedWithTheTestersNameAndNoJobIsMade() throws Exception {
        try (Database db = TestDatabases.sqlite(); SmppTestPeer peer = new SmppTestPeer()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            JooqSmsStore store = new JooqSmsStore(db);
            try (SmsService sms = new SmsService(store, new SmppGateway(peer.settings(5)), campaign, TimeZones.forCampaignState("NC"), "",
                    new TestClock(Instant.parse("2026-11-26T15:00:00Z")))) {
                List<String> results = sms.testSend("+19195550123", List.of(SmsJob.Text.of("A: Hi {{first_name}}"),
                        new SmsJob.Text("B: Hi {{first_name|friend}} {{last_name}}", "AdaCouncil", null)), TESTER);

                assertThat(results).hasSize(2);
                assertThat(results.get(0)).startsWith("text A: sent, gateway id ");
                assertThat(results.get(1)).startsWith("text B: sent, gateway id ");
                Await.until("both test texts arrive", () -> peer.received().size() == 2);
                assertThat(peer.received()).extracting(SmppTestPeer.Received::to).containsOnly("+19195550123");
                assertThat(peer.received()).extracting(SmppTestPeer.Received::text)
                        .containsExactlyInAnyOrder("A: Hi Olive", "B: Hi Olive Organiser");
                assertThat(peer.received()).filteredOn(r -> r.text().startsWith("B:")).extracting(SmppTestPeer.Received::from)
                        .containsExactly("AdaCouncil");
                assertThat(store.jobs(campaign)).as("a test is not a job").isEmpty();
            }
        }
    }

    @Test
    void withoutAGatewayTheTestSaysSo() throws Exception {
        try (Database db = TestDatabases.sqlite()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            try (SmsService sms = new SmsService(new JooqSmsStore(db), null, campaign, TimeZones.forCampaignState("NC"), "",
                    new TestClock(Instant.parse("2026-11-26T15:00:00Z")))) {
                assertThatThrownBy(() -> sms.testSend("+19195550123", List.of(SmsJob.Text.of("Hi")), TESTER))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no SMS gateway is configured");
            }
        }
    }
}
