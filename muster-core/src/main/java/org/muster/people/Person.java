package org.muster.people;

import java.time.LocalDate;

/**
 * One human in a campaign's database: the golden record that identities, registrations and history hang from.
 *
 * @param birthYear    the year of birth, known even where the full date is not (NC publishes only the year)
 * @param supportLevel 1 (strong support) to 5 (strong opposition), null when never identified. Sensitive.
 * @param contactCategory how the person relates to the campaign; drives what contact is lawful (GDPR/CNIL).
 */
public record Person(
        long id,
        long campaignId,
        String firstName,
        String middleName,
        String lastName,
        String suffix,
        LocalDate birthDate,
        Integer birthYear,
        String gender,
        String party,
        Integer supportLevel,
        Long householdId,
        ContactCategory contactCategory,
        String origin) {

    public String displayName() {
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {firstName, middleName, lastName, suffix}) {
            if (part != null && !part.isBlank()) {
                if (!name.isEmpty()) name.append(' ');
                name.append(part);
            }
        }
        return name.toString();
    }
}
