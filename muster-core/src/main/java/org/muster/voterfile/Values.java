package org.muster.voterfile;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Parsing of the value formats states publish, without exceptions in the common path. */
final class Values {

    private Values() {
    }

    static boolean isInt(String s, int min, int max) {
        if (s.isEmpty() || s.length() > 9) return false;
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        return value >= min && value <= max;
    }

    /** MM/DD/YYYY as NC publishes dates; null when malformed. */
    static LocalDate date(String s) {
        if (s.length() != 10 || s.charAt(2) != '/' || s.charAt(5) != '/') return null;
        String month = s.substring(0, 2);
        String day = s.substring(3, 5);
        String year = s.substring(6);
        if (!isInt(month, 1, 12) || !isInt(day, 1, 31) || !isInt(year, 1800, 2200)) return null;
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** YYYY-MM-DD (ISO 8601, as Ohio publishes dates); null when malformed. */
    static LocalDate isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return null;
        return of(s.substring(0, 4), s.substring(5, 7), s.substring(8));
    }

    /**
     * A date as a file of unknown origin may write it: YYYY-MM-DD, or M/D/YYYY (US order), either optionally followed
     * by a time (" 0:00:00", "T00:00:00") that is ignored; null when it is none of these.
     */
    static LocalDate anyDate(String s) {
        int cut = s.indexOf(' ');
        if (cut < 0) cut = s.indexOf('T');
        String day = cut < 0 ? s : s.substring(0, cut);
        if (day.indexOf('-') == 4) return isoDate(day);
        String[] parts = day.split("/", -1);
        if (parts.length != 3 || parts[0].length() > 2 || parts[1].length() > 2 || parts[2].length() != 4) return null;
        return of(parts[2], parts[0], parts[1]);
    }

    private static LocalDate of(String year, String month, String day) {
        if (!isInt(month, 1, 12) || !isInt(day, 1, 31) || !isInt(year, 1800, 2200)) return null;
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
