package org.muster.messaging;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.muster.people.ContactCategory;

/**
 * Who may be messaged on a channel, decided per person from the consent ledger, the contact category and the data
 * origin. A WITHDRAWN consent (an objection) always wins. Otherwise GRANTED consent admits anyone; without it, only
 * the {@code withoutConsent} categories (members and regular contacts, whom the campaign may contact on its
 * legitimate interest) are admitted. People whose data came from an {@code excludedOrigins} source are never
 * messaged on this channel (e.g. a voter file whose use for email the law forbids).
 *
 * <p>Text form, stored with each send: {@code without-consent=MEMBER,REGULAR_CONTACT; exclude-origins=a|b}.
 */
public record AudienceRules(Set<ContactCategory> withoutConsent, Set<String> excludedOrigins) {

    /** Why a person is not messaged. */
    public enum Exclusion {
        NO_ADDRESS, UNDELIVERABLE, WITHDRAWN, NO_CONSENT, ORIGIN_EXCLUDED
    }

    /** The campaign's default: explicit consent, or a member or regular contact who has not objected. */
    public static final AudienceRules DEFAULT = new AudienceRules(EnumSet.of(ContactCategory.MEMBER, ContactCategory.REGULAR_CONTACT), Set.of());

    public AudienceRules {
        withoutConsent = withoutConsent.isEmpty() ? EnumSet.noneOf(ContactCategory.class) : EnumSet.copyOf(withoutConsent);
        excludedOrigins = Set.copyOf(excludedOrigins);
    }

    /**
     * @param consentStatus the newest consent entry for the channel (GRANTED, WITHDRAWN, UNKNOWN) or null
     * @return null when the person may be messaged, else why not
     */
    public Exclusion exclusion(ContactCategory category, String consentStatus, String origin) {
        if ("WITHDRAWN".equals(consentStatus)) return Exclusion.WITHDRAWN;
        if (origin != null && excludedOrigins.contains(origin)) return Exclusion.ORIGIN_EXCLUDED;
        if ("GRANTED".equals(consentStatus)) return null;
        return withoutConsent.contains(category) ? null : Exclusion.NO_CONSENT;
    }

    public String format() {
        return "without-consent=" + withoutConsent.stream().map(Enum::name).collect(Collectors.joining(","))
                + "; exclude-origins=" + String.join("|", excludedOrigins.stream().sorted().toList());
    }

    /** Reads the text form; an unknown category or key is an error naming it. */
    public static AudienceRules parse(String text) {
        Set<ContactCategory> categories = EnumSet.noneOf(ContactCategory.class);
        Set<String> origins = new LinkedHashSet<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("audience rules: \"" + part.strip() + "\" is not key=value");
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            switch (key) {
                case "without-consent" -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .forEach(s -> categories.add(category(s)));
                case "exclude-origins" -> Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).forEach(origins::add);
                default -> throw new IllegalArgumentException("audience rules: unknown key \"" + key + "\"");
            }
        }
        return new AudienceRules(categories, origins);
    }

    private static ContactCategory category(String name) {
        try {
            return ContactCategory.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("audience rules: unknown contact category \"" + name + "\" (one of "
                    + Arrays.toString(ContactCategory.values()) + ")");
        }
    }
}
