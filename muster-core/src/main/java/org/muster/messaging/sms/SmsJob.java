package org.muster.messaging.sms;

import java.time.Instant;

/** A send of one text to a segment: the filter it was created from is kept as text for the record. */
public record SmsJob(long id, long campaignId, String name, String filter, String body, Status status, SendHours hours,
                     Long createdBy, Instant createdAt, Instant finishedAt) {

    public enum Status { RUNNING, DONE, CANCELLED }
}
