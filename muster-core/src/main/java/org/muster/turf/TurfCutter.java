package org.muster.turf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPoint;

/**
 * Cuts doors into turfs and orders each turf into a walking route.
 *
 * <p>Grouping is recursive bisection: a group due k turfs is split across its longer side at the door that leaves
 * ⌊k/2⌋/k of the doors on one side, and each half is split again, so every turf gets its share of doors (target
 * ± 1) and is a compact block of the map rather than a strip. With {@code withinPrecincts} each precinct is cut on
 * its own, so no turf crosses a precinct line.
 *
 * <p>Routing starts at the door farthest from the turf's centre (an end of the turf, so the walk does not start in
 * the middle), builds a nearest-neighbour path, then improves it with 2-opt (reverse a stretch) and Or-opt (move
 * a run of 1-3 doors elsewhere, either way round) until neither finds a shorter walk. Routes are open: they end
 * at the last door. Distances are straight lines on a local flat projection of the turf (haversine agrees to well
 * under 0.1% at a turf's scale); streets are not modelled.
 */
public final class TurfCutter {

    /** Metres per degree of latitude (and of longitude at the equator). */
    static final double METRES_PER_DEGREE = 111_320;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** @param targetDoors doors per turf wanted; @param withinPrecincts cut each precinct on its own */
    public record Options(int targetDoors, boolean withinPrecincts) {
        public Options {
            if (targetDoors < 1 || targetDoors > 10_000) {
                throw new IllegalArgumentException("a turf needs between 1 and 10000 doors, not " + targetDoors);
            }
        }
    }

    private TurfCutter() {
    }

    /** The turfs, precinct by precinct (in precinct order) when cut within precincts, each in route order. */
    public static List<CutTurf> cut(List<Door> doors, Options options) {
        Map<String, List<Door>> groups = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (Door d : doors) {
            groups.computeIfAbsent(options.withinPrecincts() ? d.precinct() : null, k -> new ArrayList<>()).add(d);
        }
        List<CutTurf> turfs = new ArrayList<>();
        groups.forEach((precinct, group) -> {
            int k = (int) Math.max(1, Math.round(group.size() / (double) options.targetDoors()));
            double cosLat = Math.cos(Math.toRadians(group.stream().mapToDouble(Door::latitude).average().orElse(0)));
            Door[] array = group.toArray(Door[]::new);
            bisect(array, 0, array.length, k, cosLat, part -> turfs.add(turf(part, options.withinPrecincts() ? precinct : commonPrecinct(part))));
        });
        return turfs;
    }

    private interface Sink {
        void accept(List<Door> turf);
    }

