package org.muster.canvass;

import java.time.Instant;

/** A stored submission as organisers review it: who sent what about whom, and what the server did with it. */
public record ReceivedResult(long id, Long personId, String personName, String userName, ResultCode code, Outcome outcome,
        Instant recordedAt) {
}
