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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
                DemoCampaignGenerator.TRUTH_PERSONS_FILE)) {
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
