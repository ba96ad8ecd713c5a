package org.muster.generate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.reference.ReferenceCsv;
import org.muster.voterfile.NcHistoryFile;
import org.muster.voterfile.NcVoterFile;
import org.muster.voterfile.Row;

/**
 * The generated campaign rewritten in the Ohio SWVF and Florida extract layouts, so each adapter is tested on the
 * same people in its real layout: the same names, addresses, statuses, districts and votes, under registration keys in
 * the state's form (Ohio SOS_VOTERID "OH" + digits, Florida a numeric voter id), with the ground truth rewritten to
 * those keys. Ohio's history is inline (one column per election), so the history is held per registration while the
 * voter file is written: fine at generator sizes, not a streaming path.
 */
public final class OtherStateLayouts {

    /** The layouts the generator writes besides NC's. */
    public enum Format { OH, FL }

    private static final Pattern NC_KEY = Pattern.compile("(\\d+)-(\\d+)");

    private OtherStateLayouts() {
    }

    /** Rewrites {@code nc} (a generation in the NC layout) into {@code format} in the same folder. */
    public static GeneratedFiles write(GeneratedFiles nc, Format format) throws IOException {
        Path dir = nc.voterFile().getParent();
        String prefix = format.name().toLowerCase(Locale.ROOT);
        Path voters = dir.resolve(format == Format.OH ? "SWVF_demo.txt" : "FL_demo_voters.txt");
        Path history = format == Format.OH ? null : dir.resolve("FL_demo_history.txt");
        Path truth = dir.resolve(prefix + "_" + DemoCampaignGenerator.GROUND_TRUTH_FILE);
        Path persons = dir.resolve(prefix + "_" + DemoCampaignGenerator.TRUTH_PERSONS_FILE);
        long historyRows;
        if (format == Format.OH) {
            historyRows = writeOhio(nc, voters);
        } else {
            writeFlorida(nc, voters);
            historyRows = writeFloridaHistory(nc, history);
        }
        rekey(nc.groundTruthFile(), truth, 1, format);
        rekey(nc.truthPersonsFile(), persons, 0, format);
        return new GeneratedFiles(voters, history, null, truth, persons, null, null, null, null, null, nc.people(), nc.voterRows(), historyRows,
                nc.duplicates(), nc.deceased(), nc.movedOutOfState(), nc.households());
    }

    /** The registration key of an NC key ("12-000000001234") in the state's form. */
    public static String key(String ncKey, Format format) {
        Matcher m = NC_KEY.matcher(ncKey);
        if (!m.matches()) throw new IllegalArgumentException("Not an NC registration key: " + ncKey);
        String digits = String.format(Locale.ROOT, "%03d", Integer.parseInt(m.group(1))) + m.group(2);
        return format == Format.OH ? "OH" + digits : digits;
    }

