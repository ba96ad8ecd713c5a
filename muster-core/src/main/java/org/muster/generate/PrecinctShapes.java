package org.muster.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated precincts as a GeoJSON FeatureCollection of polygons. A precinct's area is the set of points nearer
 * its centre than any other centre of its county, within its county's area (nearer the seat than any other seat),
 * cut to a box around its households and centre so shapes stay near where people live. Both "nearer than" rules are
 * half-planes, so each shape is a convex polygon clipped from the box; shapes never overlap, and every household
 * lies inside its own precinct's shape because it was assigned by exactly these rules.
 */
final class PrecinctShapes {

    /** Distances compare with longitude shrunk as in {@link NcGeography#distance2}. */
    private static final double LON_SCALE = 0.814;
    private static final double MARGIN_DEGREES = 0.003;
    private static final double CENTRE_BOX_DEGREES = 0.01;

    private PrecinctShapes() {
    }

    static void write(NcGeography geography, Path file) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeArrayFieldStart("features");
            for (NcGeography.County county : geography.counties) {
                for (int i = 0; i < county.precincts.length; i++) {
                    List<double[]> ring = shape(geography, county, i);
                    if (ring.size() < 3) continue;
                    feature(json, county, county.precincts[i], ring);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** The convex ring in (x = lon * LON_SCALE, y = lat), counter-clockwise, not closed. */
    static List<double[]> shape(NcGeography geography, NcGeography.County county, int index) {
        NcGeography.Precinct p = county.precincts[index];
        double minLat = p.latitude() - CENTRE_BOX_DEGREES;
        double maxLat = p.latitude() + CENTRE_BOX_DEGREES;
        double minLon = p.longitude() - CENTRE_BOX_DEGREES;
        double maxLon = p.longitude() + CENTRE_BOX_DEGREES;
        double[] extent = county.extents[index];
        if (extent != null) {
            minLat = Math.min(minLat, extent[0]);
            minLon = Math.min(minLon, extent[1]);
            maxLat = Math.max(maxLat, extent[2]);
            maxLon = Math.max(maxLon, extent[3]);
        }
        minLat -= MARGIN_DEGREES;
        minLon -= MARGIN_DEGREES;
        maxLat += MARGIN_DEGREES;
        maxLon += MARGIN_DEGREES;
        List<double[]> ring = new ArrayList<>(List.of(new double[] {minLon * LON_SCALE, minLat},
                new double[] {maxLon * LON_SCALE, minLat}, new double[] {maxLon * LON_SCALE, maxLat},
                new double[] {minLon * LON_SCALE, maxLat}));
        double[] centre = {p.longitude() * LON_SCALE, p.latitude()};
        for (int j = 0; j < county.precincts.length && ring.size() >= 3; j++) {
            if (j == index) continue;
            NcGeography.Precinct other = county.precincts[j];
            ring = nearerThan(ring, centre, new double[] {other.longitude() * LON_SCALE, other.latitude()});
        }
        double[] seat = {county.seatLongitude * LON_SCALE, county.seatLatitude};
        for (NcGeography.County other : geography.counties) {
            if (other == county || ring.size() < 3) continue;
            ring = nearerThan(ring, seat, new double[] {other.seatLongitude * LON_SCALE, other.seatLatitude});
        }
        return ring;
    }

    /** Sutherland-Hodgman against one half-plane: the points nearer {@code a} than {@code b}. */
    private static List<double[]> nearerThan(List<double[]> ring, double[] a, double[] b) {
        double nx = b[0] - a[0];
        double ny = b[1] - a[1];
        double c = (nx * (a[0] + b[0]) + ny * (a[1] + b[1])) / 2;
        List<double[]> out = new ArrayList<>(ring.size() + 1);
        for (int k = 0; k < ring.size(); k++) {
            double[] from = ring.get(k);
            double[] to = ring.get((k + 1) % ring.size());
            double fromSide = nx * from[0] + ny * from[1] - c;
            double toSide = nx * to[0] + ny * to[1] - c;
            if (fromSide <= 0) out.add(from);
            if ((fromSide < 0 && toSide > 0) || (fromSide > 0 && toSide < 0)) {
                double t = fromSide / (fromSide - toSide);
                out.add(new double[] {from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])});
            }
        }
        return out;
    }

    private static void feature(JsonGenerator json, NcGeography.County county, NcGeography.Precinct p,
                                List<double[]> ring) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("properties");
        json.writeStringField("precinct", p.abbrv());
        json.writeStringField("name", p.desc());
        json.writeStringField("county", county.desc);
        json.writeEndObject();
        json.writeObjectFieldStart("geometry");
        json.writeStringField("type", "Polygon");
        json.writeArrayFieldStart("coordinates");
        json.writeStartArray();
        for (int k = 0; k <= ring.size(); k++) {
            double[] point = ring.get(k % ring.size());
            json.writeStartArray();
            // Full precision: a door a metre from a border must stay on its side of it.
            json.writeNumber(point[0] / LON_SCALE);
            json.writeNumber(point[1]);
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }
}
