package org.muster.match;

/** The text fields of a {@link MatchRecord}; birth date and geocode are held apart as numbers. */
public enum Field {
    FIRST, MIDDLE, LAST, ADDRESS, CITY, ZIP, STATE, EMAIL, PHONE, SSN;

    /** The lower-case name used in configuration files and explanations. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
