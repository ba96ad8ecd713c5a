package org.muster.match;

import java.util.List;

/** The comparison levels per kind of field. */
public final class Comparisons {

    private Comparisons() {
    }

    /**
     * A name: exact, nickname (first names), Jaro-Winkler >= 0.94 or one edit, Jaro-Winkler >= 0.88, same Double
     * Metaphone code, swapped with the other name (first typed as last), initial against full name; exact
     * agreement is adjusted by how common the name is. When both names were typed in each other's field, each is
     * scored as if in place (a swap is a clerical slip, not evidence against the match).
     */
    public static Comparison name(Field field, boolean nicknames) {
        return new NameComparison(field, nicknames);
    }

    /**
     * Birth date: exact, day and month transposed, one digit off, same year (also when one side has only the year),
     * years one apart.
     */
    public static Comparison birthDate() {
        return new DateComparison();
    }

    /**
     * Where someone lives, as one comparison because street, zip and city agree together (as separate comparisons
     * their weights would be counted three times over): same street address (zip agreeing or unknown), same street
     * address in another zip, similar street in the same zip, similar street with a zip one typo away or the same
     * city, same zip, same city, same street name and house number in another zip and city. A street is similar
     * when the whole addresses are (Jaro-Winkler >= 0.92) or their words are: a street name word in common, within
     * one typing error, and house numbers that agree or are unknown.
     */
    public static Comparison residence() {
        return new ResidenceComparison();
    }

    /** Free text (street address, city): exact, Jaro-Winkler >= 0.92, >= 0.80. */
    public static Comparison text(Field field) {
        return new TextComparison(field);
    }

    /** Identifiers (zip, state, phone, ssn-like id): exact, and optionally one typing error (one edit). */
    public static Comparison exact(Field field, boolean oneEdit) {
        return new ExactComparison(field, oneEdit);
    }

    /** Email: exact, same local part (one provider changed), Jaro-Winkler >= 0.88 (a typo). */
    public static Comparison email() {
        return new EmailComparison();
    }

    /** Geocode distance: within 0.1 km, 2 km, 20 km. */
    public static Comparison geo() {
        return new GeoComparison();
    }

    private static final class NameComparison extends Comparison {
        private final int f;
        private final int other;
        private final Field field;
        private final Nicknames nicknames;

        NameComparison(Field field, boolean nicknames) {
            super(field.key(), List.of("initial", "swapped first/last", "phonetic", "jaro-winkler >= 0.88", "jaro-winkler >= 0.94 or 1 edit",
                    "nickname", "exact"));
            this.field = field;
            this.f = field.ordinal();
            this.other = field == Field.FIRST ? Field.LAST.ordinal() : field == Field.LAST ? Field.FIRST.ordinal() : -1;
            this.nicknames = nicknames ? Nicknames.bundled() : null;
        }

        @Override
        int level(MatchRecord a, MatchRecord b) {
            String x = a.text[f];
            String y = b.text[f];
            if (x == null || y == null) return 0;
            int direct = spelling(x, y);
            if (direct > 1) return direct;
            String px = phonetic(a);
            if (px != null && px.equals(phonetic(b))) return 4;
            String xOther = other < 0 ? null : a.text[other];
            String yOther = other < 0 ? null : b.text[other];
            if (xOther != null && yOther != null) {
                // First and last typed in each other's fields: both names must agree crosswise, each scored as if in
                // place. Most pairs here are simply different people: the first letters rule them out cheaply.
                if (x.charAt(0) == yOther.charAt(0) || y.charAt(0) == xOther.charAt(0)) {
                    int crosswise = Math.min(spelling(x, yOther), spelling(y, xOther));
                    if (crosswise >= 5) return crosswise;
                }
                if (x.equals(yOther) || y.equals(xOther)) return 3;
            }
            return 1;
        }

        /** The spelling levels (exact, nickname, Jaro-Winkler bands, initial), or 1 when the spellings differ. */
        private int spelling(String x, String y) {
            if (x.equals(y)) return 8;
            if (x.length() == 1 || y.length() == 1) return x.charAt(0) == y.charAt(0) ? 2 : 1;
            if (nicknames != null && nicknames.equivalent(x, y)) return 7;
            double jw = Similarity.jaroWinkler(x, y);
            if (jw >= 0.94 || (jw >= 0.7 && Similarity.damerauLevenshtein(x, y, 1) <= 1)) return 6;
            if (jw >= 0.88) return 5;
            return 1;
        }

        private String phonetic(MatchRecord r) {
            return field == Field.FIRST ? r.firstPhonetic : field == Field.LAST ? r.lastPhonetic : null;
        }

        @Override
        Field termFrequencyField() {
            return field;
        }
    }

    private static final class DateComparison extends Comparison {
        DateComparison() {
            super("dob", List.of("year within one", "same year", "one digit off", "day/month transposed", "exact"));
        }

        @Override
        int level(MatchRecord a, MatchRecord b) {
            if (a.birthYear == 0 || b.birthYear == 0) return 0;
            boolean sameYear = a.birthYear == b.birthYear;
            int nearYear = Math.abs(a.birthYear - b.birthYear) <= 1 ? 2 : 1;
            if (a.birthMonth == 0 || b.birthMonth == 0) return sameYear ? 3 : nearYear;
            if (sameYear && a.birthMonth == b.birthMonth && a.birthDay == b.birthDay) return 6;
            if (sameYear && a.birthMonth == b.birthDay && a.birthDay == b.birthMonth) return 5;
            int diffs = digitDiffs(a.birthYear, b.birthYear, 4) + digitDiffs(a.birthMonth, b.birthMonth, 2)
                    + digitDiffs(a.birthDay, b.birthDay, 2);
            if (diffs <= 1) return 4;
            return sameYear ? 3 : nearYear;
        }

