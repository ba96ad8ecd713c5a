package org.muster.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.generate.DemoCampaignGenerator.Election;
import org.muster.generate.DemoCampaignGenerator.Voter;
import org.muster.voterfile.NcCodeTables;
import org.muster.voterfile.Layout;
import org.muster.voterfile.NcLayout;
import org.muster.voterfile.NcVoterFile;

/** The five files of one generation, the identifiers it hands out, and its counts. */
final class DemoOutput implements Closeable {

    private static final Layout V = NcLayout.VOTER;
    private static final Layout H = NcLayout.HISTORY;
    private static final int COUNTY_ID = V.index("county_id");
    private static final int COUNTY_DESC = V.index("county_desc");
    private static final int VOTER_REG_NUM = V.index("voter_reg_num");
    private static final int NCID = V.index("ncid");
    private static final int LAST_NAME = V.index("last_name");
    private static final int FIRST_NAME = V.index("first_name");
    private static final int MIDDLE_NAME = V.index("middle_name");
    private static final int NAME_SUFFIX_LBL = V.index("name_suffix_lbl");
    private static final int STATUS_CD = V.index("status_cd");
    private static final int VOTER_STATUS_DESC = V.index("voter_status_desc");
    private static final int REASON_CD = V.index("reason_cd");
    private static final int VOTER_STATUS_REASON_DESC = V.index("voter_status_reason_desc");
    private static final int RES_STREET_ADDRESS = V.index("res_street_address");
    private static final int RES_CITY_DESC = V.index("res_city_desc");
    private static final int STATE_CD = V.index("state_cd");
    private static final int ZIP_CODE = V.index("zip_code");
    private static final int FULL_PHONE_NUMBER = V.index("full_phone_number");
    private static final int CONFIDENTIAL_IND = V.index("confidential_ind");
    private static final int REGISTR_DT = V.index("registr_dt");
    private static final int RACE_CODE = V.index("race_code");
    private static final int ETHNIC_CODE = V.index("ethnic_code");
    private static final int PARTY_CD = V.index("party_cd");
    private static final int GENDER_CODE = V.index("gender_code");
    private static final int BIRTH_YEAR = V.index("birth_year");
    private static final int AGE_AT_YEAR_END = V.index("age_at_year_end");
    private static final int BIRTH_STATE = V.index("birth_state");
    private static final int DRIVERS_LIC = V.index("drivers_lic");
    private static final int PRECINCT_ABBRV = V.index("precinct_abbrv");
    private static final int PRECINCT_DESC = V.index("precinct_desc");
    private static final int MUNICIPALITY_ABBRV = V.index("municipality_abbrv");
    private static final int MUNICIPALITY_DESC = V.index("municipality_desc");
    private static final int WARD_ABBRV = V.index("ward_abbrv");
    private static final int WARD_DESC = V.index("ward_desc");
    private static final int CONG_DIST_ABBRV = V.index("cong_dist_abbrv");
    private static final int NC_SENATE_ABBRV = V.index("nc_senate_abbrv");
    private static final int NC_HOUSE_ABBRV = V.index("nc_house_abbrv");
    private static final int VTD_ABBRV = V.index("vtd_abbrv");
    private static final int VTD_DESC = V.index("vtd_desc");
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
    private final Map<String, String> statusDesc = new HashMap<>();
    private final Map<String, String> reasonDesc = new HashMap<>();
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
        // Written once per registration: the history rows and side files reuse the strings.
        v.voterRegNum = DemoCampaignGenerator.padded(nextRegNum[v.countyId] += 1 + (voterRows & 1));
        v.key = NcVoterFile.registrationKey(Integer.toString(v.countyId), v.voterRegNum);
        v.ncid = ncid(nextNcid += 1 + (voterRows % 3 == 0 ? 1 : 0));
        Arrays.fill(row, "");
        row[COUNTY_ID] = Integer.toString(v.countyId);
        row[COUNTY_DESC] = r.county.desc;
        row[VOTER_REG_NUM] = v.voterRegNum;
        row[NCID] = v.ncid;
        row[LAST_NAME] = v.lastName;
        row[FIRST_NAME] = v.firstName;
        row[MIDDLE_NAME] = v.middleName;
        row[NAME_SUFFIX_LBL] = v.suffix;
        row[STATUS_CD] = v.status;
        row[VOTER_STATUS_DESC] = statusDesc.computeIfAbsent(v.status, c -> NcCodeTables.description("status_cd", c));
        row[REASON_CD] = v.reason;
        row[VOTER_STATUS_REASON_DESC] =
                reasonDesc.computeIfAbsent(v.reason, c -> NcCodeTables.description("reason_cd", c));
        row[RES_STREET_ADDRESS] = r.street;
        row[RES_CITY_DESC] = r.zip.city();
        row[STATE_CD] = "NC";
        row[ZIP_CODE] = r.zip.zip();
        row[FULL_PHONE_NUMBER] = v.phone;
        row[CONFIDENTIAL_IND] = "N";
        row[REGISTR_DT] = date(v.registeredDay);
        row[RACE_CODE] = v.race;
        row[ETHNIC_CODE] = v.ethnic;
        row[PARTY_CD] = v.party;
        row[GENDER_CODE] = v.gender;
        row[BIRTH_YEAR] = Integer.toString(v.birthYear);
        row[AGE_AT_YEAR_END] = Integer.toString(DemoCampaignGenerator.FILE_YEAR - v.birthYear);
        row[BIRTH_STATE] = v.hispanic ? "" : v.truePersonId % 10 < 6 ? "NC" : BIRTH_STATES[(int) (v.truePersonId % 13)];
        row[DRIVERS_LIC] = v.truePersonId % 7 == 0 ? "N" : "Y";
        row[PRECINCT_ABBRV] = p.abbrv();
        row[PRECINCT_DESC] = p.desc();
        row[MUNICIPALITY_ABBRV] = p.municipalityAbbrv();
        row[MUNICIPALITY_DESC] = p.municipalityDesc();
        row[WARD_ABBRV] = p.wardAbbrv();
        row[WARD_DESC] = p.wardDesc();
        row[CONG_DIST_ABBRV] = p.congressional();
        row[NC_SENATE_ABBRV] = p.senate();
        row[NC_HOUSE_ABBRV] = p.house();
        row[VTD_ABBRV] = p.abbrv();
        row[VTD_DESC] = p.desc();
        for (String value : row) voters.field(value);
        voters.endRow();
        voterRows++;

        geocodes.field(v.key).degrees(r.latitude).degrees(r.longitude).endRow();
        truthPersons.field(v.key).field(v.ncid).field(v.truePersonId).endRow();
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
        history.field(county).field(v.residence.county.desc).field(v.voterRegNum)
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
            keys.append(v.key);
            ncids.append(v.ncid);
            ids.append(v.truePersonId);
        }
        groundTruth.field(kind).field(keys.toString()).field(ncids.toString()).field(ids.toString()).field(detail);
        groundTruth.endRow();
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
