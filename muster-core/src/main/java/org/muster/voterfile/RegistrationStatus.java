package org.muster.voterfile;

import java.util.Locale;

/**
 * Registration statuses in the letters NC publishes and Muster uses for every state (A active, I inactive, R removed,
 * D denied, S temporary), from the words other states use; an unknown status is kept as published.
 */
final class RegistrationStatus {

    private RegistrationStatus() {
    }

    static String letter(String published) {
        if (published == null) return null;
        return switch (published.strip().toUpperCase(Locale.ROOT)) {
            case "A", "ACT", "ACTIVE" -> "A";
            // Ohio's CONFIRMATION: inactive, sent a confirmation notice.
            case "I", "INA", "INACTIVE", "CONFIRMATION" -> "I";
            case "R", "REMOVED", "PURGED", "CANCELLED", "CANCELED" -> "R";
            case "D", "DENIED" -> "D";
            default -> published.strip();
        };
    }
}