        private static int digitDiffs(int x, int y, int digits) {
            int n = 0;
            for (int i = 0; i < digits; i++, x /= 10, y /= 10) {
                if (x % 10 != y % 10) n++;
            }
            return n;
        }
    }

    private static final class TextComparison extends Comparison {
        private final int f;

        TextComparison(Field field) {
            super(field.key(), List.of("jaro-winkler >= 0.80", "jaro-winkler >= 0.92", "exact"));
            this.f = field.ordinal();
        }

        @Override
        int level(MatchRecord a, MatchRecord b) {
            String x = a.text[f];
            String y = b.text[f];
            if (x == null || y == null) return 0;
            if (x.equals(y)) return 4;
            double jw = Similarity.jaroWinkler(x, y);
            return jw >= 0.92 ? 3 : jw >= 0.80 ? 2 : 1;
        }
    }

    private static final class ResidenceComparison extends Comparison {
        private static final int ADDRESS = Field.ADDRESS.ordinal();
        private static final int ZIP = Field.ZIP.ordinal();
        private static final int CITY = Field.CITY.ordinal();

        ResidenceComparison() {
            super("residence", List.of("same street, zip and city differ", "same city", "same zip",
                    "similar street, zip or city nearly the same", "similar street, same zip",
                    "same street address, zip differs", "same street address"));
        }

        @Override
        int level(MatchRecord a, MatchRecord b) {
            String[] x = a.text;
            String[] y = b.text;
            boolean zipKnown = x[ZIP] != null && y[ZIP] != null;
            boolean sameZip = zipKnown && x[ZIP].equals(y[ZIP]);
            if (x[ADDRESS] != null && y[ADDRESS] != null) {
                if (x[ADDRESS].equals(y[ADDRESS])) return sameZip || !zipKnown ? 8 : 7;
                // A typed zip (one digit off or two swapped) or the same city keeps a similar street meaningful;
                // checked before the street's Jaro-Winkler, the costly part, which most pairs then skip.
                int similarStreetLevel = sameZip ? 6
                        : zipKnown && Similarity.damerauLevenshtein(x[ZIP], y[ZIP], 1) <= 1 || sameCity(x, y) ? 5 : 0;
                // The street's words catch what the whole-string similarity misses: a second address line on one
                // side only, words run together or typed in another order.
                if (similarStreetLevel > 0 && (StreetWords.sameStreet(a, b)
                        || Similarity.jaroWinkler(x[ADDRESS], y[ADDRESS]) >= 0.92)) {
                    return similarStreetLevel;
                }
                if (similarStreetLevel == 0 && a.streetNumber != null && b.streetNumber != null
                        && StreetWords.sameStreet(a, b)) {
                    return 2;
                }
            }
            if (sameZip) return 4;
            if (sameCity(x, y)) return 3;
            boolean known = zipKnown || x[ADDRESS] != null && y[ADDRESS] != null || x[CITY] != null && y[CITY] != null;
            return known ? 1 : 0;
        }

        private static boolean sameCity(String[] x, String[] y) {
            return x[CITY] != null && x[CITY].equals(y[CITY]);
        }
    }

    private static final class ExactComparison extends Comparison {
        private final int f;
        private final boolean oneEdit;

        ExactComparison(Field field, boolean oneEdit) {
            super(field.key(), oneEdit ? List.of("one edit", "exact") : List.of("exact"));
            this.f = field.ordinal();
            this.oneEdit = oneEdit;
        }

        @Override
        int level(MatchRecord a, MatchRecord b) {
            String x = a.text[f];
            String y = b.text[f];
            if (x == null || y == null) return 0;
            if (x.equals(y)) return oneEdit ? 3 : 2;
            return oneEdit && Similarity.damerauLevenshtein(x, y, 1) <= 1 ? 2 : 1;
        }
    }

    private static final class EmailComparison extends Comparison {
        private static final int F = Field.EMAIL.ordinal();

        EmailComparison() {
            super("email", List.of("jaro-winkler >= 0.88", "same local part", "exact"));
        }

        @Override
        int level(MatchRecord a, MatchRecord b) {
            String x = a.text[F];
            String y = b.text[F];
            if (x == null || y == null) return 0;
            if (x.equals(y)) return 4;
            int ax = x.indexOf('@');
            if (ax == y.indexOf('@') && x.regionMatches(0, y, 0, ax)) return 3;
            return Similarity.jaroWinkler(x, y) >= 0.88 ? 2 : 1;
        }
    }

    private static final class GeoComparison extends Comparison {
        GeoComparison() {
            super("geo", List.of("within 20 km", "within 2 km", "within 100 m"));
        }

        @Override
        int level(MatchRecord a, MatchRecord b) {
            if (!a.hasGeo() || !b.hasGeo()) return 0;
            double km = Similarity.haversineKm(a.lat, a.lon, b.lat, b.lon);
            return km <= 0.1 ? 4 : km <= 2 ? 3 : km <= 20 ? 2 : 1;
        }
    }
}
