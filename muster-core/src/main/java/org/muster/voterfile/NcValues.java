package org.muster.voterfile;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Parsing of NC value formats without exceptions in the common path. */
final class NcValues {

    private NcValues() {
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
}
