package org.muster.messaging.sms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.segment.SegmentParser;
import org.muster.store.Database;
import org.muster.store.SegmentSql;

/** People with phones, addresses, tags and sms consent for SMS tests; the audience is resolved by the SQL segment executor. */
public final class SmsFixtures {

    public static final String LIST_TAG = "sms-list";

    private SmsFixtures() {
    }

    public static NewPerson person(String first, String phone, String state, String zip, boolean onList) {
        return person(first, phone, state, zip, onList, ContactCategory.MEMBER, "test");
    }

    /** A North Carolina person on the list, of a contact category and data origin. */
    public static NewPerson person(String first, String phone, ContactCategory category, String origin) {
        return person(first, phone, "NC", "27601", true, category, origin);
    }

    private static NewPerson person(String first, String phone, String state, String zip, boolean onList, ContactCategory category, String origin) {
        return new NewPerson(first, null, "Tester", null, null, 1980, null, null, null, category, origin, null,
                List.of(), phone == null ? List.of() : List.of(phone),
                List.of(new PostalAddress("home", "1 Main St", null, "Town", state, zip, "US", null, null)),
                List.of(), List.of(), onList ? List.of(LIST_TAG) : List.of());
    }

    public static void consent(Database db, long personId, String status, long at) {
        db.dsl().execute("insert into consent (person_id, channel, status, source, recorded_at) values (?, 'sms', ?, 'form', ?)",
                personId, status, at);
    }

    /** The segment's people, as the SMS page resolves them. */
    public static long[] audience(Database db, long campaignId, Instant now) {
        return new SegmentSql(db, campaignId).ids(SegmentParser.parse("tag(" + LIST_TAG + ")"), now);
    }

    /** {@code count} (up to a million) people on the list with consent and distinct NC mobile numbers. */
    public static List<Long> consentingCrowd(Database db, long campaignId, int count) {
        List<NewPerson> people = new ArrayList<>();
        for (int i = 0; i < count; i++) people.add(person("P" + i, phone(i), "NC", "27601", true));
        List<Long> ids = db.people().insert(campaignId, people);
        db.dsl().transaction(cfg -> {
            for (long id : ids) {
                cfg.dsl().execute("insert into consent (person_id, channel, status, source, recorded_at) values (?, 'sms', 'GRANTED', 'form', 1)", id);
            }
        });
        return ids;
    }

    public static String phone(int i) {
        return "+1919" + (2_000_000 + i);
    }
}
