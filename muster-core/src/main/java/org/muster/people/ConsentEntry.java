package org.muster.people;

import java.time.Instant;

/**
 * The consent ledger row for one channel: the newest entry per channel is in force.
 *
 * @param channel email, sms, phone, mail, door
 * @param status  GRANTED, WITHDRAWN (objection), or UNKNOWN
 */
public record ConsentEntry(String channel, String status, String source, Instant recordedAt) {
}
