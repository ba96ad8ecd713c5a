package org.muster.people;

import java.time.LocalDate;
import java.util.List;

/** Small, readable people for store and web tests. */
public final class PeopleFixtures {

    private PeopleFixtures() {
    }

    /** A registered voter with one of everything: email, phone, address, registration, two votes, a tag. */
    public static NewPerson voter(String first, String last, String email, String phone, String street, String registrationId) {
        return new NewPerson(first, null, last, null, LocalDate.of(1970, 5, 17), null, "F", "DEM", 2,
                ContactCategory.PROSPECT, "NC voter file test", street + "|27601",
                email == null ? List.of() : List.of(email),
                phone == null ? List.of() : List.of(phone),
                List.of(new PostalAddress("home", street, null, "Raleigh", "NC", "27601", "US", 35.77, -78.63)),
                List.of(new Registration("NC", registrationId, "NCID" + registrationId, "WAKE", "A", "AV",
                        LocalDate.of(2008, 3, 1), "DEM", "01-07", null, "RALEIGH", "02", "16", "34")),
                List.of(new VoteRecord(LocalDate.of(2024, 11, 5), "11/05/2024 GENERAL", "IN-PERSON", null, "WAKE"),
                        new VoteRecord(LocalDate.of(2022, 11, 8), "11/08/2022 GENERAL", "ABSENTEE BY MAIL", null, "WAKE")),
                List.of("volunteer-prospect"));
    }
}
