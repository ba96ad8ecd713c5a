package org.muster.canvass;

import java.time.Instant;
import java.time.LocalDate;

/** A list given to a user until a due date; {@code unassignedAt} is set once it was taken back. */
public record Assignment(long id, long listId, long userId, String userName, LocalDate dueOn, Instant assignedAt,
        Instant unassignedAt) {

    public boolean active() {
        return unassignedAt == null;
    }
}
