package org.muster.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.messaging.Metric;
import org.muster.messaging.email.LinkSigner;
import org.muster.people.ContactCategory;
import org.muster.segment.SegmentParser;
import org.muster.store.Database;
import org.muster.store.JooqSmsStore;
import org.muster.store.SegmentSql;
import org.muster.store.TestDatabases;

/**
 * What an SMPP peer receives from a job that states the data origin and tracks its links, on SQLite and PostgreSQL;
 * following a link records one click per row (the click metric, the timeline, {@code clicked(Nd)}); tokens that are
 * not ours lead nowhere; and the jobs that cannot measure clicks are refused before anything is stored.
 */
class SmsTrackedLinksTest {

    private static final Instant MORNING_EAST = Instant.parse("2026-11-26T15:00:00Z");
    private static final Pattern TRACKED = Pattern.compile("https://muster\\.example/s/([A-Za-z0-9_-]+)");
    private static final String BODY = "Hi {{first_name}}, find your polling place: https://vote.example/nc?src=sms.";

    static java.util.stream.Stream<org.junit.jupiter.api.Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void textsCarryTheirOriginAndTrackedLinksAndAClickIsRecordedOnce(Supplier<Database> database) throws Exception {
        try (Database db = database.get(); SmppTestPeer peer = new SmppTestPeer()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            List<Long> ids = db.people().insert(campaign, List.of(
                    SmsFixtures.person("Ann", "+19195550001", ContactCategory.MEMBER, "NC voter file"),
                    SmsFixtures.person("Ben", "+19195550002", ContactCategory.MEMBER, null)));
            for (long id : ids) SmsFixtures.consent(db, id, "GRANTED", 1);
            TestClock clock = new TestClock(MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            SmsLinks links = new SmsLinks(new LinkSigner("key".getBytes(StandardCharsets.UTF_8), "https://muster.example"));
            SmppGateway gateway = new SmppGateway(peer.settings(5));
            try (SmsService sms = new SmsService(store, gateway, links, campaign, TimeZones.forCampaignState("NC"), "Unsubscribed.", clock)) {
                SmsJob.Options options = new SmsJob.Options(true, true);
                SmsJob job = sms.create("Polls", "tag(sms-list)", SmsFixtures.audience(db, campaign, MORNING_EAST), SmsJob.Text.of(BODY),
                        SendHours.DEFAULT, SmsJob.CONSENT_REQUIRED, options, null).job();
                assertThat(store.job(campaign, job.id()).orElseThrow().options()).isEqualTo(options);
                assertThat(new SmsJobRunner(store, gateway, links, clock).runDue(job).finished()).isTrue();

                String ann = textTo(peer, "+19195550001");
                String ben = textTo(peer, "+19195550002");
                assertThat(ann).matches("Hi Ann, find your polling place: https://muster\\.example/s/[A-Za-z0-9_-]+\\.\n"
                        + "Your details came to us from: NC voter file\\.");
                assertThat(ben).as("no origin is known for Ben, so no line").matches("Hi Ben, find your polling place: https://muster\\.example/s/[A-Za-z0-9_-]+\\.");
                assertThat(ann + ben).doesNotContain("vote.example");
                assertThat(SmsText.of(ann).encoding()).as("a tracked link stays in the GSM alphabet").isEqualTo(SmsText.Encoding.GSM7);

                String annToken = token(ann);
                assertThat(sms.click(annToken)).contains("https://vote.example/nc?src=sms");
                clock.advance(Duration.ofMinutes(5));
                assertThat(sms.click(annToken)).as("a second click still leads there").contains("https://vote.example/nc?src=sms");
                assertThat(store.progress(job.id(), clock.millis()).clicked()).isEqualTo(1);
                assertThat(db.people().profile(campaign, ids.get(0)).orElseThrow().timeline())
                        .filteredOn(a -> a.type().equals(SmsLinks.CLICK_ACTIVITY)).singleElement()
                        .satisfies(a -> assertThat(a.summary()).contains("https://vote.example/nc?src=sms"));
                assertThat(db.people().profile(campaign, ids.get(1)).orElseThrow().timeline()).noneMatch(a -> a.type().equals(SmsLinks.CLICK_ACTIVITY));
                long[] clicked = new SegmentSql(db, campaign).ids(SegmentParser.parse("clicked(1d)"), clock.instant());
                assertThat(clicked).containsExactly(ids.get(0));

                char last = annToken.charAt(annToken.length() - 1);
                assertThat(sms.click(annToken.substring(0, annToken.length() - 1) + (last == 'x' ? 'y' : 'x'))).as("a changed token").isEmpty();
                assertThat(sms.click(token(links.track(job.id() + 1000, "https://vote.example")))).as("a row that does not exist").isEmpty();
                List<String> forBen = tokens(links.track(rowOf(store, job, ids.get(1)), "a https://elsewhere.example b https://x.example"));
                assertThat(sms.click(forBen.get(0))).as("a valid token leads where the row's own text pointed, whatever it was made from")
                        .contains("https://vote.example/nc?src=sms");
                assertThat(sms.click(forBen.get(1))).as("Ben's text has no second link").isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void clicksOnlyCountWhereTheyCanBeMeasured(Supplier<Database> database) {
        try (Database db = database.get()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            SmsFixtures.consentingCrowd(db, campaign, 10);
            long[] audience = SmsFixtures.audience(db, campaign, MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            SmsLinks links = new SmsLinks(new LinkSigner("key".getBytes(StandardCharsets.UTF_8), "https://muster.example"));
            TestClock clock = new TestClock(MORNING_EAST);
            SmsJob.Test onClicks = SmsJob.Test.ofTexts(List.of(SmsJob.Text.of("A https://a.example"), SmsJob.Text.of("B https://b.example")),
                    0.5, 1, Duration.ofHours(2), Metric.CLICK);
            try (SmsService withLinks = new SmsService(store, null, links, campaign, TimeZones.forCampaignState("NC"), "", clock);
                 SmsService withoutLinks = new SmsService(store, null, campaign, TimeZones.forCampaignState("NC"), "", clock)) {
                assertThatThrownBy(() -> withLinks.create("x", "f", audience, onClicks, SendHours.DEFAULT, SmsJob.CONSENT_REQUIRED,
                        new SmsJob.Options(false, false), null)).hasMessage("metric: a test on clicks needs its links tracked");
                SmsJob.Test linkless = SmsJob.Test.ofTexts(List.of(SmsJob.Text.of("A https://a.example"), SmsJob.Text.of("B, no link")),
                        0.5, 1, Duration.ofHours(2), Metric.CLICK);
                assertThatThrownBy(() -> withLinks.create("x", "f", audience, linkless, SendHours.DEFAULT, SmsJob.CONSENT_REQUIRED,
                        new SmsJob.Options(false, true), null)).hasMessage("metric: text B has no link to click (http:// or https://)");
                assertThatThrownBy(() -> withoutLinks.create("x", "f", audience, SmsJob.Text.of("https://a.example"), SendHours.DEFAULT,
                        SmsJob.CONSENT_REQUIRED, new SmsJob.Options(false, true), null)).hasMessageStartingWith("track links: the server has no public URL");
                assertThatThrownBy(() -> SmsJob.Test.ofTexts(onClicks.variants(), 0.5, 1, Duration.ofHours(2), Metric.OPEN))
                        .hasMessageContaining("a text has no open to track");
                assertThat(store.jobs(campaign)).as("nothing stored").isEmpty();
                assertThat(withLinks.create("x", "f", audience, onClicks, SendHours.DEFAULT, SmsJob.CONSENT_REQUIRED,
                        new SmsJob.Options(false, true), null).job().test().metric()).isEqualTo(Metric.CLICK);
            }
        }
    }

    private static String textTo(SmppTestPeer peer, String phone) {
        return peer.received().stream().filter(r -> r.to().equals(phone)).map(SmppTestPeer.Received::text).findFirst().orElseThrow();
    }

    private static String token(String text) {
        return tokens(text).getFirst();
    }

    private static List<String> tokens(String text) {
        List<String> tokens = TRACKED.matcher(text).results().map(r -> r.group(1)).toList();
        assertThat(tokens).as(text).isNotEmpty();
        return tokens;
    }

    private static long rowOf(JooqSmsStore store, SmsJob job, long personId) {
        return store.recipients(job.id(), null, 10).stream().filter(r -> r.personId() == personId).findFirst().orElseThrow().id();
    }
}
