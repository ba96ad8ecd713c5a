package org.muster.messaging.sms;

import java.util.Locale;

/**
 * Where one recipient of an SMS job stands. The schema comment in V10__sms.sql gives the transitions; HELD (V15):
 * the rest of an A/B test's audience, made PENDING with the winner's text once it is chosen. EXCLUDED (V16): kept
 * out at the commit point by the job's audience rules for another reason than consent (a data origin it excludes).
 */
public enum RecipientStatus {
    PENDING, SENDING, SENT, DELIVERED, UNDELIVERED, EXPIRED, REJECTED, FAILED, OPTED_OUT, COVERED, HELD, EXCLUDED;

    /** The status a delivery receipt's stat sets; null for intermediate ones (ACCEPTD, ENROUTE) that change nothing. */
    public static RecipientStatus fromReceipt(String state) {
        return switch (state == null ? "" : state.strip().toUpperCase(Locale.ROOT)) {
            case "DELIVRD", "DELIVERED" -> DELIVERED;
            case "UNDELIV", "UNDELIVERABLE", "UNDELIVERED", "DELETED", "UNKNOWN", "FAILED" -> UNDELIVERED;
            case "EXPIRED" -> EXPIRED;
            case "REJECTD", "REJECTED" -> REJECTED;
            default -> null;
        };
    }
}
