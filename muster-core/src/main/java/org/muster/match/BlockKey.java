package org.muster.match;

import java.util.Locale;

/** A value records must share to be compared; blocking rules combine several. Null means "not in this block". */
public enum BlockKey {
    FIRST, LAST, FIRST_PHONETIC, LAST_PHONETIC, LAST_NYSIIS, FIRST_INITIAL, LAST_INITIAL, INITIALS, DOB, BIRTH_YEAR,
    BIRTH_MONTH_DAY, ZIP, CITY, STATE, EMAIL, EMAIL_USER, PHONE, SSN, STREET, NAMES, NAMES_PHONETIC;

    String of(MatchRecord r) {
        return switch (this) {
            case FIRST -> r.get(Field.FIRST);
            case LAST -> r.get(Field.LAST);
            case FIRST_PHONETIC -> r.firstPhonetic;
            case LAST_PHONETIC -> r.lastPhonetic;
            case LAST_NYSIIS -> r.lastNysiis;
            case FIRST_INITIAL -> initial(r.get(Field.FIRST));
            case LAST_INITIAL -> initial(r.get(Field.LAST));
            case INITIALS -> initials(r);
            case DOB -> r.birthMonth == 0 ? null : r.birthDate();
            case BIRTH_YEAR -> r.birthYear == 0 ? null : Integer.toString(r.birthYear);
            case BIRTH_MONTH_DAY -> r.birthMonth == 0 ? null : r.birthMonth + "/" + r.birthDay;
            case ZIP -> r.get(Field.ZIP);
            case CITY -> r.get(Field.CITY);
            case STATE -> r.get(Field.STATE);
            case EMAIL -> r.get(Field.EMAIL);
            case EMAIL_USER -> emailUser(r.get(Field.EMAIL));
            case PHONE -> r.get(Field.PHONE);
            case SSN -> r.get(Field.SSN);
            case STREET -> r.get(Field.ADDRESS);
            case NAMES -> unordered(r.get(Field.FIRST), r.get(Field.LAST));
            case NAMES_PHONETIC -> unordered(r.firstPhonetic, r.lastPhonetic);
        };
    }

    /**
     * The comparison whose field this key reads: EM does not learn that comparison from pairs this key blocked.
     * Street, zip and city all feed the residence comparison.
     */
    String comparisonName() {
        return switch (this) {
            // names and names_phonetic read the last name too: as training rules they would teach "last" wrongly
            case FIRST, FIRST_PHONETIC, FIRST_INITIAL, INITIALS, NAMES, NAMES_PHONETIC -> "first";
            case LAST, LAST_PHONETIC, LAST_NYSIIS, LAST_INITIAL -> "last";
            case DOB, BIRTH_YEAR, BIRTH_MONTH_DAY -> "dob";
            case STREET, ZIP, CITY -> "residence";
            case EMAIL_USER -> "email";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    private static String emailUser(String email) {
        return email == null ? null : email.substring(0, email.indexOf('@'));
    }

    /** Both values in alphabetical order, so first and last names typed in each other's place share the key. */
    private static String unordered(String a, String b) {
        if (a == null || b == null) return null;
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    /** Both initials in alphabetical order, so a first name typed as the last name still shares the key. */
    private static String initials(MatchRecord r) {
        String f = initial(r.get(Field.FIRST));
        String l = initial(r.get(Field.LAST));
        if (f == null || l == null) return null;
        return f.compareTo(l) <= 0 ? f + l : l + f;
    }

    private static String initial(String s) {
        return s == null ? null : s.substring(0, 1);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BlockKey parse(String key) {
        return valueOf(key.strip().toUpperCase(Locale.ROOT));
    }
}
