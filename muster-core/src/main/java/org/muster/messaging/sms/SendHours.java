package org.muster.messaging.sms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The local hours in which a recipient may be texted, e.g. 09:00-21:00 in their own time zone; outside them a
 * message waits for the next opening instead of being dropped. {@code from} is inclusive, {@code until}
 * exclusive; a window that wraps midnight (22:00-02:00) is allowed, and 00:00-00:00 means any time.
 */
public record SendHours(LocalTime from, LocalTime until) {

    public static final SendHours DEFAULT = new SendHours(LocalTime.of(9, 0), LocalTime.of(21, 0));

    /** Parses "HH:MM-HH:MM"; the error names the field and the expected form. */
    public static SendHours parse(String field, String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("-");
        try {
            if (parts.length != 2) throw new DateTimeParseException("no dash", String.valueOf(text), 0);
            return new SendHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a time window like 09:00-21:00");
        }
    }

    public static SendHours ofMinutes(int from, int until) {
        return new SendHours(LocalTime.ofSecondOfDay(from * 60L), LocalTime.ofSecondOfDay(until * 60L));
    }

    public int fromMinute() {
        return from.toSecondOfDay() / 60;
    }

    public int untilMinute() {
        return until.toSecondOfDay() / 60;
    }

    public boolean allows(Instant at, ZoneId zone) {
        if (from.equals(until)) return true;
        LocalTime t = at.atZone(zone).toLocalTime();
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }

    /** {@code at} itself when allowed, else the next instant the window opens in that zone. */
    public Instant nextOpening(Instant at, ZoneId zone) {
        if (allows(at, zone)) return at;
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(from).atZone(zone);
        return (today.isAfter(local) ? today : local.toLocalDate().plusDays(1).atTime(from).atZone(zone)).toInstant();
    }

    @Override
    public String toString() {
        return from + "-" + until;
    }
}