    private static void bisect(Door[] doors, int from, int to, int k, double cosLat, Sink sink) {
        if (k == 1) {
            sink.accept(Arrays.asList(Arrays.copyOfRange(doors, from, to)));
            return;
        }
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = from; i < to; i++) {
            double x = doors[i].longitude() * cosLat;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, doors[i].latitude());
            maxY = Math.max(maxY, doors[i].latitude());
        }
        Comparator<Door> along = maxX - minX >= maxY - minY ? Comparator.comparingDouble(Door::longitude)
                : Comparator.comparingDouble(Door::latitude);
        Arrays.sort(doors, from, to, along.thenComparingLong(Door::householdId));
        int left = k / 2;
        int split = from + (int) Math.round((to - from) * (double) left / k);
        bisect(doors, from, split, left, cosLat, sink);
        bisect(doors, split, to, k - left, cosLat, sink);
    }

    private static String commonPrecinct(List<Door> doors) {
        String first = doors.getFirst().precinct();
        for (Door d : doors) if (!Objects.equals(first, d.precinct())) return null;
        return first;
    }

    private static CutTurf turf(List<Door> doors, String precinct) {
        double[][] xy = project(doors);
        int[] order = route(xy);
        List<Door> ordered = new ArrayList<>(order.length);
        for (int i : order) ordered.add(doors.get(i));
        return new CutTurf(List.copyOf(ordered), precinct, length(xy, order), compactness(xy));
    }

    /** Metres east and north of the turf's first door. */
    static double[][] project(List<Door> doors) {
        double lat0 = doors.getFirst().latitude();
        double lon0 = doors.getFirst().longitude();
        double cosLat = Math.cos(Math.toRadians(lat0));
        double[][] xy = new double[doors.size()][];
        for (int i = 0; i < xy.length; i++) {
            Door d = doors.get(i);
            xy[i] = new double[] {(d.longitude() - lon0) * cosLat * METRES_PER_DEGREE, (d.latitude() - lat0) * METRES_PER_DEGREE};
        }
        return xy;
    }

    /** Length of the open path visiting the points in the given order. */
    public static double length(double[][] xy, int[] order) {
        double total = 0;
        for (int i = 1; i < order.length; i++) total += distance(xy[order[i - 1]], xy[order[i]]);
        return total;
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** An open walking route over the points: the order to visit them in. */
    public static int[] route(double[][] xy) {
        int n = xy.length;
        if (n <= 2) {
            int[] trivial = new int[n];
            for (int i = 0; i < n; i++) trivial[i] = i;
            return trivial;
        }
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) d[i][j] = d[j][i] = distance(xy[i], xy[j]);
        return improve(d, nearestNeighbour(d, farthestFromCentre(xy)));
    }

    /** Improves an open route whose first stop stays first: 2-opt and Or-opt until neither helps. */
    public static int[] improve(double[][] d, int[] start) {
        int[] route = start.clone();
        boolean improved = true;
        for (int round = 0; improved && round < 1_000; round++) {
            improved = twoOpt(d, route) | orOpt(d, route);
        }
        return route;
    }

    static int farthestFromCentre(double[][] xy) {
        double cx = 0, cy = 0;
        for (double[] p : xy) {
            cx += p[0];
            cy += p[1];
        }
        cx /= xy.length;
        cy /= xy.length;
        int best = 0;
        double bestDistance = -1;
        for (int i = 0; i < xy.length; i++) {
            double dist = Math.hypot(xy[i][0] - cx, xy[i][1] - cy);
            if (dist > bestDistance) {
                bestDistance = dist;
                best = i;
            }
        }
        return best;
    }

    private static int[] nearestNeighbour(double[][] d, int first) {
        int n = d.length;
        int[] route = new int[n];
        boolean[] visited = new boolean[n];
        route[0] = first;
        visited[first] = true;
        for (int i = 1; i < n; i++) {
            int from = route[i - 1];
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (!visited[j] && (best < 0 || d[from][j] < d[from][best])) best = j;
            }
            route[i] = best;
            visited[best] = true;
        }
        return route;
    }

    /** One pass of 2-opt on an open route with a fixed first stop; true when the route got shorter. */
    private static boolean twoOpt(double[][] d, int[] r) {
        int n = r.length;
        boolean improved = false;
        for (int i = 1; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                double before = d[r[i - 1]][r[i]] + (j + 1 < n ? d[r[j]][r[j + 1]] : 0);
                double after = d[r[i - 1]][r[j]] + (j + 1 < n ? d[r[i]][r[j + 1]] : 0);
                if (after < before - 1e-9) {
                    reverse(r, i, j);
                    improved = true;
                }
            }
        }
        return improved;
    }

    /**
     * One pass of Or-opt: each run of 1-3 stops (never the first stop) is tried between every other pair of
     * neighbours and at the end, in both directions; the best move of each run is made if it shortens the route.
     */
    private static boolean orOpt(double[][] d, int[] r) {
        int n = r.length;
        boolean improved = false;
        for (int len = 1; len <= 3; len++) {
            for (int i = 1; i + len <= n; i++) {
                int j = i + len - 1;
                int prev = r[i - 1];
                int first = r[i];
                int last = r[j];
                double removed = d[prev][first] + (j + 1 < n ? d[last][r[j + 1]] - d[prev][r[j + 1]] : 0);
                double bestGain = 1e-9;
                int bestAt = -1;
                boolean bestReversed = false;
                // Insert after position p (p outside [i-1, j]), between r[p] and r[p+1] (or at the end).
                for (int p = 0; p < n; p++) {
                    if (p >= i - 1 && p <= j) continue;
                    int a = r[p];
                    boolean end = p + 1 >= n;
                    int b = end ? -1 : r[p + 1];
                    double base = end ? 0 : d[a][b];
                    double forward = d[a][first] + (end ? 0 : d[last][b]) - base;
                    double backward = d[a][last] + (end ? 0 : d[first][b]) - base;
                    if (removed - forward > bestGain) {
                        bestGain = removed - forward;
                        bestAt = p;
                        bestReversed = false;
                    }
                    if (removed - backward > bestGain) {
                        bestGain = removed - backward;
                        bestAt = p;
                        bestReversed = true;
                    }
                }
                if (bestAt >= 0) {
                    move(r, i, j, bestAt, bestReversed);
                    improved = true;
                }
            }
        }
        return improved;
    }

    /** Moves r[i..j] to just after the stop now at position p, reversed if asked. */
    private static void move(int[] r, int i, int j, int p, boolean reversed) {
        int len = j - i + 1;
        int[] run = Arrays.copyOfRange(r, i, j + 1);
        if (reversed) {
            for (int a = 0, b = len - 1; a < b; a++, b--) {
                int t = run[a];
                run[a] = run[b];
                run[b] = t;
            }
        }
        int[] rest = new int[r.length - len];
        int at = 0;
        int insertAt = -1;
        for (int k = 0; k < r.length; k++) {
            if (k >= i && k <= j) continue;
            rest[at++] = r[k];
            if (k == p) insertAt = at;
        }
        System.arraycopy(rest, 0, r, 0, insertAt);
        System.arraycopy(run, 0, r, insertAt, len);
        System.arraycopy(rest, insertAt, r, insertAt + len, rest.length - insertAt);
    }

    private static void reverse(int[] r, int i, int j) {
        for (; i < j; i++, j--) {
            int t = r[i];
            r[i] = r[j];
            r[j] = t;
        }
    }

    /** Polsby-Popper of the convex hull, 4πA/P²: 1 for a disc, about 0.785 for a square, 0 for doors in a line. */
    static double compactness(double[][] xy) {
        if (xy.length == 1) return 1;
        Coordinate[] points = new Coordinate[xy.length];
        for (int i = 0; i < xy.length; i++) points[i] = new Coordinate(xy[i][0], xy[i][1]);
        MultiPoint multi = GEOMETRY.createMultiPointFromCoords(points);
        Geometry hull = multi.convexHull();
        double perimeter = hull.getLength();
        return perimeter == 0 ? 1 : 4 * Math.PI * hull.getArea() / (perimeter * perimeter);
    }
}
