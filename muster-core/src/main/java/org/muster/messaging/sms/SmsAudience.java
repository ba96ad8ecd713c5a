package org.muster.messaging.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muster.messaging.AbTest;
import org.muster.messaging.AudienceRules;

/**
 * Turns a segment's people into a job's recipient rows. Who may be texted is decided by the job's
 * {@link AudienceRules}, as for email: for SMS sms consent GRANTED (newest entry) is required in every contact
 * category, an objection always wins, and people whose data came from an excluded origin are left out. A person
 * must also have a phone that is a valid E.164 number of a mobile-capable type (US numbers cannot be told apart from
 * landlines offline, so FIXED_LINE_OR_MOBILE counts). People sharing a phone form one household phone: the
 * lowest person id gets the message, the others are COVERED by them. A number that opted out gets an OPTED_OUT
 * row. Each message is personalised here, once, so a resend after a crash is the same text; a job that states the
 * data origin gets its last line here too ({@link #render}).
 */
public final class SmsAudience {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<PhoneNumberType> TEXTABLE = Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    /**
     * The rows to write and who was left out, and why: {@code withoutConsent} no sms consent or an objection,
     * {@code originExcluded} data from an excluded origin, {@code withoutMobile} no textable number.
     */
    public record Plan(List<SmsStore.PlannedRecipient> recipients, int withoutConsent, int originExcluded, int withoutMobile) {

        public long count(RecipientStatus status) {
            return recipients.stream().filter(r -> r.status() == status).count();
        }

        /** The first row to be texted, the sample a preview shows; null when nobody would be texted. */
        public SmsStore.PlannedRecipient sample() {
            return recipients.stream().filter(r -> r.status() == RecipientStatus.PENDING).findFirst().orElse(null);
        }
    }

    private SmsAudience() {
    }

    /**
     * @param contacts the segment's people in ascending id order
     * @param text     the job's (first) text: its template and send time
     */
    public static Plan plan(List<SmsStore.Contact> contacts, Set<String> optedOut, SmsJob.Text text, AudienceRules rules,
                            SmsJob.Options options, TimeZones zones) {
        SmsTemplate template = new SmsTemplate(text.body());
        int withoutConsent = 0;
        int originExcluded = 0;
        int withoutMobile = 0;
        List<SmsStore.PlannedRecipient> rows = new ArrayList<>();
        Map<String, Long> senderOfPhone = new HashMap<>();
        for (SmsStore.Contact c : contacts) {
            AudienceRules.Exclusion why = c.exclusion(rules);
            if (why == AudienceRules.Exclusion.ORIGIN_EXCLUDED) {
                originExcluded++;
                continue;
            }
            if (why != null) {
                withoutConsent++;
                continue;
            }
            String phone = c.phones().stream().filter(SmsAudience::isTextable).findFirst().orElse(null);
            if (phone == null) {
                withoutMobile++;
                continue;
            }
            String zone = zones.zoneOf(c.state(), c.zip()).getId();
            String body = render(template, c, options);
            Long sender = senderOfPhone.putIfAbsent(phone, c.personId());
            RecipientStatus status = optedOut.contains(phone) ? RecipientStatus.OPTED_OUT
                    : sender != null ? RecipientStatus.COVERED : RecipientStatus.PENDING;
            rows.add(new SmsStore.PlannedRecipient(c.personId(), phone, zone, body, status,
                    status == RecipientStatus.COVERED ? sender : null, null, false, text.notBefore()));
        }
        return new Plan(List.copyOf(rows), withoutConsent, originExcluded, withoutMobile);
    }

    /**
     * Gives an A/B/n test's variants to the plan's PENDING rows (the people who will be texted), by the shared
     * reproducible split ({@link AbTest#groups}): each test group its variant's text and send time, the rest HELD
     * for the winner.
     */
    public static Plan split(Plan plan, List<SmsStore.Contact> contacts, SmsJob.Test test, SmsJob.Options options) {
        List<SmsTemplate> templates = test.variants().stream().map(t -> new SmsTemplate(t.body())).toList();
        Map<Long, SmsStore.Contact> contactOf = new HashMap<>();
        for (SmsStore.Contact c : contacts) contactOf.put(c.personId(), c);
        long[] texted = plan.recipients().stream().filter(r -> r.status() == RecipientStatus.PENDING)
                .mapToLong(SmsStore.PlannedRecipient::personId).sorted().toArray();
        int[] group = AbTest.groups(texted, templates.size(), test.testFraction(), test.seed());
        List<SmsStore.PlannedRecipient> rows = new ArrayList<>(plan.recipients().size());
        for (SmsStore.PlannedRecipient r : plan.recipients()) {
            if (r.status() != RecipientStatus.PENDING) {
                rows.add(r);
                continue;
            }
            int g = group[Arrays.binarySearch(texted, r.personId())];
            rows.add(g < templates.size()
                    ? r.withVariant(render(templates.get(g), contactOf.get(r.personId()), options), RecipientStatus.PENDING, g, test.holdsBack(),
                            test.variants().get(g).notBefore())
                    : r.withVariant("", RecipientStatus.HELD, null, false, 0));
        }
        return new Plan(List.copyOf(rows), plan.withoutConsent(), plan.originExcluded(), plan.withoutMobile());
    }

    /**
     * A template personalised for one person; under {@link SmsJob.Options#stateOrigin} with a last line naming where
     * their details came from, when that is known.
     */
    public static String render(SmsTemplate template, SmsStore.Contact c, SmsJob.Options options) {
        String text = template.render(Map.of("first_name", nz(c.firstName()), "last_name", nz(c.lastName()), "data_origin", nz(c.origin())));
        return options.stateOrigin() && c.origin() != null && !c.origin().isBlank() ? text + "\n" + originLine(c.origin()) : text;
    }

    /** The line a job that states the data origin adds to a text. */
    public static String originLine(String origin) {
        return "Your details came to us from: " + origin.strip() + ".";
    }

    public static boolean isTextable(String e164) {
        if (e164 == null || !e164.startsWith("+")) return false;
        try {
            var number = PHONES.parse(e164, null);
            return PHONES.isValidNumber(number) && TEXTABLE.contains(PHONES.getNumberType(number));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
