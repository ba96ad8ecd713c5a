package org.muster.canvass;

/**
 * Someone met at the door (or on the phone) who is not on the list, as the canvasser typed them. Stored as pending
 * until identity resolution (org.muster.match) decides whether they are a known person, need review, or are new.
 */
public record NewContact(String firstName, String lastName, String phone, String email, String address) {

    static final int MAX_FIELD = 200;

    public NewContact {
        firstName = clean("first name", firstName);
        lastName = clean("last name", lastName);
        phone = clean("phone", phone);
        email = clean("email", email);
        address = clean("address", address);
        if (firstName == null && lastName == null) throw new IllegalArgumentException("a new person needs a first or last name");
    }

    private static String clean(String field, String value) {
        if (value == null || value.isBlank()) return null;
        if (value.length() > MAX_FIELD) throw new IllegalArgumentException("the new person's " + field + " is longer than " + MAX_FIELD + " characters");
        return value.strip();
    }
}
