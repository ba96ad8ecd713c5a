package org.muster.match;

import java.util.Map;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Nysiis;

/**
 * One record as the matcher sees it: normalised fields (null when unknown) and the phonetic keys computed once,
 * so the comparison loop does no parsing. {@code source} tells linked files apart (0 for a single file).
 */
public final class MatchRecord {

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    private static final Nysiis NYSIIS = new Nysiis(true);
    /** Birth years outside this range are typing errors or placeholders: treated as unknown. */
    static final int MIN_YEAR = 1880;
    static final int MAX_YEAR = 2100;

    final String id;
    final int source;
    final String[] text;
    final int birthYear;
    final int birthMonth;
    final int birthDay;
    final double lat;
    final double lon;
    final String firstPhonetic;
    final String lastPhonetic;
    final String lastNysiis;
    /** House number and street name words of the address (see {@link StreetWords}). */
    final String streetNumber;
    final String[] streetNames;

    private MatchRecord(Builder b) {
        this.id = b.id;
        this.source = b.source;
        this.text = b.text;
        boolean yearOk = b.year >= MIN_YEAR && b.year <= MAX_YEAR;
        // 1 January 1900 and 1901 are the usual "unknown" fillers of registration systems
        boolean placeholder = (b.year == 1900 || b.year == 1901) && b.month == 1 && b.day == 1;
        yearOk &= !placeholder;
        boolean dateOk = yearOk && b.month >= 1 && b.month <= 12 && b.day >= 1 && b.day <= 31;
        this.birthYear = yearOk ? b.year : 0;
        this.birthMonth = dateOk ? b.month : 0;
        this.birthDay = dateOk ? b.day : 0;
        boolean geoOk = Math.abs(b.lat) <= 90 && Math.abs(b.lon) <= 180 && !(b.lat == 0 && b.lon == 0);
        this.lat = geoOk ? b.lat : Double.NaN;
        this.lon = geoOk ? b.lon : Double.NaN;
        this.firstPhonetic = phonetic(text[Field.FIRST.ordinal()]);
        this.lastPhonetic = phonetic(text[Field.LAST.ordinal()]);
        String last = text[Field.LAST.ordinal()];
        String nysiis = last == null ? null : NYSIIS.encode(last);
        this.lastNysiis = nysiis == null || nysiis.isEmpty() ? null : nysiis;
        this.streetNumber = StreetWords.number(text[Field.ADDRESS.ordinal()]);
        this.streetNames = StreetWords.names(text[Field.ADDRESS.ordinal()]);
    }

    private static String phonetic(String name) {
        if (name == null) return null;
        String code = METAPHONE.doubleMetaphone(name);
        return code == null || code.isEmpty() ? null : code;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public int source() {
        return source;
    }

    /** The normalised value of a field, or null when unknown. */
    public String get(Field field) {
        return text[field.ordinal()];
    }

    /** Birth date as yyyy-mm-dd, yyyy when only the year is known, or null. */
    public String birthDate() {
        if (birthYear == 0) return null;
        if (birthMonth == 0) return Integer.toString(birthYear);
        return String.format("%04d-%02d-%02d", birthYear, birthMonth, birthDay);
    }

    boolean hasGeo() {
        return !Double.isNaN(lat);
    }

    /** All known values by name, for explanations and golden records. */
    public Map<String, String> values() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Field f : Field.values()) {
            if (text[f.ordinal()] != null) out.put(f.key(), text[f.ordinal()]);
        }
        if (birthDate() != null) out.put("dob", birthDate());
        if (hasGeo()) out.put("geo", lat + "," + lon);
        return out;
    }

    @Override
    public String toString() {
        return id + values();
    }

    /** Collects raw values and normalises them on {@link #build()}. */
    public static final class Builder {
        private final String id;
        private int source;
        private final String[] text = new String[Field.values().length];
        private int year;
        private int month;
        private int day;
        private double lat = Double.NaN;
        private double lon = Double.NaN;

        private Builder(String id) {
            this.id = id;
        }

        public Builder source(int source) {
            this.source = source;
            return this;
        }

        public Builder first(String v) {
            return set(Field.FIRST, Normalize.name(v));
        }

        public Builder middle(String v) {
            return set(Field.MIDDLE, Normalize.name(v));
        }

        public Builder last(String v) {
            return set(Field.LAST, Normalize.name(v));
        }

        public Builder address(String v) {
            return set(Field.ADDRESS, Normalize.text(v));
        }

        public Builder city(String v) {
            return set(Field.CITY, Normalize.text(v));
        }

        public Builder zip(String v) {
            return set(Field.ZIP, Normalize.digits(v, 5, false));
        }

        public Builder state(String v) {
            return set(Field.STATE, Normalize.text(v));
        }

        public Builder email(String v) {
            return set(Field.EMAIL, Normalize.email(v));
        }

        public Builder phone(String v) {
            String digits = Normalize.digits(v, 10, true);
            return set(Field.PHONE, digits != null && digits.length() >= 7 ? digits : null);
        }

        /** An SSN-like personal identifier (SSN, state id, voter id shared across files): digits. */
        public Builder ssn(String v) {
            return set(Field.SSN, Normalize.digits(v, 12, false));
        }

        public Builder birthDate(int year, int month, int day) {
            this.year = year;
            this.month = month;
            this.day = day;
            return this;
        }

        /** A birth date as yyyy-mm-dd or yyyymmdd; anything else leaves it unknown. */
        public Builder birthDate(String v) {
            String d = Normalize.digits(v, 8, false);
            if (d != null && d.length() == 8) {
                return birthDate(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                        Integer.parseInt(d.substring(6, 8)));
            }
            return this;
        }

        /** Only the year known (e.g. NC publishes birth year, not date). */
        public Builder birthYear(int year) {
            return birthDate(year, 0, 0);
        }

        public Builder geo(double lat, double lon) {
            this.lat = lat;
            this.lon = lon;
            return this;
        }

        private Builder set(Field field, String value) {
            text[field.ordinal()] = value;
            return this;
        }

        public MatchRecord build() {
            return new MatchRecord(this);
        }
    }

}
