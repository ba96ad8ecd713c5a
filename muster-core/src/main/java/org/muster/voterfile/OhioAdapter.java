package org.muster.voterfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.people.Registration;
import org.muster.people.VoteRecord;
import org.muster.reference.ReferenceCsv;

/**
 * Ohio's statewide voter file (SWVF): comma-separated with a header, values in double quotes, dates YYYY-MM-DD, read
 * as Latin-1 (no other encoding is documented for it; Latin-1 reads any byte, and control bytes or UTF-8 sequences
 * are reported by line). After the 46 fixed columns comes one column per election, named like GENERAL-11/07/2000, whose
 * value is the party letter of the ballot taken (primaries) or X (voted): the vote history is inline, so it becomes the
 * person's votes. The registration key is SOS_VOTERID; status ACTIVE is A, CONFIRMATION (inactive, being confirmed) is
 * I; the county is named from COUNTY_NUMBER.
 */
public final class OhioAdapter implements VoterFileAdapter {

    public static final String FORMAT = "Ohio SWVF";
    /** The 46 fixed columns; the layout's last row stands for the election columns, which vary by file. */
    static final List<String> FIXED = ReferenceCsv.rows("voterlayouts/oh_fl_layouts.csv").stream()
            .filter(r -> r[0].equals("OH") && !r[2].startsWith("<")).map(r -> r[2]).toList();
    static final Pattern ELECTION = Pattern.compile("([A-Z][A-Z ]*)-(\\d\\d/\\d\\d/\\d{4})");
    private static final Pattern BALLOT = Pattern.compile("[A-Z]{1,2}");
    private static final Dialect DIALECT = new Dialect(',', StandardCharsets.ISO_8859_1);
    /** County names by COUNTY_NUMBER (1..88, alphabetical as the Secretary of State numbers them). */
    private static final String[] COUNTIES = ReferenceCsv.rows("geo/oh_counties.csv").stream().map(r -> r[1])
            .toArray(String[]::new);

    private static final int VOTER_ID = FIXED.indexOf("SOS_VOTERID");
    private static final int COUNTY = FIXED.indexOf("COUNTY_NUMBER");
    private static final int LAST = FIXED.indexOf("LAST_NAME");
    private static final int FIRST = FIXED.indexOf("FIRST_NAME");
    private static final int MIDDLE = FIXED.indexOf("MIDDLE_NAME");
    private static final int SUFFIX = FIXED.indexOf("SUFFIX");
    private static final int BIRTH = FIXED.indexOf("DATE_OF_BIRTH");
    private static final int REGISTERED = FIXED.indexOf("REGISTRATION_DATE");
    private static final int STATUS = FIXED.indexOf("VOTER_STATUS");
    private static final int PARTY = FIXED.indexOf("PARTY_AFFILIATION");
    private static final int RES_1 = FIXED.indexOf("RESIDENTIAL_ADDRESS1");
    private static final int RES_2 = FIXED.indexOf("RESIDENTIAL_SECONDARY_ADDR");
    private static final int RES_CITY = FIXED.indexOf("RESIDENTIAL_CITY");
    private static final int RES_STATE = FIXED.indexOf("RESIDENTIAL_STATE");
    private static final int RES_ZIP = FIXED.indexOf("RESIDENTIAL_ZIP");
    private static final int RES_ZIP4 = FIXED.indexOf("RESIDENTIAL_ZIP_PLUS4");
    private static final int MAIL_1 = FIXED.indexOf("MAILING_ADDRESS1");
    private static final int MAIL_2 = FIXED.indexOf("MAILING_SECONDARY_ADDRESS");
    private static final int MAIL_CITY = FIXED.indexOf("MAILING_CITY");
    private static final int MAIL_STATE = FIXED.indexOf("MAILING_STATE");
    private static final int MAIL_ZIP = FIXED.indexOf("MAILING_ZIP");
    private static final int MAIL_ZIP4 = FIXED.indexOf("MAILING_ZIP_PLUS4");
    private static final int MAIL_COUNTRY = FIXED.indexOf("MAILING_COUNTRY");
    private static final int CITY = FIXED.indexOf("CITY");
    private static final int VILLAGE = FIXED.indexOf("VILLAGE");
    private static final int TOWNSHIP = FIXED.indexOf("TOWNSHIP");
    private static final int CONGRESS = FIXED.indexOf("CONGRESSIONAL_DISTRICT");
    private static final int PRECINCT = FIXED.indexOf("PRECINCT_CODE");
    private static final int HOUSE = FIXED.indexOf("STATE_REPRESENTATIVE_DISTRICT");
    private static final int SENATE = FIXED.indexOf("STATE_SENATE_DISTRICT");
    private static final int WARD = FIXED.indexOf("WARD");

    private final String origin;

