package org.muster.match;

import java.util.Locale;

/** A value records must share to be compared; blocking rules combine several. Null means "not in this block". */
public enum BlockKey {
    FIRST, LAST, FIRST_PHONETIC, LAST_PHONETIC, LAST_NYSIIS, FIRST_INITIAL, LAST_INITIAL, INITIALS, DOB, BIRTH_YEAR,
    BIRTH_MONTH_DAY, ZIP, CITY, STATE, EMAIL, EMAIL_USER, PHONE, SSN, STREET, NAMES, NAMES_PHONETIC, FIRST_LETTERS, LAST_LETTERS, NAME_TOKEN,
    NAME_LETTERS, NAME_EDITS, EMAIL_USER_EDITS, BIRTH_YEAR_NEAR, BIRTH_MONTH_NEAR;

    private static final String[] NONE = new String[0];

    String of(MatchRecord r) {
        return switch (this) {
            case FIRST -> r.get(Field.FIRST);
            case LAST -> r.get(Field.LAST);
            case FIRST_PHONETIC -> r.firstPhonetic;
            case LAST_PHONETIC -> r.lastPhonetic;
            case LAST_NYSIIS -> r.lastNysiis;
            case FIRST_INITIAL -> initial(r.get(Field.FIRST));
            case LAST_INITIAL -> initial(r.get(Field.LAST));
            case INITIALS -> unordered(initial(r.get(Field.FIRST)), initial(r.get(Field.LAST)));
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
            case FIRST_LETTERS -> letters(r.get(Field.FIRST));
            case LAST_LETTERS -> letters(r.get(Field.LAST));
            case NAME_TOKEN, NAME_LETTERS, NAME_EDITS, EMAIL_USER_EDITS, BIRTH_YEAR_NEAR, BIRTH_MONTH_NEAR -> throw new IllegalStateException(this + " has several values: use values()");
        };
    }

    /**
     * Every value of this key for the record: one for most keys; for {@code name_token} and {@code name_letters}
     * the first and the last name each, so records whose names sit in different fields (one name missing, or both
     * swapped) still share a block. The typo-tolerant keys have several values so that two values one typing error
     * apart share at least one: {@code name_edits} and {@code email_user_edits} hold the text and every spelling
     * with one character deleted (the symmetric-deletion neighbourhood: a substitution, insertion, deletion or swap
     * of adjacent characters leaves a common spelling); {@code birth_year_near} the year with its last digit and
     * with its tens digit unknown (same decade, or a typed decade digit); {@code birth_month_near} the month and
     * the next (months one apart, December next to January).
     */
    String[] values(MatchRecord r) {
        return switch (this) {
            case NAME_TOKEN -> both(r.get(Field.FIRST), r.get(Field.LAST));
            case NAME_LETTERS -> both(letters(r.get(Field.FIRST)), letters(r.get(Field.LAST)));
            case NAME_EDITS -> TypoNeighbours.deletions(r.get(Field.FIRST), r.get(Field.LAST));
            case EMAIL_USER_EDITS -> TypoNeighbours.deletions(emailUser(r.get(Field.EMAIL)), null);
            case BIRTH_YEAR_NEAR -> r.birthYear == 0 ? NONE : TypoNeighbours.yearMasks(r.birthYear);
            case BIRTH_MONTH_NEAR -> r.birthMonth == 0 ? NONE
                    : new String[] {Integer.toString(r.birthMonth), Integer.toString(r.birthMonth % 12 + 1)};
            default -> {
                String v = of(r);
                yield v == null ? NONE : new String[] {v};
            }
        };
    }

    private static String[] both(String a, String b) {
        if (a == null) return b == null ? NONE : new String[] {b};
        if (b == null || a.equals(b)) return new String[] {a};
        return new String[] {a, b};
    }

    /**
     * The comparison whose field this key reads: EM does not learn that comparison from pairs this key blocked.
     * Street, zip and city all feed the residence comparison.
     */
    String comparisonName() {
        return switch (this) {
            // names, names_phonetic and the per-name keys read the last name too: as training rules they would
            // teach "last" wrongly
            case FIRST, FIRST_PHONETIC, FIRST_INITIAL, INITIALS, NAMES, NAMES_PHONETIC, FIRST_LETTERS, NAME_TOKEN, NAME_LETTERS,
                    NAME_EDITS -> "first";
            case LAST, LAST_PHONETIC, LAST_NYSIIS, LAST_INITIAL, LAST_LETTERS -> "last";
            case DOB, BIRTH_YEAR, BIRTH_MONTH_DAY, BIRTH_YEAR_NEAR, BIRTH_MONTH_NEAR -> "dob";
            case STREET, ZIP, CITY -> "residence";
            case EMAIL_USER, EMAIL_USER_EDITS -> "email";
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

    /**
     * The distinct letters of a name, sorted: typing errors that swap, double or drop a repeated letter keep the
     * key (henderseon, henderson; nichslloon, nicholson), a substituted letter does not. Short names are too common
     * to block on this way.
     */
    private static String letters(String name) {
        if (name == null || name.length() < 4) return null;
        boolean[] seen = new boolean[128];
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128) seen[c] = true;
        }
        StringBuilder out = new StringBuilder();
        for (char c = 'a'; c <= 'z'; c++) if (seen[c]) out.append(c);
        return out.length() < 3 ? null : out.toString();
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
