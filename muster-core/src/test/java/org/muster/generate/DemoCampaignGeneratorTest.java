package org.muster.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.muster.reference.ReferenceCsv;

class DemoCampaignGeneratorTest {

    private static final int PEOPLE = 20_000;

    @TempDir
    static Path dir;
    static GeneratedFiles files;
    static List<String[]> voterRows;
    static List<String> header;

    @BeforeAll
    static void generate() throws IOException {
        files = DemoCampaignGenerator.generate(new GeneratorOptions(PEOPLE, 42, dir.resolve("a")), rows -> { });
        List<String> lines = Files.readAllLines(files.voterFile(), StandardCharsets.ISO_8859_1);
        header = split(lines.getFirst());
        voterRows = lines.stream().skip(1).map(l -> split(l).toArray(String[]::new)).toList();
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        for (String f : line.split("\t", -1)) {
            assertThat(f).startsWith("\"").endsWith("\"");
            fields.add(f.substring(1, f.length() - 1));
        }
        return fields;
    }

    private static int col(String name) {
        return header.indexOf(name);
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDiffers() throws IOException {
        GeneratedFiles again = DemoCampaignGenerator.generate(new GeneratorOptions(2_000, 7, dir.resolve("b")), r -> { });
        GeneratedFiles same = DemoCampaignGenerator.generate(new GeneratorOptions(2_000, 7, dir.resolve("c")), r -> { });
        GeneratedFiles other = DemoCampaignGenerator.generate(new GeneratorOptions(2_000, 8, dir.resolve("d")), r -> { });
        for (String name : List.of(DemoCampaignGenerator.VOTER_FILE, DemoCampaignGenerator.HISTORY_FILE,
                DemoCampaignGenerator.GEOCODE_FILE, DemoCampaignGenerator.GROUND_TRUTH_FILE,
                DemoCampaignGenerator.TRUTH_PERSONS_FILE, FlagLists.DEATHS_FILE, FlagLists.DEATHS_TRUTH_FILE,
                FlagLists.OTHER_STATE_FILE, FlagLists.OTHER_STATE_TRUTH_FILE)) {
            assertThat(Files.mismatch(dir.resolve("b").resolve(name), dir.resolve("c").resolve(name))).isEqualTo(-1);
        }
        assertThat(Files.mismatch(again.voterFile(), other.voterFile())).isNotEqualTo(-1);
        assertThat(same.voterRows()).isEqualTo(again.voterRows());
    }

    @Test
    void headersFollowTheNcLayoutsAndEveryRowHasAllColumns() throws IOException {
        List<String> layout = ReferenceCsv.rows("ncvoter/nc_ncvoter_layout_2022.csv").stream().map(r -> r[1]).toList();
        assertThat(header).isEqualTo(layout).hasSize(67);
        assertThat(voterRows).hasSize((int) files.voterRows()).allSatisfy(r -> assertThat(r).hasSize(67));
        assertThat(files.voterRows()).isEqualTo(PEOPLE + files.duplicates());

        List<String> history = Files.readAllLines(files.historyFile(), StandardCharsets.ISO_8859_1);
        List<String> historyLayout = ReferenceCsv.rows("ncvoter/nc_ncvhis_layout.csv").stream().map(r -> r[1]).toList();
        assertThat(split(history.getFirst())).isEqualTo(historyLayout);
        assertThat(history).hasSize((int) files.historyRows() + 1);
        assertThat(history.stream().skip(1)).allSatisfy(l -> assertThat(split(l)).hasSize(15));
        // Turnout is plausible: several votes per person over ten elections, presidential generals highest.
        Map<String, Long> byElection = history.stream().skip(1).map(l -> split(l).get(4))
                .collect(Collectors.groupingBy(e -> e, Collectors.counting()));
        assertThat(byElection.get("11/03/2020 GENERAL")).isGreaterThan(byElection.get("11/06/2018 GENERAL"));
        assertThat(byElection.get("11/06/2018 GENERAL")).isGreaterThan(byElection.get("05/08/2018 PRIMARY"));
        assertThat(files.historyRows() / (double) PEOPLE).isBetween(2.0, 6.0);
    }

    @Test
    void fileIsLatin1WithAccentedNamesAsSingleBytes() throws IOException {
        byte[] bytes = Files.readAllBytes(files.voterFile());
        int accented = 0;
        for (byte b : bytes) if ((b & 0xFF) >= 0xC0) accented++;
        assertThat(accented).isGreaterThan(10);
        // Latin-1 É is the single byte 0xC9: decoding as Latin-1 finds accented names, no UTF-8 pairs like "Ã".
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).containsPattern("\"[A-Z]*[ÁÉÍÓÚÑ][A-Z]*\"").doesNotContain("Ã");
    }

