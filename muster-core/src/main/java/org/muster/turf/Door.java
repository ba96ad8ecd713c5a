package org.muster.turf;

import java.util.Objects;

/**
 * One household to knock on: its id, where it is, its precinct (null when unknown) and the people of the segment
 * who live there.
 */
public record Door(long householdId, double latitude, double longitude, String precinct, long[] personIds) {

    public Door {
        Objects.requireNonNull(personIds, "personIds");
    }
}
