package org.muster.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.messaging.AudienceRules;
import org.muster.people.ContactCategory;
import org.muster.store.Database;
import org.muster.store.JooqSmsStore;
import org.muster.store.TestDatabases;

/**
 * SMS decides who is texted through the shared {@link AudienceRules}, end to end against a real SMPP peer, on SQLite
 * and PostgreSQL: consent in every contact category, data-origin exclusions and objections, at planning and again
 * at the commit point; household dedupe and opt-outs still work.
 */
class SmsAudienceRulesTest {

    /** 10:00 in North Carolina. */
    private static final Instant MORNING_EAST = Instant.parse("2026-11-26T15:00:00Z");
    private static final String BOUGHT = "bought-list-2024";

    static java.util.stream.Stream<org.junit.jupiter.api.Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void excludedOriginsAndObjectorsGetNothingWhileTheRestAreTexted(Supplier<Database> database) throws Exception {
        try (Database db = database.get(); SmppTestPeer peer = new SmppTestPeer()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            List<String> names = List.of("Ann", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal", "Ivy");
            List<Long> ids = db.people().insert(campaign, List.of(
                    SmsFixtures.person("Ann", "+19195550001", ContactCategory.PROSPECT, "web-form"),        // consent: texted
                    SmsFixtures.person("Ben", "+19195550002", ContactCategory.MEMBER, "web-form"),          // member without sms consent
                    SmsFixtures.person("Cat", "+19195550003", ContactCategory.OCCASIONAL_CONTACT, BOUGHT),  // consent, excluded origin
                    SmsFixtures.person("Dan", "+19195550004", ContactCategory.REGULAR_CONTACT, "web-form"), // consent: texted
                    SmsFixtures.person("Eve", "+19195550005", ContactCategory.MEMBER, "web-form"),          // objected before the job
                    SmsFixtures.person("Fay", "+19195550006", ContactCategory.MEMBER, "web-form"),          // objects after planning
                    SmsFixtures.person("Gus", "+19195550007", ContactCategory.MEMBER, "web-form"),          // origin excluded after planning
                    SmsFixtures.person("Hal", "+19195550008", ContactCategory.MEMBER, BOUGHT),              // household phone, excluded origin
                    SmsFixtures.person("Ivy", "+19195550008", ContactCategory.MEMBER, "web-form")));        // same phone: texted
            Map<String, Long> id = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) id.put(names.get(i), ids.get(i));
            for (String name : names) if (!name.equals("Ben")) SmsFixtures.consent(db, id.get(name), "GRANTED", 1);
            SmsFixtures.consent(db, id.get("Eve"), "WITHDRAWN", 2);

            TestClock clock = new TestClock(MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            SmppGateway gateway = new SmppGateway(peer.settings(5));
            try (SmsService sms = new SmsService(store, gateway, campaign, TimeZones.forCampaignState("NC"), "Unsubscribed.", clock)) {
                AudienceRules rules = SmsJob.rulesExcluding(Set.of(BOUGHT));
                SmsService.Created created = sms.create("Rules", "tag(sms-list)", SmsFixtures.audience(db, campaign, MORNING_EAST),
                        SmsJob.Text.of("Hi {{first_name}}"), SendHours.DEFAULT, rules, SmsJob.Options.NONE, null);
                assertThat(created.plan().withoutConsent()).as("Ben (a member, but SMS needs consent) and Eve (objected)").isEqualTo(2);
                assertThat(created.plan().originExcluded()).as("Cat and Hal").isEqualTo(2);
                assertThat(created.plan().count(RecipientStatus.PENDING)).as("Ann, Dan, Fay, Gus, Ivy").isEqualTo(5);
                assertThat(created.plan().count(RecipientStatus.COVERED)).as("Hal's exclusion leaves Ivy the household phone").isZero();
                assertThat(store.job(campaign, created.job().id()).orElseThrow().rules()).isEqualTo(rules);

                // between planning and sending: Fay objects, Gus's record turns out to come from the bought list
                SmsFixtures.consent(db, id.get("Fay"), "WITHDRAWN", 3);
                db.dsl().execute("update person set origin_id = (select origin_id from person where id = ?) where id = ?", id.get("Cat"), id.get("Gus"));

                SmsJobRunner.Pass pass = new SmsJobRunner(store, gateway, clock).runDue(store.job(campaign, created.job().id()).orElseThrow());
                assertThat(pass.finished()).isTrue();
                assertThat(peer.recipients()).containsExactlyInAnyOrder("+19195550001", "+19195550004", "+19195550008");
                assertThat(peer.received()).filteredOn(r -> r.to().equals("+19195550008")).extracting(SmppTestPeer.Received::text)
                        .containsExactly("Hi Ivy");
                SmsProgress progress = store.progress(created.job().id(), clock.millis());
                assertThat(progress.count(RecipientStatus.OPTED_OUT)).as("Fay, at the commit point").isEqualTo(1);
                assertThat(progress.count(RecipientStatus.EXCLUDED)).as("Gus, at the commit point").isEqualTo(1);
                assertThat(store.recipients(created.job().id(), RecipientStatus.EXCLUDED, 10)).singleElement()
                        .satisfies(r -> assertThat(r.personId()).isEqualTo(id.get("Gus")))
                        .satisfies(r -> assertThat(r.error()).isEqualTo(AudienceRules.Exclusion.ORIGIN_EXCLUDED.name()));
                for (String name : List.of("Ben", "Cat", "Eve", "Fay", "Gus", "Hal")) {
                    assertThat(db.people().profile(campaign, id.get(name)).orElseThrow().timeline()).as(name)
                            .noneMatch(a -> a.type().equals("sms.sent"));
                }
            }
        }
    }
}
