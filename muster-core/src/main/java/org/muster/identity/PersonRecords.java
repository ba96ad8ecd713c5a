package org.muster.identity;

import java.time.LocalDate;
import org.muster.match.MatchRecord;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;

/** Turns stored and incoming people into the matcher's records, the same way for both so they compare alike. */
final class PersonRecords {

    private PersonRecords() {
    }

    static MatchRecord of(MatchStore.PersonFields p) {
        return record(Long.toString(p.id()), p.firstName(), p.middleName(), p.lastName(), p.birthDate(), p.birthYear(),
                p.line1(), p.city(), p.state(), p.zip(), p.latitude(), p.longitude(), p.email(), p.phone());
    }

    static MatchRecord of(String id, NewPerson p) {
        PostalAddress a = p.addresses().isEmpty() ? null : p.addresses().get(0);
        return record(id, p.firstName(), p.middleName(), p.lastName(), p.birthDate(), p.birthYear(),
                a == null ? null : a.line1(), a == null ? null : a.city(), a == null ? null : a.state(),
                a == null ? null : a.zip(), a == null ? null : a.latitude(), a == null ? null : a.longitude(),
                p.emails().isEmpty() ? null : p.emails().get(0), p.phones().isEmpty() ? null : p.phones().get(0));
    }

    private static MatchRecord record(String id, String first, String middle, String last, LocalDate birthDate,
            Integer birthYear, String line1, String city, String state, String zip, Double lat, Double lon,
            String email, String phone) {
        MatchRecord.Builder b = MatchRecord.builder(id).first(first).middle(middle).last(last).address(line1)
                .city(city).state(state).zip(zip).email(email).phone(phone);
        if (birthDate != null) {
            b.birthDate(birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth());
        } else if (birthYear != null) {
            b.birthYear(birthYear);
        }
        if (lat != null && lon != null) b.geo(lat, lon);
        return b.build();
    }
}
