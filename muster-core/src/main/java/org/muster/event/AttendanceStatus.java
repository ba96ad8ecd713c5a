package org.muster.event;

import java.util.Locale;

/** Where a person stands with an event; the database spells them in lower case, "no-show" with a hyphen. */
public enum AttendanceStatus {
    REGISTERED, ATTENDED, NO_SHOW;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AttendanceStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
