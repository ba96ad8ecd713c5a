package org.muster.store;

import static org.muster.store.Tables.ConsentTable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.muster.messaging.Audience;
import org.muster.messaging.AudienceRules;
import org.muster.messaging.Channel;
import org.muster.messaging.MessagingStore;
import org.muster.messaging.Metric;
import org.muster.messaging.Variant;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.segment.SegmentResolver;

/** People with email, consent, contact categories and data origins for messaging tests; sends to them. */
public final class MessagingFixtures {

    private MessagingFixtures() {
    }

    /** What one generated person is, and whether the default rules admit them. */
    public record Planted(long id, String email, boolean eligible) {
    }

    /**
     * {@code n} people with kinds in rotation: prospect with consent GRANTED (eligible), member without consent
     * (eligible), prospect without consent (not), member who WITHDREW (not), regular contact with no email (not),
     * occasional contact with consent GRANTED (eligible).
     */
    public static List<Planted> people(Database db, long campaign, int n) {
        List<NewPerson> people = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = i % 6;
            ContactCategory category = switch (kind) {
                case 1, 3 -> ContactCategory.MEMBER;
                case 4 -> ContactCategory.REGULAR_CONTACT;
                case 5 -> ContactCategory.OCCASIONAL_CONTACT;
                default -> ContactCategory.PROSPECT;
            };
            people.add(person("First" + i, "Last" + i, category, kind == 4 ? null : "p" + i + "@example.org", i % 2 == 0 ? "sign-up form" : "NC voter file"));
        }
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < n; from += 2_000) ids.addAll(db.people().insert(campaign, people.subList(from, Math.min(n, from + 2_000))));
        List<Planted> out = new ArrayList<>(n);
        var batch = new ArrayList<Object[]>();
        for (int i = 0; i < n; i++) {
            int kind = i % 6;
            if (kind == 0 || kind == 5) batch.add(new Object[] {ids.get(i), "GRANTED"});
            if (kind == 3) batch.add(new Object[] {ids.get(i), "WITHDRAWN"});
            out.add(new Planted(ids.get(i), kind == 4 ? null : "p" + i + "@example.org", kind == 0 || kind == 1 || kind == 5));
        }
        db.dsl().transaction(cfg -> {
            Batch consent = new Batch(cfg.dsl(), ConsentTable.T, ConsentTable.PERSON_ID, ConsentTable.CHANNEL, ConsentTable.STATUS,
                    ConsentTable.SOURCE, ConsentTable.RECORDED_AT);
            for (Object[] c : batch) consent.add(c[0], "email", c[1], "test", 1_000L);
            consent.execute();
        });
        return out;
    }

    public static NewPerson person(String first, String last, ContactCategory category, String email, String origin) {
        return new NewPerson(first, null, last, null, null, null, null, null, null, category, origin, null,
                email == null ? List.of() : List.of(email), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static void consent(Database db, long person, String status) {
        db.dsl().insertInto(ConsentTable.T, ConsentTable.PERSON_ID, ConsentTable.CHANNEL, ConsentTable.STATUS, ConsentTable.SOURCE,
                ConsentTable.RECORDED_AT).values(person, "email", status, "test", System.currentTimeMillis()).execute();
    }

    public static Audience audience(Database db, long campaign) {
        return Audience.of(new SegmentSql(db, campaign), new SegmentResolver(name -> java.util.Optional.empty()));
    }

    public static Variant variant(String label, String subject) {
        return new Variant(0, label, "Campaign <news@example.org>", subject,
                "<p>Hello {{first_name|friend}},</p><p>Read <a href=\"https://example.org/plan?a=1&amp;b=2\">our plan</a>.</p>", null, null);
    }

    public static MessagingStore.SendDefinition definition(String filter, List<Variant> variants, double testFraction) {
        return new MessagingStore.SendDefinition("Test send", Channel.EMAIL, filter, AudienceRules.DEFAULT, true, testFraction,
                Metric.OPEN, 42, Duration.ofHours(24), variants);
    }
}
