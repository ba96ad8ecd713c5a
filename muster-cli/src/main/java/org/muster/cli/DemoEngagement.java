package org.muster.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.muster.donation.DonationStore;
import org.muster.event.AttendanceStatus;
import org.muster.event.EventStore;
import org.muster.segment.SegmentParser;
import org.muster.store.Database;
import org.muster.store.JooqDemoFacts;
import org.muster.store.JooqDonationStore;
import org.muster.store.JooqEventStore;
import org.muster.store.SegmentSql;

/**
 * What a campaign some months in has beyond the voter file, for the demo's segments to find: gifts (donors give
 * several times, a few others once), events with registrations, attendance and no-shows (volunteers and donors
 * come more), turnout and persuasion scores, and email opens, clicks and SMS replies. People are chosen with
 * segments; amounts, dates and statuses come from the seed, so the same demo comes out the same.
 */
final class DemoEngagement {

    private static final long[] GIFTS_CENTS = {500, 1_000, 2_500, 2_500, 5_000, 5_000, 10_000, 25_000, 100_000};
    private static final String[][] EVENTS = {{"Campaign kickoff", "240"}, {"Town hall: schools", "150"}, {"Phone bank night", "75"},
            {"Canvass launch", "40"}, {"Town hall: jobs", "20"}, {"Rally downtown", "6"}};

    private DemoEngagement() {
    }

    static void load(Database db, long campaignId, long seed) {
        SegmentSql sql = new SegmentSql(db, campaignId);
        Instant now = Instant.now();
        SplittableRandom random = new SplittableRandom(seed * 31 + 5);

        List<DonationStore.NewDonation> gifts = new ArrayList<>();
        long[] donors = ids(sql, "tag(donor)", now);
        for (long id : ids(sql, "tag(donor) or split(" + seed + ", 0%, 2%)", now)) {
            for (int n = java.util.Arrays.binarySearch(donors, id) >= 0 ? 1 + random.nextInt(4) : 1; n > 0; n--) {
                gifts.add(new DonationStore.NewDonation(id, GIFTS_CENTS[random.nextInt(GIFTS_CENTS.length)], "USD",
                        now.minus(random.nextInt(540), ChronoUnit.DAYS).minus(random.nextInt(86_400), ChronoUnit.SECONDS), "demo", null));
            }
        }
        new JooqDonationStore(db).recordAll(gifts);

        EventStore events = new JooqEventStore(db);
        long[] keen = ids(sql, "tag(volunteer) or tag(donor)", now);
        long[] others = ids(sql, "split(" + (seed + 1) + ", 0%, 4%)", now);
        for (String[] e : EVENTS) {
            long event = events.create(campaignId, e[0], now.minus(Long.parseLong(e[1]), ChronoUnit.DAYS), "Raleigh").id();
            Map<Long, AttendanceStatus> statuses = new LinkedHashMap<>();
            for (long id : keen) {
                if (random.nextInt(3) == 0) statuses.put(id, status(random));
            }
            for (long id : others) {
                if (random.nextInt(6) == 0) statuses.putIfAbsent(id, status(random));
            }
            events.addAttendance(event, statuses);
        }

        JooqDemoFacts facts = new JooqDemoFacts(db);
        List<JooqDemoFacts.ScoreRow> scores = new ArrayList<>();
        for (int voted = 0; voted <= 4; voted++) {
            for (long id : ids(sql, "votes(last 4) = " + voted, now)) {
                double turnout = Math.max(0, Math.min(1, voted / 4.0 * 0.8 + 0.1 + random.nextGaussian() * 0.08));
                scores.add(new JooqDemoFacts.ScoreRow(id, "turnout", Math.round(turnout * 100) / 100.0));
                scores.add(new JooqDemoFacts.ScoreRow(id, "persuasion", random.nextInt(101) / 100.0));
            }
        }
        facts.scores(scores, now.toEpochMilli());

        List<JooqDemoFacts.ActivityRow> engagement = new ArrayList<>();
        for (long id : ids(sql, "split(" + (seed + 2) + ", 0%, 12%)", now)) {
            long at = now.toEpochMilli() - random.nextLong(75L * 86_400_000L);
            engagement.add(new JooqDemoFacts.ActivityRow(id, at, "email.open", "Opened \"Meet Alex Rivera\""));
            if (random.nextInt(3) == 0) engagement.add(new JooqDemoFacts.ActivityRow(id, at + 60_000, "email.click", "Clicked \"Volunteer\""));
        }
        for (long id : ids(sql, "split(" + (seed + 3) + ", 0%, 3%)", now)) {
            engagement.add(new JooqDemoFacts.ActivityRow(id, now.toEpochMilli() - random.nextLong(45L * 86_400_000L), "sms.reply", "Replied YES"));
        }
        facts.activities(engagement, "demo");
    }

    private static AttendanceStatus status(SplittableRandom random) {
        int r = random.nextInt(10);
        return r < 6 ? AttendanceStatus.ATTENDED : r < 8 ? AttendanceStatus.REGISTERED : AttendanceStatus.NO_SHOW;
    }

    private static long[] ids(SegmentSql sql, String filter, Instant now) {
        return sql.ids(SegmentParser.parse(filter), now);
    }
}
