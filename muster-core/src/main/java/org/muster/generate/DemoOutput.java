package org.muster.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.muster.generate.DemoCampaignGenerator.Election;
import org.muster.generate.DemoCampaignGenerator.Voter;
import org.muster.voterfile.NcCodeTables;
import org.muster.voterfile.NcLayout;

/** The five files of one generation, the identifiers it hands out, and its counts. */
final class DemoOutput implements Closeable {

    private static final NcLayout V = NcLayout.VOTER;
    private static final NcLayout H = NcLayout.HISTORY;
    private static final Map<String, String> PARTY_DESC = Map.of("DEM", "DEMOCRATIC", "REP", "REPUBLICAN",
            "UNA", "UNAFFILIATED", "LIB", "LIBERTARIAN", "GRE", "GREEN");

    private static final String[] BIRTH_STATES = {"VA", "SC", "NY", "PA", "FL", "OH", "NJ", "GA", "CA", "TX",
        "MD", "MI", "IL"};

    private final Latin1RowWriter voters;
    private final Latin1RowWriter history;
    private final Latin1RowWriter geocodes;
    private final Latin1RowWriter groundTruth;
    private final Latin1RowWriter truthPersons;
    private final String[] row = new String[V.size()];
    /** voter_reg_num is unique within a county: one counter per county, starting at a realistic height. */
    private final long[] nextRegNum = new long[101];
    private long nextNcid = 0;

    long truePersons;
    long voterRows;
    long historyRows;
    long duplicates;
    long deceased;
    long moved;
    long households;
    long lastProgress;

    DemoOutput(Path dir) throws IOException {
        voters = new Latin1RowWriter(dir.resolve(DemoCampaignGenerator.VOTER_FILE), '\t', true);
        history = new Latin1RowWriter(dir.resolve(DemoCampaignGenerator.HISTORY_FILE), '\t', true);
        geocodes = new Latin1RowWriter(dir.resolve(DemoCampaignGenerator.GEOCODE_FILE), ',', false);
        groundTruth = new Latin1RowWriter(dir.resolve(DemoCampaignGenerator.GROUND_TRUTH_FILE), ',', false);
        truthPersons = new Latin1RowWriter(dir.resolve(DemoCampaignGenerator.TRUTH_PERSONS_FILE), ',', false);
        Arrays.fill(nextRegNum, 30_000_000L);
    }

    void writeHeaders() throws IOException {
        header(voters, V.columns());
        header(history, H.columns());
        header(geocodes, List.of("registration_key", "latitude", "longitude"));
        header(groundTruth, List.of("kind", "registration_keys", "ncids", "true_person_ids", "detail"));
        header(truthPersons, List.of("registration_key", "ncid", "true_person_id"));
    }

    private static void header(Latin1RowWriter writer, List<String> columns) throws IOException {
        for (String column : columns) writer.field(column);
        writer.endRow();
    }

