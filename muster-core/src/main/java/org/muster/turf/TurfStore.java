package org.muster.turf;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cuts and their turfs. Walk lists read turfs through {@link #turf} and {@link #doors}: a turf's id is stable for
 * as long as its cut exists, and its doors come in route order with the people of the cut's segment behind each.
 */
public interface TurfStore {

    /** One run of the cutter over a segment. */
    record Cut(long id, String name, String filter, int targetDoors, boolean withinPrecincts, int turfs, int doors,
               Long createdBy, Instant createdAt) {
    }

    /** A turf and its quality. */
    record Turf(long id, long cutId, String name, String precinct, int doors, int people, double routeMetres,
                double compactness) {
    }

    /** A door of a turf: its place on the route (1 = first), the household, where it is, who to ask for. */
    record TurfDoor(int position, long householdId, double latitude, double longitude, List<Long> personIds) {
    }

    /** Stores a cut and all its turfs in one transaction; returns the cut's id. */
    long save(long campaignId, String name, String filter, TurfCutter.Options options, Long userId, List<CutTurf> turfs);

    /** Newest first. */
    List<Cut> cuts(long campaignId);

    Optional<Cut> cut(long campaignId, long cutId);

    /** The turfs of a cut, in the order the cutter made them. */
    List<Turf> turfs(long campaignId, long cutId);

    Optional<Turf> turf(long campaignId, long turfId);

    /** The doors of a turf in route order. */
    List<TurfDoor> doors(long turfId);

    /** Every turf of a cut with its route as [latitude, longitude] points in order, in one read (for maps). */
    Map<Long, List<double[]>> routes(long campaignId, long cutId);
}
