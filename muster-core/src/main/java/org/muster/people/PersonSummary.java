package org.muster.people;

import java.time.LocalDate;

/** One row of a people search: enough to recognise the person without opening the profile. */
public record PersonSummary(long id, String displayName, LocalDate birthDate, Integer birthYear, String address, String email, String phone) {
}
