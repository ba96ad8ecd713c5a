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

    /** A US phone number in any punctuation as E.164 (+1 and ten digits); null when it is not one. */
    static String e164(String phone) {
        if (phone == null) return null;
        StringBuilder digits = new StringBuilder(11);
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') digits.append(c);
        }
        if (digits.length() == 11 && digits.charAt(0) == '1') digits.deleteCharAt(0);
        // NANP area codes and exchanges never start with 0 or 1.
        if (digits.length() != 10 || digits.charAt(0) < '2' || digits.charAt(3) < '2') return null;
        return "+1" + digits;
    }
}
