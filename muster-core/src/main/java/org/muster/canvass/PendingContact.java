package org.muster.canvass;

import java.time.Instant;

/** A {@link NewContact} waiting for identity resolution, with the result and list it came from. */
public record PendingContact(long id, long resultId, long listId, NewContact contact, Instant createdAt) {
}
