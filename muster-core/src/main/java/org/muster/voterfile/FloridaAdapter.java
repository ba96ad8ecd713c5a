package org.muster.voterfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.people.RegisteredVote;
import org.muster.people.Registration;
import org.muster.people.VoteRecord;
import org.muster.reference.ReferenceCsv;

/**
 * The Florida Division of Elections voter extract: 38 tab-separated columns, no header, dates MM/DD/YYYY, read as
 * Latin-1 (no other encoding is documented for it; control bytes or UTF-8 sequences are reported by line). The
 * voter id is statewide, so it is the registration key. Its vote history is a separate headerless file of five
 * columns (county, voter id, election date, election type, history code); history code N (did not vote) records no
 * vote. Status ACT is A, INA is I.
 */
public final class FloridaAdapter implements VoterFileAdapter {

    public static final String FORMAT = "Florida extract";
    static final Layout VOTER = new Layout("Florida extract", ReferenceCsv.rows("voterlayouts/oh_fl_layouts.csv")
            .stream().filter(r -> r[0].equals("FL")).map(r -> r[2]).toList());
    static final Layout HISTORY = new Layout("Florida voter history",
            ReferenceCsv.rows("voterlayouts/fl_history_layout.csv").stream().map(r -> r[1]).toList());
    private static final Dialect DIALECT = new Dialect('\t', StandardCharsets.ISO_8859_1);
    private static final Pattern COUNTY_CODE = Pattern.compile("[A-Z]{3}");

    private static final int COUNTY = VOTER.index("County Code");
    private static final int VOTER_ID = VOTER.index("Voter ID");
    private static final int LAST = VOTER.index("Name Last");
    private static final int SUFFIX = VOTER.index("Name Suffix");
    private static final int FIRST = VOTER.index("Name First");
    private static final int MIDDLE = VOTER.index("Name Middle");
    private static final int RES_1 = VOTER.index("Residence Address Line 1");
    private static final int RES_2 = VOTER.index("Residence Address Line 2");
    private static final int RES_CITY = VOTER.index("Residence City (USPS)");
    private static final int RES_STATE = VOTER.index("Residence State");
    private static final int RES_ZIP = VOTER.index("Residence Zipcode");
    private static final int MAIL_1 = VOTER.index("Mailing Address Line 1");
    private static final int MAIL_2 = VOTER.index("Mailing Address Line 2");
    private static final int MAIL_CITY = VOTER.index("Mailing City");
    private static final int MAIL_STATE = VOTER.index("Mailing State");
    private static final int MAIL_ZIP = VOTER.index("Mailing Zipcode");
    private static final int MAIL_COUNTRY = VOTER.index("Mailing Country");
    private static final int GENDER = VOTER.index("Gender");
    private static final int BIRTH = VOTER.index("Birth Date");
    private static final int REGISTERED = VOTER.index("Registration Date");
    private static final int PARTY = VOTER.index("Party Affiliation");
    private static final int PRECINCT = VOTER.index("Precinct");
    private static final int STATUS = VOTER.index("Voter Status");
    private static final int CONGRESS = VOTER.index("Congressional District");
    private static final int HOUSE = VOTER.index("House District");
    private static final int SENATE = VOTER.index("Senate District");
    private static final int AREA_CODE = VOTER.index("Daytime Area Code");
    private static final int PHONE = VOTER.index("Daytime Phone Number");
    private static final int EMAIL = VOTER.index("Email address");

    private static final int H_COUNTY = HISTORY.index("County Code");
    private static final int H_VOTER_ID = HISTORY.index("Voter ID");
    private static final int H_DATE = HISTORY.index("Election Date");
    private static final int H_TYPE = HISTORY.index("Election Type");
    private static final int H_CODE = HISTORY.index("History Code");

    private final String origin;