    @Test
    void theDeathAndOtherStateListsHoldEveryPlantedFateAndNamesakesWhoAreNotTheVoter() throws IOException {
        Map<String, String[]> byKey = new HashMap<>();
        for (String[] r : voterRows) byKey.put(r[col("county_id")] + "-" + r[col("voter_reg_num")], r);
        Map<String, String[]> deaths = new HashMap<>();
        for (String line : Files.readAllLines(files.deathsFile(), StandardCharsets.UTF_8).stream().skip(1).toList()) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(10);
            deaths.put(f[0], f);
        }
        List<String[]> deathTruth = Files.readAllLines(files.deathsTruthFile(), StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split(",", -1)).toList();
        assertThat(deathTruth).hasSize(deaths.size());
        assertThat(deathTruth.stream().filter(t -> t[1].equals("deceased")).count()).isEqualTo(files.deceased());
        for (String[] t : deathTruth) {
            String[] d = deaths.get(t[0]);
            switch (t[1]) {
                case "deceased" -> {
                    String[] v = byKey.get(t[2]);
                    assertThat(d[4]).startsWith(v[col("birth_year")] + "-");
                    if (!d[9].isEmpty()) assertThat(d[9]).isEqualTo(v[col("zip_code")]);
                }
                case "namesake" -> {
                    String[] v = byKey.get(t[4].substring(t[4].indexOf(" as ") + 4, t[4].indexOf(';')));
                    assertThat(List.of(d[1], d[2], d[3])).containsExactly(v[col("first_name")], v[col("middle_name")],
                            v[col("last_name")]);
                    assertThat(d[4]).startsWith(v[col("birth_year")] + "-");
                    assertThat(d[9]).isNotEqualTo(v[col("zip_code")]);
                }
                case "stranger" -> assertThat(t[2]).isEmpty();
                default -> throw new AssertionError("unknown kind " + t[1]);
            }
        }
        List<String> others = Files.readAllLines(files.otherStateFile(), StandardCharsets.UTF_8);
        assertThat(others.stream().skip(1).map(l -> l.split(",", -1)[8])).doesNotContain("NC").isNotEmpty();
        List<String[]> moveTruth = Files.readAllLines(files.otherStateTruthFile(), StandardCharsets.UTF_8).stream()
                .skip(1).map(l -> l.split(",", -1)).toList();
        assertThat(moveTruth).hasSize(others.size() - 1);
        assertThat(moveTruth.stream().filter(t -> t[1].equals("moved")).count()).isEqualTo(files.movedOutOfState());
        assertThat(moveTruth.stream().filter(t -> t[1].equals("namesake"))).isNotEmpty();
    }

    @Test
    void plantedFactsMatchTheirRatesAndExistInTheVoterFile() throws IOException {
        assertThat(files.duplicates() / (double) PEOPLE).isBetween(0.012, 0.03);
        assertThat(files.deceased() / (double) PEOPLE).isBetween(0.005, 0.02);
        assertThat(files.movedOutOfState() / (double) PEOPLE).isBetween(0.01, 0.02);
        assertThat(files.households()).isGreaterThan(PEOPLE / 6);

        Map<String, String[]> byKey = new HashMap<>();
        for (String[] r : voterRows) byKey.put(r[col("county_id")] + "-" + r[col("voter_reg_num")], r);
        assertThat(byKey).hasSize(voterRows.size());
        Map<String, String> truePerson = new HashMap<>();
        for (String[] r : ReferenceCsvTestFiles.rows(files.truthPersonsFile())) truePerson.put(r[0], r[2]);
        assertThat(truePerson.keySet()).isEqualTo(byKey.keySet());

        List<String[]> truth = ReferenceCsvTestFiles.rows(files.groundTruthFile());
        assertThat(truth.stream().filter(t -> t[0].equals("duplicate")).count()).isEqualTo(files.duplicates());
        for (String[] fact : truth) {
            for (String key : fact[1].split(";")) assertThat(byKey).containsKey(key);
        }
        for (String[] fact : truth) {
            String[] keys = fact[1].split(";");
            switch (fact[0]) {
                case "duplicate" -> {
                    String[] a = byKey.get(keys[0]);
                    String[] b = byKey.get(keys[1]);
                    assertThat(a[col("first_name")] + " " + a[col("last_name")])
                            .isNotEqualTo(b[col("first_name")] + " " + b[col("last_name")]);
                    assertThat(a[col("ncid")]).isNotEqualTo(b[col("ncid")]);
                    assertThat(truePerson.get(keys[0])).isEqualTo(truePerson.get(keys[1]));
                    assertThat(Math.abs(Integer.parseInt(a[col("birth_year")]) - Integer.parseInt(b[col("birth_year")])))
                            .isLessThanOrEqualTo(1);
                }
                case "deceased" -> assertThat(byKey.get(keys[0])[col("reason_cd")]).isIn("RD", "AV");
                case "moved_out_of_state" -> assertThat(byKey.get(keys[0])[col("status_cd")]).isIn("R", "I", "A");
                case "household" -> {
                    assertThat(keys.length).isBetween(2, 5);
                    assertThat(keys).extracting(k -> byKey.get(k)[col("res_street_address")]).containsOnly(
                            byKey.get(keys[0])[col("res_street_address")]);
                }
                default -> throw new AssertionError("unknown kind " + fact[0]);
            }
        }
        assertThat(voterRows).filteredOn(r -> r[col("reason_cd")].equals("R2")).isNotEmpty();
        assertThat(voterRows).filteredOn(r -> r[col("reason_cd")].equals("RD")).isNotEmpty();
    }

    @Test
    void partyMixAndAgesArePlausible() {
        Map<String, Long> parties = voterRows.stream()
                .collect(Collectors.groupingBy(r -> r[col("party_cd")], Collectors.counting()));
        assertThat(parties.get("DEM") / (double) voterRows.size()).isBetween(0.29, 0.37);
        assertThat(parties.get("REP") / (double) voterRows.size()).isBetween(0.26, 0.34);
        assertThat(parties.get("UNA") / (double) voterRows.size()).isBetween(0.31, 0.40);
        assertThat(voterRows).allSatisfy(r -> {
            int year = Integer.parseInt(r[col("birth_year")]);
            assertThat(year).isBetween(1930, 2008);
            assertThat(Integer.parseInt(r[col("age_at_year_end")])).isEqualTo(2026 - year);
            assertThat(Integer.parseInt(r[col("registr_dt")].substring(6))).isGreaterThanOrEqualTo(year + 18);
        });
    }

    @Test
    void precinctsAreCompactAreas() throws IOException {
        Map<String, double[]> points = new HashMap<>();
        for (String[] g : ReferenceCsvTestFiles.rows(files.geocodeFile())) {
            points.put(g[0], new double[] {Double.parseDouble(g[1]), Double.parseDouble(g[2])});
        }
        Map<String, List<double[]>> byPrecinct = new HashMap<>();
        Map<String, List<double[]>> byCounty = new HashMap<>();
        for (String[] r : voterRows) {
            double[] p = points.get(r[col("county_id")] + "-" + r[col("voter_reg_num")]);
            byPrecinct.computeIfAbsent(r[col("county_id")] + "/" + r[col("precinct_abbrv")], k -> new ArrayList<>()).add(p);
            byCounty.computeIfAbsent(r[col("county_id")], k -> new ArrayList<>()).add(p);
        }
        double toPrecinct = meanDistanceToCentroid(byPrecinct);
        double toCounty = meanDistanceToCentroid(byCounty);
        assertThat(toPrecinct).isLessThan(toCounty / 3);
        // Every precinct carries one set of districts.
        Map<String, String> districts = new HashMap<>();
        for (String[] r : voterRows) {
            String d = r[col("cong_dist_abbrv")] + "|" + r[col("nc_senate_abbrv")] + "|" + r[col("nc_house_abbrv")]
                    + "|" + r[col("ward_abbrv")] + "|" + r[col("municipality_abbrv")];
            assertThat(districts.putIfAbsent(r[col("county_id")] + "/" + r[col("precinct_abbrv")], d)).isIn(null, d);
        }
    }

    @Test
    void neighboursShareStreetsWithDoorsInOrderAndOddAndEvenOnOppositeSides() throws IOException {
        Map<String, double[]> points = geocodes();
        // street|zip -> house number -> point (people of one household, or of one apartment building, share a door)
        Map<String, Map<Integer, double[]>> streets = new HashMap<>();
        for (String[] r : voterRows) {
            String address = r[col("res_street_address")];
            int apartment = address.indexOf(" APT ");
            String door = apartment < 0 ? address : address.substring(0, apartment);
            int space = door.indexOf(' ');
            streets.computeIfAbsent(door.substring(space + 1) + "|" + r[col("zip_code")], k -> new HashMap<>())
                    .put(Integer.parseInt(door.substring(0, space)), points.get(r[col("county_id")] + "-" + r[col("voter_reg_num")]));
        }
        long doors = streets.values().stream().mapToLong(Map::size).sum();
        long doorsOnBusyStreets = streets.values().stream().filter(s -> s.size() >= 4).mapToLong(Map::size).sum();
        assertThat(doorsOnBusyStreets).isGreaterThan(doors * 8 / 10);

        int blocksChecked = 0;
        for (Map<Integer, double[]> street : streets.values()) {
            for (Map.Entry<Integer, double[]> e : street.entrySet()) {
                int n = e.getKey();
                double[] next = street.get(n + 2);
                if (next == null || (n + 2) / 100 != n / 100) continue;
                // Doors of one side of a block follow each other along the street, about 30 m apart.
                assertThat(metres(e.getValue(), next)).isBetween(25.0, 35.0);
                if (n % 2 != 0 || n % 100 > 94) continue;
                double[] from = xy(e.getValue());
                double[] to = xy(next);
                double[] along = {to[0] - from[0], to[1] - from[1]};
                double length = Math.hypot(along[0], along[1]);
                Integer side = null;
                // Near doors only: coordinates are rounded to a metre, so a line from two doors drifts far away.
                for (int near : new int[] {n + 1, n + 3, n + 4}) {
                    if (!street.containsKey(near)) continue;
                    double[] p = xy(street.get(near));
                    double offset = (along[0] * (p[1] - from[1]) - along[1] * (p[0] - from[0])) / length;
                    if (near % 2 == 0) {
                        assertThat(Math.abs(offset)).isLessThan(8.0);
                    } else {
                        // Odd doors face the even ones across the street, all on the same side.
                        assertThat(Math.abs(offset)).isBetween(20.0, 40.0);
                        if (side == null) side = (int) Math.signum(offset);
                        assertThat((int) Math.signum(offset)).isEqualTo(side);
                    }
                }
                blocksChecked++;
            }
        }
        assertThat(blocksChecked).isGreaterThan(PEOPLE / 20);
    }

    @Test
    void precinctShapesAreDisjointPolygonsHoldingEveryAddressOfTheirPrecinct() throws IOException {
        Map<String, Geometry> shapes = new HashMap<>();
        GeometryFactory geometry = new GeometryFactory();
        JsonNode collection = new ObjectMapper().readTree(files.precinctShapesFile().toFile());
        assertThat(collection.get("type").asText()).isEqualTo("FeatureCollection");
        for (JsonNode feature : collection.get("features")) {
            JsonNode ring = feature.get("geometry").get("coordinates").get(0);
            Coordinate[] coordinates = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                coordinates[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
            }
            Polygon polygon = geometry.createPolygon(coordinates);
            assertThat(polygon.isValid()).isTrue();
            assertThat(Orientation.isCCW(polygon.getExteriorRing().getCoordinates())).isTrue();
            assertThat(shapes.put(feature.get("properties").get("precinct").asText(), polygon)).isNull();
        }
        Map<String, double[]> points = geocodes();
        for (String[] r : voterRows) {
            double[] p = points.get(r[col("county_id")] + "-" + r[col("voter_reg_num")]);
            Geometry shape = shapes.get(r[col("precinct_abbrv")]);
            assertThat(shape).isNotNull();
            assertThat(shape.covers(geometry.createPoint(new Coordinate(p[1], p[0]))))
                    .as("%s in %s", r[col("res_street_address")], r[col("precinct_abbrv")]).isTrue();
        }
        double areaSum = shapes.values().stream().mapToDouble(Geometry::getArea).sum();
        double unionArea = UnaryUnionOp.union(shapes.values()).getArea();
        assertThat(unionArea).isCloseTo(areaSum, Offset.offset(areaSum * 1e-6));
    }

    private static Map<String, double[]> geocodes() throws IOException {
        Map<String, double[]> points = new HashMap<>();
        for (String[] g : ReferenceCsvTestFiles.rows(files.geocodeFile())) {
            points.put(g[0], new double[] {Double.parseDouble(g[1]), Double.parseDouble(g[2])});
        }
        return points;
    }

    /** A point in metres (east, north), from latitude and longitude. */
    private static double[] xy(double[] latLon) {
        return new double[] {latLon[1] * StreetLayout.METRES_PER_DEGREE_LON, latLon[0] * StreetLayout.METRES_PER_DEGREE_LAT};
    }

    private static double metres(double[] a, double[] b) {
        return Math.hypot((a[0] - b[0]) * StreetLayout.METRES_PER_DEGREE_LAT,
                (a[1] - b[1]) * StreetLayout.METRES_PER_DEGREE_LON);
    }

    private static double meanDistanceToCentroid(Map<String, List<double[]>> groups) {
        double sum = 0;
        int n = 0;
        for (List<double[]> group : groups.values()) {
            double lat = group.stream().mapToDouble(p -> p[0]).average().orElseThrow();
            double lon = group.stream().mapToDouble(p -> p[1]).average().orElseThrow();
            for (double[] p : group) {
                sum += Math.hypot(p[0] - lat, (p[1] - lon) * 0.814);
                n++;
            }
        }
        return sum / n;
    }
}
