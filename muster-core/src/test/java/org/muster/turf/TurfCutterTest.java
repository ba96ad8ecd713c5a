package org.muster.turf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TurfCutterTest {

    private static final double METRE = 1 / TurfCutter.METRES_PER_DEGREE;

    /** Doors on a grid of blocks near Raleigh, spaced in metres, with precincts as vertical bands. */
    private static List<Door> grid(int columns, int rows, double spacing, int precinctBands) {
        List<Door> doors = new ArrayList<>();
        long id = 1;
        double cos = Math.cos(Math.toRadians(35.78));
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) {
                String precinct = "P" + (c * precinctBands / columns);
                doors.add(new Door(id, 35.78 + r * spacing * METRE, -78.64 + c * spacing * METRE / cos, precinct, new long[] {id * 10, id * 10 + 1}));
                id++;
            }
        }
        Collections.shuffle(doors, new Random(7));
        return doors;
    }

    @Test
    void everyDoorLandsInExactlyOneTurfOfTheTargetSize() {
        List<Door> doors = grid(40, 30, 30, 1);
        List<CutTurf> turfs = TurfCutter.cut(doors, new TurfCutter.Options(60, false));
        assertThat(turfs).hasSize(20).allSatisfy(t -> assertThat(t.doors()).hasSize(60));
        Set<Long> seen = new HashSet<>();
        for (CutTurf t : turfs) for (Door d : t.doors()) assertThat(seen.add(d.householdId())).isTrue();
        assertThat(seen).hasSize(doors.size());
        assertThat(turfs.getFirst().people()).isEqualTo(120);
        // Blocks of a grid, not strips: hulls of 60 grid doors cut by bisection are squares or 2:1 rectangles.
        assertThat(turfs).allSatisfy(t -> assertThat(t.compactness()).isGreaterThan(0.55));
        // 60 doors 30 m apart: a serpentine walk is 59 × 30 m; a good route is close to that.
        assertThat(turfs).allSatisfy(t -> assertThat(t.routeMetres()).isBetween(59 * 30.0 - 1, 59 * 30 * 1.15));
    }

    @Test
    void withinPrecinctsNoTurfCrossesAPrecinctLine() {
        List<Door> doors = grid(45, 20, 30, 3);
        List<CutTurf> within = TurfCutter.cut(doors, new TurfCutter.Options(70, true));
        assertThat(within).allSatisfy(t -> {
            assertThat(t.precinct()).isNotNull();
            assertThat(t.doors()).allSatisfy(d -> assertThat(d.precinct()).isEqualTo(t.precinct()));
        });
        assertThat(within.stream().map(CutTurf::precinct).distinct()).containsExactly("P0", "P1", "P2");
        // Ignoring precincts, some turf of this cut spans two bands (the cut lines do not fall on band edges).
        List<CutTurf> across = TurfCutter.cut(doors, new TurfCutter.Options(70, false));
        assertThat(across).anySatisfy(t -> assertThat(t.precinct()).isNull());
    }

    @Test
    void doorsAlongOneStreetAreWalkedEndToEnd() {
        double[][] xy = new double[25][];
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < 25; i++) positions.add(i);
        Collections.shuffle(positions, new Random(3));
        for (int i = 0; i < 25; i++) xy[i] = new double[] {positions.get(i) * 30.0, 0};
        int[] order = TurfCutter.route(xy);
        assertThat(order).hasSize(25).doesNotHaveDuplicates();
        assertThat(TurfCutter.length(xy, order)).isCloseTo(24 * 30.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void routesOfSmallTurfsAreNearTheOptimumFromTheSameStart() {
        Random random = new Random(11);
        double worst = 1;
        double sum = 0;
        int instances = 40;
        for (int t = 0; t < instances; t++) {
            double[][] xy = new double[8][];
            for (int i = 0; i < xy.length; i++) xy[i] = new double[] {random.nextDouble() * 500, random.nextDouble() * 500};
            int[] order = TurfCutter.route(xy);
            assertThat(order).doesNotHaveDuplicates().hasSize(8);
            double ratio = TurfCutter.length(xy, order) / optimum(xy, order[0]);
            worst = Math.max(worst, ratio);
            sum += ratio;
        }
        assertThat(worst).isLessThan(1.08);
        assertThat(sum / instances).isLessThan(1.01);
    }

    /** Shortest open path from {@code start} through all points, by trying every order. */
    private static double optimum(double[][] xy, int start) {
        int[] rest = new int[xy.length - 1];
        for (int i = 0, k = 0; i < xy.length; i++) if (i != start) rest[k++] = i;
        return best(xy, start, rest, 0);
    }

    private static double best(double[][] xy, int at, int[] rest, int from) {
        if (from == rest.length) return 0;
        double best = Double.MAX_VALUE;
        for (int i = from; i < rest.length; i++) {
            swap(rest, from, i);
            double d = Math.hypot(xy[at][0] - xy[rest[from]][0], xy[at][1] - xy[rest[from]][1]) + best(xy, rest[from], rest, from + 1);
            best = Math.min(best, d);
            swap(rest, from, i);
        }
        return best;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    @Test
    void smallAndDegenerateInputs() {
        assertThat(TurfCutter.cut(List.of(), new TurfCutter.Options(60, true))).isEmpty();
        Door one = new Door(1, 35.78, -78.64, null, new long[] {1});
        Door sameSpot = new Door(2, 35.78, -78.64, null, new long[] {2});
        List<CutTurf> turfs = TurfCutter.cut(List.of(one, sameSpot), new TurfCutter.Options(60, true));
        assertThat(turfs).singleElement().satisfies(t -> {
            assertThat(t.doors()).hasSize(2);
            assertThat(t.routeMetres()).isZero();
            assertThat(t.compactness()).isEqualTo(1.0);
        });
        assertThatThrownBy(() -> new TurfCutter.Options(0, false)).hasMessageContaining("between 1 and 10000");
    }
}
