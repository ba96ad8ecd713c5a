package org.muster.bench;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;
import com.graphhopper.jsprit.core.util.VehicleRoutingTransportCostsMatrix;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.turf.CutTurf;
import org.muster.turf.Door;
import org.muster.turf.TurfCutter;
import org.muster.voterfile.Layout;
import org.muster.voterfile.NcLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./muster bench turf}: households of a generated campaign (doors along streets, real precincts) cut into
 * turfs of the target size, timed; then the routes of sample turfs against jsprit's on the same doors, the same
 * start door, open routes and the same straight-line metres, so the ratio compares only the route search.
 */
@Command(name = "turf", mixinStandardHelpOptions = true, description = "Turf cutting speed, and route length vs jsprit.")
final class TurfBench implements Callable<Integer> {

    @Option(names = "--households", description = "Households to cut (default: ${DEFAULT-VALUE}).")
    int households = 100_000;

    @Option(names = "--target", description = "Doors per turf (default: ${DEFAULT-VALUE}).")
    int target = 60;

    @Option(names = "--samples", description = "Turfs routed by jsprit too (default: ${DEFAULT-VALUE}).")
    int samples = 20;

    @Option(names = "--jsprit-iterations", description = "jsprit search iterations per turf (default: ${DEFAULT-VALUE}).")
    int jspritIterations = 2_000;

    @Option(names = "--runs", description = "Timed cuts of each kind; the best is reported (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Override
    public Integer call() throws Exception {
        List<Door> doors = doors(households);
        System.out.printf(Locale.ROOT, "%,d households from a generated campaign, target %d doors per turf%n", doors.size(), target);
        List<CutTurf> turfs = null;
        for (boolean within : new boolean[] {true, false}) {
            long best = Long.MAX_VALUE;
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                turfs = TurfCutter.cut(doors, new TurfCutter.Options(target, within));
                best = Math.min(best, System.nanoTime() - start);
            }
            double meanDoors = doors.size() / (double) turfs.size();
            double meanRoute = turfs.stream().mapToDouble(CutTurf::routeMetres).average().orElse(0);
            double meanCompactness = turfs.stream().mapToDouble(CutTurf::compactness).average().orElse(0);
            System.out.printf(Locale.ROOT, "cut %s precincts: %,d turfs in %.2f s (best of %d); mean %.1f doors, route %.0f m, "
                            + "compactness %.2f%n", within ? "within" : "across", turfs.size(), best / 1e9, runs, meanDoors,
                    meanRoute, meanCompactness);
        }
        // Routes: sample turfs of the last cut, evenly spread over it.
        double sumRatio = 0;
        double worst = 0;
        double sumOurs = 0;
        double sumJsprit = 0;
        int n = Math.min(samples, turfs.size());
        for (int s = 0; s < n; s++) {
            CutTurf turf = turfs.get((int) ((long) s * turfs.size() / n));
            double[][] xy = projected(turf.doors());
            int[] ours = new int[xy.length];
            for (int i = 0; i < ours.length; i++) ours[i] = i;
            double oursMetres = TurfCutter.length(xy, ours);
            double jspritMetres = jsprit(xy);
            double ratio = oursMetres / jspritMetres;
            sumRatio += ratio;
            worst = Math.max(worst, ratio);
            sumOurs += oursMetres;
            sumJsprit += jspritMetres;
            System.out.printf(Locale.ROOT, "  turf %d: %d doors, muster %.0f m, jsprit %.0f m, ratio %.3f%n", s + 1,
                    xy.length, oursMetres, jspritMetres, ratio);
        }
        System.out.printf(Locale.ROOT, "route length muster/jsprit over %d turfs: mean ratio %.3f, total ratio %.3f, worst %.3f "
                + "(target <= 1.10)%n", n, sumRatio / n, sumOurs / sumJsprit, worst);
        return 0;
    }

