package org.muster.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the {@code within(...)} clauses as plain double arithmetic that SQL repeats operation for
 * operation ({@code org.muster.store.SegmentSql}), so both executors draw the same line through the same points:
 * no trigonometry on rows (SQLite has none without an extension), only on the clause's constants.
 */
public final class Geo {

    /** Kilometres per degree of latitude on a sphere of the Earth's mean radius (6,371 km). */
    public static final double KM_PER_DEGREE = 6371.0 * Math.PI / 180;

    private Geo() {
    }

    /**
     * A circle on the flat projection at its centre: {@code ((lat - lat0) * ky)^2 + ((lon - lon0) * kx)^2 <= r2}.
     * The bounding box is widened a little so it never drops a point the exact test keeps.
     */
    public record Circle(double lat0, double lon0, double ky, double kx, double r2,
            double minLat, double maxLat, double minLon, double maxLon) {

        public static Circle of(Filter.Within w) {
            double kx = KM_PER_DEGREE * Math.cos(Math.toRadians(w.lat()));
            double dLat = w.km() / KM_PER_DEGREE * 1.000001 + 1e-9;
            double dLon = kx <= 1e-9 ? 360 : w.km() / kx * 1.000001 + 1e-9;
            return new Circle(w.lat(), w.lon(), KM_PER_DEGREE, kx, w.km() * w.km(),
                    w.lat() - dLat, w.lat() + dLat, w.lon() - dLon, w.lon() + dLon);
        }

        public boolean contains(double lat, double lon) {
            double dy = (lat - lat0) * ky;
            double dx = (lon - lon0) * kx;
            return dy * dy + dx * dx <= r2;
        }
    }

    /**
     * A polygon for the even-odd crossing test. Each non-horizontal edge from (y1, x1) to (y2, x2) is kept with
     * {@code dx = x2 - x1} and {@code dy = y2 - y1} computed once; a point (y, x) crosses it when
     * {@code (y1 > y) != (y2 > y)} and {@code x < dx * (y - y1) / dy + x1}.
     */
    public record Polygon(List<Edge> edges, double minLat, double maxLat, double minLon, double maxLon) {

        public record Edge(double y1, double y2, double x1, double dx, double dy) {
        }

        public static Polygon of(Filter.WithinPolygon p) {
            List<double[]> pts = p.points();
            List<Edge> edges = new ArrayList<>();
            double minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE, minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE;
            for (int i = 0; i < pts.size(); i++) {
                double[] a = pts.get(i);
                double[] b = pts.get((i + 1) % pts.size());
                minLat = Math.min(minLat, a[0]);
                maxLat = Math.max(maxLat, a[0]);
                minLon = Math.min(minLon, a[1]);
                maxLon = Math.max(maxLon, a[1]);
                // A horizontal edge never crosses the ray, and leaving it out keeps SQL from dividing by zero.
                if (a[0] != b[0]) edges.add(new Edge(a[0], b[0], a[1], b[1] - a[1], b[0] - a[0]));
            }
            double margin = 1e-9;
            return new Polygon(List.copyOf(edges), minLat - margin, maxLat + margin, minLon - margin, maxLon + margin);
        }

        public boolean contains(double lat, double lon) {
            boolean inside = false;
            for (Edge e : edges) {
                if ((e.y1() > lat) != (e.y2() > lat) && lon < e.dx() * (lat - e.y1()) / e.dy() + e.x1()) inside = !inside;
            }
            return inside;
        }
    }
}
