package org.muster.voterfile;

import java.util.ArrayList;
import java.util.List;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.people.Registration;

/**
 * Maps one ncvoter row (with optional coordinates) onto a {@link NewPerson}, normalised: names
 * cased, street lines and ZIP codes in USPS Publication 28 form, phones in E.164, removal reasons as flags.
 * NC publishes only the birth year, so birthDate stays null. Districts are the state's codes
 * (precinct_abbrv, ward_abbrv, cong_dist_abbrv, ...); the municipality is its name.
 */
public final class NcVoterMapper {

    private static final Layout L = NcLayout.VOTER;
    private static final int COUNTY_ID = L.index("county_id");
    private static final int COUNTY_DESC = L.index("county_desc");
    private static final int VOTER_REG_NUM = L.index("voter_reg_num");
    private static final int NCID = L.index("ncid");
    private static final int LAST_NAME = L.index("last_name");
    private static final int BIRTH_YEAR = L.index("birth_year");
    private static final int FIRST_NAME = L.index("first_name");
    private static final int MIDDLE_NAME = L.index("middle_name");
    private static final int SUFFIX = L.index("name_suffix_lbl");
    private static final int STATUS = L.index("status_cd");
    private static final int REASON = L.index("reason_cd");
    private static final int STREET = L.index("res_street_address");
    private static final int CITY = L.index("res_city_desc");
    private static final int STATE = L.index("state_cd");
    private static final int ZIP = L.index("zip_code");
    private static final int MAIL_1 = L.index("mail_addr1");
    private static final int MAIL_2 = L.index("mail_addr2");
    private static final int MAIL_CITY = L.index("mail_city");
    private static final int MAIL_STATE = L.index("mail_state");
    private static final int MAIL_ZIP = L.index("mail_zipcode");
    private static final int PHONE = L.index("full_phone_number");
    private static final int REGISTERED = L.index("registr_dt");
    private static final int PARTY = L.index("party_cd");
    private static final int GENDER = L.index("gender_code");
    private static final int PRECINCT = L.index("precinct_abbrv");
    private static final int MUNICIPALITY = L.index("municipality_desc");
    private static final int WARD = L.index("ward_abbrv");
    private static final int CONGRESS = L.index("cong_dist_abbrv");
    private static final int SENATE = L.index("nc_senate_abbrv");
    private static final int HOUSE = L.index("nc_house_abbrv");

    private final String origin;
    private final GeocodeLookup geocodes;

    /** @param fileName the voter file's name, recorded as the people's data origin */
    public NcVoterMapper(String fileName, GeocodeLookup geocodes) {
        this.origin = "NC voter file " + fileName;
        this.geocodes = geocodes;
    }

    public NewPerson map(Row row) {
        String key = NcVoterFile.registrationKey(row.get(COUNTY_ID), row.get(VOTER_REG_NUM));
        String street = UspsAddress.line(row.get(STREET));
        String zip = UspsAddress.zip(row.get(ZIP));
        List<PostalAddress> addresses = new ArrayList<>(2);
        if (street != null) {
            GeocodeLookup.LatLon point = geocodes.find(key);
            addresses.add(new PostalAddress("home", street, null, row.get(CITY), row.get(STATE), zip, "US",
                    point == null ? null : point.latitude(), point == null ? null : point.longitude()));
        }
        if (row.get(MAIL_1) != null) {
            addresses.add(new PostalAddress("mailing", UspsAddress.line(row.get(MAIL_1)), row.get(MAIL_2),
                    row.get(MAIL_CITY), row.get(MAIL_STATE), UspsAddress.zip(row.get(MAIL_ZIP)), "US", null, null));
        }
        String phone = Phones.e164(row.get(PHONE), "US");
        String registered = row.get(REGISTERED);
        String birthYear = row.get(BIRTH_YEAR);
        Registration registration = new Registration("NC", key, row.get(NCID), row.get(COUNTY_DESC),
                row.get(STATUS), row.get(REASON), registered == null ? null : Values.date(registered),
                row.get(PARTY), row.get(PRECINCT), row.get(WARD), row.get(MUNICIPALITY), row.get(CONGRESS),
                row.get(SENATE), row.get(HOUSE));
        return new NewPerson(NameCase.name(row.get(FIRST_NAME)), NameCase.middle(row.get(MIDDLE_NAME)),
                NameCase.name(row.get(LAST_NAME)), NameCase.suffix(row.get(SUFFIX)), null,
                birthYear == null ? null : Integer.valueOf(birthYear), row.get(GENDER),
                row.get(PARTY), null, ContactCategory.PROSPECT, origin, householdKey(street, zip), List.of(),
                phone == null ? List.of() : List.of(phone), addresses, List.of(registration), List.of(),
                flags(row.get(REASON)));
    }

    /**
     * The state's own findings as tags a data director can filter on: the registration was removed because the
     * voter died, was a duplicate, or moved out of North Carolina (NCSBE reason codes RD, R2, RS).
     */
    static List<String> flags(String reasonCode) {
        if (reasonCode == null) return List.of();
        return switch (reasonCode) {
            case "RD" -> List.of("state: deceased");
            case "R2" -> List.of("state: duplicate registration");
            case "RS" -> List.of("state: moved out of state");
            default -> List.of();
        };
    }

    /** People at the same residential address share this key: the upper-cased, space-collapsed street and ZIP5. */
    static String householdKey(String street, String zip) {
        if (street == null) return null;
        String line = String.join(" ", UspsAddress.WHITESPACE.split(street.toUpperCase().trim()));
        String zip5 = zip == null ? "" : zip.length() > 5 ? zip.substring(0, 5) : zip;
        return line + "|" + zip5;
    }
}
