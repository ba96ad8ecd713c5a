package org.muster.people;

import java.time.Instant;

/**
 * One entry of a person's timeline: a contact, a change, an import, a note.
 *
 * @param id the stored row's id; 0 for the "created" entry, which is derived from the person, not stored
 */
public record Activity(long id, long personId, Instant at, String type, String summary, String actor) {
}