    /** @param fileName recorded as the people's data origin */
    public OhioAdapter(String fileName) {
        this.origin = "Ohio voter file " + fileName;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /** Whether a header is the SWVF's: the fixed columns, then only election columns. */
    static boolean isHeader(List<String> columns) {
        return columns.size() >= FIXED.size() && columns.subList(0, FIXED.size()).equals(FIXED)
                && columns.subList(FIXED.size(), columns.size()).stream().allMatch(c -> ELECTION.matcher(c).matches());
    }

    @Override
    public DelimitedReader voters(Path file, long offset, long line) throws IOException {
        return DelimitedReader.open(file, DIALECT, (f, columns) -> {
            if (!isHeader(columns)) {
                throw new VoterFileFormatException(f.getFileName() + " is not an Ohio SWVF file: expected a "
                        + "comma-separated header of the " + FIXED.size() + " columns SOS_VOTERID, COUNTY_NUMBER, ... "
                        + "WARD, then election columns like GENERAL-11/07/2000");
            }
            return new Layout(FORMAT, columns);
        }, OhioAdapter::problem, offset, line);
    }

    private static RowProblem problem(Row row) {
        if (row.get(VOTER_ID) == null) return new RowProblem("SOS_VOTERID", "is empty");
        String county = row.get(COUNTY);
        if (county == null || !Values.isInt(county, 1, 88)) {
            return new RowProblem("COUNTY_NUMBER", "must be 1..88, found " + county);
        }
        for (int column : new int[] {BIRTH, REGISTERED}) {
            String date = row.get(column);
            if (date != null && Values.isoDate(date) == null) {
                return new RowProblem(FIXED.get(column), "not a YYYY-MM-DD date: " + date);
            }
        }
        List<String> columns = row.layout().columns();
        for (int i = FIXED.size(); i < columns.size(); i++) {
            String ballot = row.get(i);
            if (ballot != null && !BALLOT.matcher(ballot).matches()) {
                return new RowProblem(columns.get(i), "not a party letter or X: " + ballot);
            }
        }
        return null;
    }

    @Override
    public NewPerson person(Row row) {
        String key = row.get(VOTER_ID);
        String street = UspsAddress.line(row.get(RES_1));
        String zip = UspsAddress.zip(zip(row.get(RES_ZIP), row.get(RES_ZIP4)));
        List<PostalAddress> addresses = new ArrayList<>(2);
        if (street != null) {
            addresses.add(new PostalAddress("home", street, row.get(RES_2), row.get(RES_CITY), row.get(RES_STATE), zip,
                    "US", null, null));
        }
        if (row.get(MAIL_1) != null) {
            String country = row.get(MAIL_COUNTRY);
            boolean us = country == null || country.equals("US") || country.equals("USA");
            addresses.add(new PostalAddress("mailing", us ? UspsAddress.line(row.get(MAIL_1)) : row.get(MAIL_1),
                    row.get(MAIL_2), row.get(MAIL_CITY), row.get(MAIL_STATE),
                    us ? UspsAddress.zip(zip(row.get(MAIL_ZIP), row.get(MAIL_ZIP4))) : row.get(MAIL_ZIP),
                    us ? "US" : country, null, null));
        }
        String birth = row.get(BIRTH);
        String registered = row.get(REGISTERED);
        String municipality = firstOf(row.get(CITY), row.get(VILLAGE), row.get(TOWNSHIP));
        Registration registration = new Registration("OH", key, key, county(row),
                RegistrationStatus.letter(row.get(STATUS)), null,
                registered == null ? null : Values.isoDate(registered), row.get(PARTY), row.get(PRECINCT),
                row.get(WARD), municipality, row.get(CONGRESS), row.get(SENATE), row.get(HOUSE));
        return new NewPerson(NameCase.name(row.get(FIRST)), NameCase.middle(row.get(MIDDLE)),
                NameCase.name(row.get(LAST)), NameCase.suffix(row.get(SUFFIX)),
                birth == null ? null : Values.isoDate(birth), null, null, row.get(PARTY), null,
                ContactCategory.PROSPECT, origin, NcVoterMapper.householdKey(street, zip), List.of(), List.of(),
                addresses, List.of(registration), votes(row), List.of());
    }

    /** The elections the row has a mark in: X is a vote, a letter a vote on that party's primary ballot. */
    private static List<VoteRecord> votes(Row row) {
        List<String> columns = row.layout().columns();
        List<VoteRecord> votes = new ArrayList<>();
        for (int i = FIXED.size(); i < columns.size(); i++) {
            String ballot = row.get(i);
            if (ballot == null) continue;
            Matcher m = ELECTION.matcher(columns.get(i));
            if (!m.matches()) continue;
            votes.add(new VoteRecord(Values.date(m.group(2)), m.group(2) + " " + m.group(1), null,
                    ballot.equals("X") ? null : ballot, county(row)));
        }
        return votes;
    }

    /** The county's name (the row was checked to have a number 1..88). */
    private static String county(Row row) {
        return COUNTIES[Integer.parseInt(row.get(COUNTY)) - 1];
    }

    private static String zip(String zip, String plus4) {
        return zip == null || plus4 == null ? zip : zip + "-" + plus4;
    }

    private static String firstOf(String... values) {
        for (String v : values) if (v != null) return v;
        return null;
    }
}
