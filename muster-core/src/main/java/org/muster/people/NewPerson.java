package org.muster.people;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything known about a person at the moment they enter the database, written in one transaction
 * by {@link PersonStore#insert}. Lists may be empty, never null. Custom fields: value by the campaign's field name
 * (a field that does not exist yet is created as text); a null value stores nothing.
 */
public record NewPerson(
        String firstName,
        String middleName,
        String lastName,
        String suffix,
        LocalDate birthDate,
        Integer birthYear,
        String gender,
        String party,
        Integer supportLevel,
        ContactCategory contactCategory,
        String origin,
        String householdKey,
        List<String> emails,
        List<String> phones,
        List<PostalAddress> addresses,
        List<Registration> registrations,
        List<VoteRecord> votes,
        List<String> tags,
        Map<String, String> customFields) {

    public NewPerson {
        if (birthDate != null && birthYear == null) birthYear = birthDate.getYear();
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        addresses = List.copyOf(addresses);
        registrations = List.copyOf(registrations);
        votes = List.copyOf(votes);
        tags = List.copyOf(tags);
        customFields = Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    /** A person without custom field values. */
    public NewPerson(String firstName, String middleName, String lastName, String suffix, LocalDate birthDate,
                     Integer birthYear, String gender, String party, Integer supportLevel,
                     ContactCategory contactCategory, String origin, String householdKey, List<String> emails,
                     List<String> phones, List<PostalAddress> addresses, List<Registration> registrations,
                     List<VoteRecord> votes, List<String> tags) {
        this(firstName, middleName, lastName, suffix, birthDate, birthYear, gender, party, supportLevel,
                contactCategory, origin, householdKey, emails, phones, addresses, registrations, votes, tags, Map.of());
    }
}
