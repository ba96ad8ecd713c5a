package org.muster.voterfile;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Phone numbers to E.164 with libphonenumber's metadata, so impossible numbers (bad area codes) are refused. */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /**
     * @param defaultRegion ISO country of numbers written without a country code ("US" for state voter files)
     * @return "+19195551234", or null when the text is not a valid number
     */
    public static String e164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) return null;
        try {
            PhoneNumber number = UTIL.parse(raw, defaultRegion);
            return UTIL.isValidNumber(number) ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