    /** Metres on a local flat projection; the doors are in muster's route order. */
    private static double[][] projected(List<Door> doors) {
        double cos = Math.cos(Math.toRadians(doors.getFirst().latitude()));
        double[][] xy = new double[doors.size()][];
        for (int i = 0; i < xy.length; i++) {
            Door d = doors.get(i);
            xy[i] = new double[] {d.longitude() * cos * 111_320, d.latitude() * 111_320};
        }
        return xy;
    }

    /** jsprit's open route from point 0 through all others, on the same distances. */
    private double jsprit(double[][] xy) {
        VehicleRoutingTransportCostsMatrix.Builder costs = VehicleRoutingTransportCostsMatrix.Builder.newInstance(true);
        for (int i = 0; i < xy.length; i++) {
            for (int j = i + 1; j < xy.length; j++) {
                double d = Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
                costs.addTransportDistance(Integer.toString(i), Integer.toString(j), d);
                costs.addTransportTime(Integer.toString(i), Integer.toString(j), d);
            }
        }
        VehicleImpl walker = VehicleImpl.Builder.newInstance("walker").setStartLocation(Location.newInstance("0"))
                .setReturnToDepot(false).setType(VehicleTypeImpl.Builder.newInstance("foot").build()).build();
        VehicleRoutingProblem.Builder problem = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE).addVehicle(walker).setRoutingCost(costs.build());
        for (int i = 1; i < xy.length; i++) {
            problem.addJob(Service.Builder.newInstance("door" + i).setLocation(Location.newInstance(Integer.toString(i))).build());
        }
        VehicleRoutingAlgorithm algorithm = Jsprit.createAlgorithm(problem.build());
        algorithm.setMaxIterations(jspritIterations);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        if (!best.getUnassignedJobs().isEmpty()) throw new IllegalStateException("jsprit left doors unvisited");
        VehicleRoute route = best.getRoutes().iterator().next();
        double total = 0;
        int at = 0;
        for (TourActivity a : route.getActivities()) {
            int next = Integer.parseInt(a.getLocation().getId());
            total += Math.hypot(xy[at][0] - xy[next][0], xy[at][1] - xy[next][1]);
            at = next;
        }
        return total;
    }

    /** Doors (households) of a generated campaign big enough to hold {@code wanted} of them, with their people. */
    static List<Door> doors(int wanted) throws Exception {
        Path dir = Files.createTempDirectory("muster-turf-bench-");
        // About 2.5 registrations per household: generate enough people, then keep the first households.
        GeneratedFiles files = DemoCampaignGenerator.generate(new GeneratorOptions((int) (wanted * 2.7), 11, dir), n -> { });
        Map<String, double[]> points = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(files.geocodeFile(), StandardCharsets.ISO_8859_1)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                points.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        Layout v = NcLayout.VOTER;
        int county = v.index("county_id");
        int regNum = v.index("voter_reg_num");
        int street = v.index("res_street_address");
        int zip = v.index("zip_code");
        int precinct = v.index("precinct_abbrv");
        Map<String, List<long[]>> people = new LinkedHashMap<>();
        Map<String, Object[]> where = new HashMap<>();
        long personId = 0;
        try (BufferedReader in = Files.newBufferedReader(files.voterFile(), StandardCharsets.ISO_8859_1)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", -1);
                String key = unquote(f[street]) + "|" + unquote(f[zip]);
                personId++;
                if (!people.containsKey(key) && people.size() == wanted) continue;
                people.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {personId});
                where.putIfAbsent(key, new Object[] {points.get(unquote(f[county]) + "-" + unquote(f[regNum])), unquote(f[precinct])});
            }
        }
        List<Door> doors = new ArrayList<>(people.size());
        long householdId = 0;
        for (Map.Entry<String, List<long[]>> e : people.entrySet()) {
            Object[] w = where.get(e.getKey());
            double[] p = (double[]) w[0];
            doors.add(new Door(++householdId, p[0], p[1], (String) w[1], e.getValue().stream().mapToLong(a -> a[0]).toArray()));
        }
        return doors;
    }

    private static String unquote(String field) {
        return field.length() >= 2 ? field.substring(1, field.length() - 1) : field;
    }
}
