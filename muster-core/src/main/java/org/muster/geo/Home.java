package org.muster.geo;

/**
 * Where a person lives, as maps and turf cutting need it: the household (null when the address made none), the
 * home address line, its coordinates, and the precinct of the person's registration (null when unregistered).
 */
public record Home(long personId, Long householdId, String addressLine, double latitude, double longitude,
                   String precinct) {
}
