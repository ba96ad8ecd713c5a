package org.muster.turf;

import java.util.List;

/**
 * A turf as the cutter made it: its doors in walking order, the precinct it lies in (null when the cut ignored
 * precincts and the turf spans several), the route's length in metres from the first door to the last, and its
 * compactness (Polsby-Popper of the doors' convex hull: 1 for a disc, towards 0 for a long thin strip).
 */
public record CutTurf(List<Door> doors, String precinct, double routeMetres, double compactness) {

    public int people() {
        int n = 0;
        for (Door d : doors) n += d.personIds().length;
        return n;
    }
}