    private static long writeOhio(GeneratedFiles nc, Path out) throws IOException {
        Map<String, Integer> elections = new LinkedHashMap<>();
        Map<String, String[]> ballots = new HashMap<>();
        List<Row> votes = new ArrayList<>();
        NcHistoryFile.read(nc.historyFile(), votes::add, bad -> { });
        for (Row v : votes) {
            String column = electionType(v.get("election_desc")) + "-" + v.get("election_lbl");
            elections.putIfAbsent(column, elections.size());
        }
        for (Row v : votes) {
            String column = electionType(v.get("election_desc")) + "-" + v.get("election_lbl");
            String[] marks = ballots.computeIfAbsent(v.get("county_id") + "-" + v.get("voter_reg_num"),
                    k -> new String[elections.size()]);
            String party = v.get("voted_party_cd");
            marks[elections.get(column)] = party != null && column.startsWith("PRIMARY") ? party.substring(0, 1) : "X";
        }
        List<String> fixed = ReferenceCsv.rows("voterlayouts/oh_fl_layouts.csv").stream()
                .filter(r -> r[0].equals("OH") && !r[2].startsWith("<")).map(r -> r[2]).toList();
        try (Latin1RowWriter w = new Latin1RowWriter(out, ',', true)) {
            for (String c : fixed) w.field(c);
            for (String c : elections.keySet()) w.field(c);
            w.endRow();
            Map<String, String> row = new HashMap<>();
            NcVoterFile.read(nc.voterFile(), r -> {
                row.clear();
                String ncKey = NcVoterFile.registrationKey(r.get("county_id"), r.get("voter_reg_num"));
                int county = Integer.parseInt(r.get("county_id"));
                row.put("SOS_VOTERID", key(ncKey, Format.OH));
                row.put("COUNTY_NUMBER", Integer.toString((county - 1) % 88 + 1));
                row.put("COUNTY_ID", r.get("voter_reg_num"));
                row.put("LAST_NAME", r.get("last_name"));
                row.put("FIRST_NAME", r.get("first_name"));
                row.put("MIDDLE_NAME", r.get("middle_name"));
                row.put("SUFFIX", r.get("name_suffix_lbl"));
                row.put("DATE_OF_BIRTH", r.get("birth_year") + "-07-01");
                row.put("REGISTRATION_DATE", iso(r.get("registr_dt")));
                row.put("VOTER_STATUS", "A".equals(r.get("status_cd")) ? "ACTIVE" : "CONFIRMATION");
                row.put("PARTY_AFFILIATION", ohioParty(r.get("party_cd")));
                row.put("RESIDENTIAL_ADDRESS1", r.get("res_street_address"));
                row.put("RESIDENTIAL_CITY", r.get("res_city_desc"));
                row.put("RESIDENTIAL_STATE", "OH");
                row.put("RESIDENTIAL_ZIP", r.get("zip_code"));
                row.put("RESIDENTIAL_COUNTRY", "USA");
                row.put("CITY", r.get("municipality_desc"));
                row.put("CONGRESSIONAL_DISTRICT", r.get("cong_dist_abbrv"));
                row.put("PRECINCT_NAME", r.get("precinct_desc"));
                row.put("PRECINCT_CODE", r.get("precinct_abbrv"));
                row.put("STATE_REPRESENTATIVE_DISTRICT", r.get("nc_house_abbrv"));
                row.put("STATE_SENATE_DISTRICT", r.get("nc_senate_abbrv"));
                row.put("WARD", r.get("ward_abbrv"));
                try {
                    for (String c : fixed) {
                        String v = row.get(c);
                        w.field(v == null ? "" : v);
                    }
                    String[] marks = ballots.get(ncKey);
                    for (int i = 0; i < elections.size(); i++) {
                        w.field(marks == null || marks[i] == null ? "" : marks[i]);
                    }
                    w.endRow();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, bad -> { });
        }
        return votes.size();
    }

    private static void writeFlorida(GeneratedFiles nc, Path out) throws IOException {
        List<String> columns = ReferenceCsv.rows("voterlayouts/oh_fl_layouts.csv").stream()
                .filter(r -> r[0].equals("FL")).map(r -> r[2]).toList();
        try (Latin1RowWriter w = new Latin1RowWriter(out, '\t', false)) {
            Map<String, String> row = new HashMap<>();
            NcVoterFile.read(nc.voterFile(), r -> {
                row.clear();
                String ncKey = NcVoterFile.registrationKey(r.get("county_id"), r.get("voter_reg_num"));
                String phone = r.get("full_phone_number");
                row.put("County Code", floridaCounty(r.get("county_desc")));
                row.put("Voter ID", key(ncKey, Format.FL));
                row.put("Name Last", r.get("last_name"));
                row.put("Name Suffix", r.get("name_suffix_lbl"));
                row.put("Name First", r.get("first_name"));
                row.put("Name Middle", r.get("middle_name"));
                row.put("Requested public records exemption", "N");
                row.put("Residence Address Line 1", r.get("res_street_address"));
                row.put("Residence City (USPS)", r.get("res_city_desc"));
                row.put("Residence State", "FL");
                row.put("Residence Zipcode", r.get("zip_code"));
                row.put("Gender", r.get("gender_code"));
                row.put("Race", r.get("race_code"));
                row.put("Birth Date", "07/01/" + r.get("birth_year"));
                row.put("Registration Date", r.get("registr_dt"));
                row.put("Party Affiliation", floridaParty(r.get("party_cd")));
                row.put("Precinct", r.get("precinct_abbrv"));
                row.put("Voter Status", "A".equals(r.get("status_cd")) ? "ACT" : "INA");
                row.put("Congressional District", r.get("cong_dist_abbrv"));
                row.put("House District", r.get("nc_house_abbrv"));
                row.put("Senate District", r.get("nc_senate_abbrv"));
                if (phone != null && phone.length() == 10) {
                    row.put("Daytime Area Code", phone.substring(0, 3));
                    row.put("Daytime Phone Number", phone.substring(3));
                }
                try {
                    for (String c : columns) {
                        String v = row.get(c);
                        w.field(v == null ? "" : v);
                    }
                    w.endRow();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, bad -> { });
        }
    }

    private static long writeFloridaHistory(GeneratedFiles nc, Path out) throws IOException {
        long[] rows = {0};
        try (Latin1RowWriter w = new Latin1RowWriter(out, '\t', false)) {
            NcHistoryFile.read(nc.historyFile(), v -> {
                String method = v.get("voting_method");
                String code = method == null ? "Y" : method.startsWith("ABSENTEE ONESTOP") ? "E"
                        : method.startsWith("ABSENTEE") ? "A" : method.startsWith("PROVISIONAL") ? "P" : "Y";
                try {
                    w.field(floridaCounty(v.get("county_desc")))
                            .field(key(NcVoterFile.registrationKey(v.get("county_id"), v.get("voter_reg_num")),
                                    Format.FL))
                            .field(v.get("election_lbl"))
                            .field(electionType(v.get("election_desc")).equals("PRIMARY") ? "PRI" : "GEN")
                            .field(code);
                    w.endRow();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            }, bad -> { });
        }
        return rows[0];
    }

    /** Copies a ground-truth CSV with the NC keys in column {@code keyColumn} rewritten to the state's keys. */
    private static void rekey(Path in, Path out, int keyColumn, Format format) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.ISO_8859_1);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.ISO_8859_1)) {
            w.write(r.readLine());
            w.write('\n');
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] parts = line.split(",", keyColumn + 2);
                StringBuilder keys = new StringBuilder();
                for (String k : parts[keyColumn].split(";")) {
                    if (!keys.isEmpty()) keys.append(';');
                    keys.append(key(k, format));
                }
                parts[keyColumn] = keys.toString();
                w.write(String.join(",", parts));
                w.write('\n');
            }
        }
    }

    private static String electionType(String desc) {
        return desc != null && desc.endsWith("PRIMARY") ? "PRIMARY" : "GENERAL";
    }

    private static String iso(String ncDate) {
        return ncDate == null ? "" : ncDate.substring(6) + "-" + ncDate.substring(0, 2) + "-" + ncDate.substring(3, 5);
    }

    private static String ohioParty(String nc) {
        if (nc == null) return "";
        return switch (nc) {
            case "DEM" -> "D";
            case "REP" -> "R";
            case "LIB" -> "L";
            case "GRE" -> "G";
            default -> "";
        };
    }

    private static String floridaParty(String nc) {
        if (nc == null) return "NPA";
        return switch (nc) {
            case "DEM", "REP", "LIB", "GRE" -> nc;
            default -> "NPA";
        };
    }

    private static String floridaCounty(String desc) {
        String letters = desc == null ? "" : desc.replaceAll("[^A-Z]", "");
        return (letters + "XXX").substring(0, 3);
    }
}