    /** @param fileName recorded as the people's data origin */
    public FloridaAdapter(String fileName) {
        this.origin = "Florida voter extract " + fileName;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /** Whether a first line has the shape of a {@code layout} row: its column count, a county code, a voter id. */
    static boolean looksLike(List<String> fields, Layout layout) {
        return fields.size() == layout.size() && COUNTY_CODE.matcher(fields.get(0)).matches()
                && fields.get(1).matches("\\d+");
    }

    @Override
    public DelimitedReader voters(Path file, long offset, long line) throws IOException {
        requireShape(file, VOTER, "a Florida voter extract");
        return DelimitedReader.openHeaderless(file, DIALECT, VOTER, FloridaAdapter::problem, offset, line);
    }

    @Override
    public DelimitedReader history(Path file, long offset, long line) throws IOException {
        requireShape(file, HISTORY, "a Florida voter history file");
        return DelimitedReader.openHeaderless(file, DIALECT, HISTORY, FloridaAdapter::historyProblem, offset, line);
    }

    /** A headerless file is known by its first line: the right number of columns, a county code, a voter id. */
    private static void requireShape(Path file, Layout layout, String what) throws IOException {
        List<String> first = FormatDetector.firstFields(file, '\t');
        if (!looksLike(first, layout)) {
            throw new VoterFileFormatException(file.getFileName() + " is not " + what + ": expected "
                    + layout.size() + " tab-separated columns without a header, starting with a county code (ALA) "
                    + "and a voter id, found " + first.size() + " column(s)");
        }
    }

    private static RowProblem problem(Row row) {
        String county = row.get(COUNTY);
        if (county == null || !COUNTY_CODE.matcher(county).matches()) {
            return new RowProblem("County Code", "not a three-letter county code: " + county);
        }
        String id = row.get(VOTER_ID);
        if (id == null || !id.chars().allMatch(Character::isDigit)) {
            return new RowProblem("Voter ID", "not a number: " + id);
        }
        for (int column : new int[] {BIRTH, REGISTERED}) {
            String date = row.get(column);
            if (date != null && Values.date(date) == null) {
                return new RowProblem(VOTER.columns().get(column), "not a MM/DD/YYYY date: " + date);
            }
        }
        return null;
    }

    private static RowProblem historyProblem(Row row) {
        String id = row.get(H_VOTER_ID);
        if (id == null || !id.chars().allMatch(Character::isDigit)) {
            return new RowProblem("Voter ID", "not a number: " + id);
        }
        String date = row.get(H_DATE);
        if (date == null || Values.date(date) == null) {
            return new RowProblem("Election Date", "not a MM/DD/YYYY date: " + date);
        }
        return null;
    }

    @Override
    public NewPerson person(Row row) {
        String key = row.get(VOTER_ID);
        String street = UspsAddress.line(row.get(RES_1));
        String zip = UspsAddress.zip(row.get(RES_ZIP));
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
                    us ? UspsAddress.zip(row.get(MAIL_ZIP)) : row.get(MAIL_ZIP), us ? "US" : country, null, null));
        }
        String area = row.get(AREA_CODE);
        String number = row.get(PHONE);
        String phone = number == null ? null : Phones.e164((area == null ? "" : area) + number, "US");
        String email = Emails.normalise(row.get(EMAIL));
        String birth = row.get(BIRTH);
        String registered = row.get(REGISTERED);
        Registration registration = new Registration("FL", key, key, row.get(COUNTY),
                RegistrationStatus.letter(row.get(STATUS)), null,
                registered == null ? null : Values.date(registered), row.get(PARTY), row.get(PRECINCT), null, null,
                row.get(CONGRESS), row.get(SENATE), row.get(HOUSE));
        return new NewPerson(NameCase.name(row.get(FIRST)), NameCase.middle(row.get(MIDDLE)),
                NameCase.name(row.get(LAST)), NameCase.suffix(row.get(SUFFIX)),
                birth == null ? null : Values.date(birth), null, row.get(GENDER), row.get(PARTY), null,
                ContactCategory.PROSPECT, origin, NcVoterMapper.householdKey(street, zip),
                email == null ? List.of() : List.of(email), phone == null ? List.of() : List.of(phone), addresses,
                List.of(registration), List.of(), List.of());
    }

    /** The vote a history row records, or null for code N (the voter did not vote). */
    @Override
    public RegisteredVote vote(Row row) {
        String code = row.get(H_CODE);
        if ("N".equals(code)) return null;
        LocalDate date = Values.date(row.get(H_DATE));
        String type = row.get(H_TYPE);
        String election = row.get(H_DATE) + " " + electionName(type);
        VoteRecord vote = new VoteRecord(date, election, method(code), null, row.get(H_COUNTY));
        return new RegisteredVote("FL", row.get(H_VOTER_ID), vote);
    }

    private static String electionName(String type) {
        if (type == null) return "ELECTION";
        return switch (type) {
            case "GEN" -> "GENERAL";
            case "PRI" -> "PRIMARY";
            case "PPP" -> "PRESIDENTIAL PREFERENCE PRIMARY";
            case "RUN" -> "RUNOFF";
            case "OTH" -> "OTHER";
            default -> type;
        };
    }

    private static String method(String code) {
        if (code == null) return null;
        return switch (code) {
            case "Y" -> "IN-PERSON";
            case "E" -> "EARLY";
            case "A" -> "ABSENTEE";
            case "B" -> "ABSENTEE (NOT COUNTED)";
            case "P" -> "PROVISIONAL (NOT COUNTED)";
            default -> code;
        };
    }
}
