package org.muster.people;

import java.time.Instant;

/** One entry of a person's timeline: a contact, a change, an import, a note. */
public record Activity(long id, long personId, Instant at, String type, String summary, String actor) {
}