    /** Writes one registration; {@code planted} says whether its fate goes to the ground truth. */
    void voter(Voter v, boolean planted) throws IOException {
        DemoCampaignGenerator.Residence r = v.residence;
        NcGeography.Precinct p = r.precinct;
        v.countyId = r.county.id;
        v.voterRegNum = nextRegNum[v.countyId] += 1 + (voterRows & 1);
        v.ncid = ncid(nextNcid += 1 + (voterRows % 3 == 0 ? 1 : 0));
        Arrays.fill(row, "");
        set("county_id", Integer.toString(v.countyId));
        set("county_desc", r.county.desc);
        set("voter_reg_num", DemoCampaignGenerator.padded(v.voterRegNum));
        set("ncid", v.ncid);
        set("last_name", v.lastName);
        set("first_name", v.firstName);
        set("middle_name", v.middleName);
        set("name_suffix_lbl", v.suffix);
        set("status_cd", v.status);
        set("voter_status_desc", NcCodeTables.description("status_cd", v.status));
        set("reason_cd", v.reason);
        set("voter_status_reason_desc", NcCodeTables.description("reason_cd", v.reason));
        set("res_street_address", r.street);
        set("res_city_desc", r.zip.city());
        set("state_cd", "NC");
        set("zip_code", r.zip.zip());
        set("full_phone_number", v.phone);
        set("confidential_ind", "N");
        set("registr_dt", date(v.registeredDay));
        set("race_code", v.race);
        set("ethnic_code", v.ethnic);
        set("party_cd", v.party);
        set("gender_code", v.gender);
        set("birth_year", Integer.toString(v.birthYear));
        set("age_at_year_end", Integer.toString(DemoCampaignGenerator.FILE_YEAR - v.birthYear));
        set("birth_state", v.hispanic ? "" : (v.truePersonId % 10 < 6 ? "NC" : BIRTH_STATES[(int) (v.truePersonId % 13)]));
        set("drivers_lic", v.truePersonId % 7 == 0 ? "N" : "Y");
        set("precinct_abbrv", p.abbrv());
        set("precinct_desc", p.desc());
        set("municipality_abbrv", p.municipalityAbbrv());
        set("municipality_desc", p.municipalityDesc());
        set("ward_abbrv", p.wardAbbrv());
        set("ward_desc", p.wardDesc());
        set("cong_dist_abbrv", p.congressional());
        set("nc_senate_abbrv", p.senate());
        set("nc_house_abbrv", p.house());
        set("vtd_abbrv", p.abbrv());
        set("vtd_desc", p.desc());
        for (String value : row) voters.field(value);
        voters.endRow();
        voterRows++;

        String key = v.key();
        geocodes.field(key).degrees(r.latitude).degrees(r.longitude).endRow();
        truthPersons.field(key).field(v.ncid).field(v.truePersonId).endRow();
        if (planted && v.fate == DemoCampaignGenerator.Fate.DECEASED) {
            deceased++;
            truth("deceased", List.of(v), "died " + LocalDate.ofEpochDay(v.fateDay) + "; state status " + v.status);
        } else if (planted && v.fate == DemoCampaignGenerator.Fate.MOVED) {
            moved++;
            truth("moved_out_of_state", List.of(v),
                    "moved " + LocalDate.ofEpochDay(v.fateDay) + "; state status " + v.status);
        }
    }

    void vote(Voter v, Election e, String method, String ballot) throws IOException {
        NcGeography.Precinct p = v.residence.precinct;
        String county = Integer.toString(v.countyId);
        history.field(county).field(v.residence.county.desc).field(DemoCampaignGenerator.padded(v.voterRegNum))
                .field(e.label()).field(e.desc()).field(method).field(ballot)
                .field(ballot.isEmpty() ? "" : PARTY_DESC.get(ballot)).field(p.abbrv()).field(p.desc())
                .field(v.ncid).field(county).field(v.residence.county.desc).field(p.abbrv()).field(p.desc());
        history.endRow();
        historyRows++;
    }

    void household(List<Voter> members) throws IOException {
        households++;
        truth("household", members, members.size() + " people at one address");
    }

    void truth(String kind, List<Voter> voters, String detail) throws IOException {
        StringBuilder keys = new StringBuilder();
        StringBuilder ncids = new StringBuilder();
        StringBuilder ids = new StringBuilder();
        for (Voter v : voters) {
            if (!keys.isEmpty()) {
                keys.append(';');
                ncids.append(';');
                ids.append(';');
            }
            keys.append(v.key());
            ncids.append(v.ncid);
            ids.append(v.truePersonId);
        }
        groundTruth.field(kind).field(keys.toString()).field(ncids.toString()).field(ids.toString()).field(detail);
        groundTruth.endRow();
    }

    private void set(String column, String value) {
        row[V.index(column)] = value;
    }

    /** NCIDs are two letters and six digits, e.g. AA123456. */
    private static String ncid(long n) {
        long block = n / 1_000_000;
        String digits = Long.toString(n % 1_000_000);
        return "" + (char) ('A' + block / 26 % 26) + (char) ('A' + block % 26) + "000000".substring(digits.length())
                + digits;
    }

    private static String date(long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        return (m < 10 ? "0" : "") + m + "/" + (day < 10 ? "0" : "") + day + "/" + d.getYear();
    }

    @Override
    public void close() throws IOException {
        try (voters; history; geocodes; groundTruth; truthPersons) {
            // try-with-resources closes all five, even if one fails
        }
    }
}
