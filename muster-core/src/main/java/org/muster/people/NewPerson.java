package org.muster.people;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything known about a person at the moment they enter the database, written in one transaction
 * by {@link PersonStore#insert}. Lists may be empty, never null.
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
        List<String> tags) {

    public NewPerson {
        if (birthDate != null && birthYear == null) birthYear = birthDate.getYear();
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        addresses = List.copyOf(addresses);
        registrations = List.copyOf(registrations);
        votes = List.copyOf(votes);
        tags = List.copyOf(tags);
    }
}
