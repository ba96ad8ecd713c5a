package org.muster.messaging.sms;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of a job's recipients by status. {@code waiting}: PENDING rows held back by sending hours (or a retry
 * delay) until later; {@code inDoubt}: rows sent again after a crash or time-out left it unknown whether the
 * gateway had taken them (each is at most one possible duplicate); {@code clicked}: rows with a click on one of their
 * tracked links.
 */
public record SmsProgress(Map<RecipientStatus, Long> counts, long waiting, long inDoubt, long clicked) {

    public SmsProgress {
        EnumMap<RecipientStatus, Long> all = new EnumMap<>(RecipientStatus.class);
        for (RecipientStatus s : RecipientStatus.values()) all.put(s, counts.getOrDefault(s, 0L));
        counts = Map.copyOf(all);
    }

    public long count(RecipientStatus status) {
        return counts.get(status);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Messages the gateway accepted, whatever their receipts said since. */
    public long sent() {
        return count(RecipientStatus.SENT) + count(RecipientStatus.DELIVERED) + count(RecipientStatus.UNDELIVERED)
                + count(RecipientStatus.EXPIRED) + count(RecipientStatus.REJECTED);
    }

    public long failed() {
        return count(RecipientStatus.FAILED) + count(RecipientStatus.UNDELIVERED) + count(RecipientStatus.EXPIRED)
                + count(RecipientStatus.REJECTED);
    }

    /** Still to send now (PENDING and due) or being sent. */
    public long queued() {
        return count(RecipientStatus.PENDING) - waiting + count(RecipientStatus.SENDING);
    }
}
