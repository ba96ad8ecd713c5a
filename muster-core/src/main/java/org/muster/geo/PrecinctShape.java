package org.muster.geo;

import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One precinct's area: its code as voter registrations carry it, a display name and county, and a valid polygonal
 * JTS geometry in WGS84 (x = longitude, y = latitude).
 */
public record PrecinctShape(String precinct, String name, String county, Geometry geometry) {

    public PrecinctShape {
        Objects.requireNonNull(precinct, "precinct");
        Objects.requireNonNull(geometry, "geometry");
    }

    public Envelope bounds() {
        return geometry.getEnvelopeInternal();
    }

    /** A point inside the shape (the centroid when it falls inside, as for convex precincts). */
    public Point labelPoint() {
        Point centroid = geometry.getCentroid();
        return geometry.covers(centroid) ? centroid : geometry.getInteriorPoint();
    }
}
