package org.muster.voterfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.people.Registration;
import org.muster.voterfile.ColumnMapping.Target;

/**
 * Any delimited file with a header, read through a {@link ColumnMapping}: each target field from its column(s), the
 * same normalisation as the state formats (names, USPS street lines and ZIPs, E.164 phones, emails, dates in
 * YYYY-MM-DD or M/D/YYYY with or without a time), and columns mapped to custom fields as their text. The header
 * must hold every mapped column. A voter file's rows each need a registration id, which is what a re-import updates
 * in place by. A contact list ({@link ColumnMapping#isContactList()}) has none: its people carry no registration, and
 * since they are matched on what they do carry, a row is refused when its email or phone is not one, or when it has
 * neither a name, an email nor a phone.
 */
public final class GenericAdapter implements VoterFileAdapter {

    /** Job formats of generic imports start with this; the mapping's name follows. */
    public static final String FORMAT_PREFIX = "Generic delimited";
    /** Job formats of contact-list imports start with this; the mapping's name follows. */
    public static final String CONTACT_LIST_PREFIX = "Contact list";
    /** What a registration carries and a person does not: meaningless in a contact list. */
    private static final Set<Target> REGISTRATION_ONLY = EnumSet.of(Target.STATE_VOTER_ID, Target.STATUS,
            Target.REGISTRATION_DATE, Target.COUNTY, Target.PRECINCT, Target.WARD, Target.MUNICIPALITY,
            Target.CONGRESSIONAL_DISTRICT, Target.STATE_SENATE_DISTRICT, Target.STATE_HOUSE_DISTRICT);

    private final ColumnMapping mapping;
    private final String format;
    private final String origin;
    /** Per target, the positions of its columns in the current file's layout (set when the file is opened). */
    private Map<Target, int[]> positions = Map.of();
    /** Per custom field, the positions of its columns. */
    private Map<String, int[]> customPositions = Map.of();

    /**
     * @param mappingName the saved mapping's name, or the mapping file's: recorded on the job
     * @throws VoterFileFormatException when a contact list's mapping maps registration fields (it has no registration)
     */
    public GenericAdapter(ColumnMapping mapping, String mappingName, String fileName) {
        this.mapping = mapping;
        if (mapping.isContactList()) {
            List<String> misplaced = mapping.columns().keySet().stream().filter(REGISTRATION_ONLY::contains)
                    .map(Target::label).toList();
            if (!misplaced.isEmpty()) {
                throw new VoterFileFormatException("Mapping " + mappingName + " has no registration id, so it loads "
                        + "a contact list, whose people have no registration: map a registration id, or leave "
                        + String.join(", ", misplaced) + " unmapped");
            }
        }
        this.format = (mapping.isContactList() ? CONTACT_LIST_PREFIX : FORMAT_PREFIX) + " (mapping " + mappingName
                + ")";
        this.origin = mapping.isContactList() ? CONTACT_LIST_PREFIX + " " + fileName
                : mapping.state() + " voter file " + fileName;
    }

    /** Rows are people to match, not registrations: see {@link ColumnMapping#isContactList()}. */
    public boolean contactList() {
        return mapping.isContactList();
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public DelimitedReader voters(Path file, long offset, long line) throws IOException {
        DelimitedReader reader = DelimitedReader.open(file, mapping.dialect(), this::layout, this::problem, offset,
                line);
        positions = resolve(reader.layout());
        Map<String, int[]> custom = new LinkedHashMap<>();
        mapping.customFields().forEach((field, names) -> custom.put(field,
                names.stream().mapToInt(reader.layout()::index).toArray()));
        customPositions = custom;
        return reader;
    }

    private Layout layout(Path file, List<String> header) {
        if (header.isEmpty()) {
            throw new VoterFileFormatException(file.getFileName() + " has no header line in "
                    + mapping.encoding().name() + " separated by " + mapping.dialect().delimiterName());
        }
        List<String> missing = mapping.mappedColumns().stream().filter(n -> !header.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new VoterFileFormatException(file.getFileName() + " does not fit the mapping: its header (separated "
                    + "by " + mapping.dialect().delimiterName() + ") has no column " + String.join(", ", missing));
        }
        return new Layout("delimited", header);
    }

    private Map<Target, int[]> resolve(Layout layout) {
        Map<Target, int[]> found = new EnumMap<>(Target.class);
        mapping.columns().forEach((target, names) -> found.put(target,
                names.stream().mapToInt(layout::index).toArray()));
        return found;
    }

    /** The target's value: its columns' values joined with a space, null when all are empty. */
    private String get(Row row, Target target) {
        return joined(row, positions.get(target));
    }

    private static String joined(Row row, int[] at) {
        if (at == null) return null;
        if (at.length == 1) return row.get(at[0]);
        StringBuilder s = new StringBuilder();
        for (int i : at) {
            String v = row.get(i);
            if (v == null) continue;
            if (!s.isEmpty()) s.append(' ');
            s.append(v);
        }
        return s.isEmpty() ? null : s.toString();
    }

    private RowProblem problem(Row row) {
        if (mapping.isContactList()) {
            RowProblem contact = contactProblem(row);
            if (contact != null) return contact;
        } else if (get(row, Target.REGISTRATION_ID) == null) {
            return new RowProblem(column(Target.REGISTRATION_ID), "is empty");
        }
        for (Target t : new Target[] {Target.BIRTH_DATE, Target.REGISTRATION_DATE}) {
            String date = get(row, t);
            if (date != null && Values.anyDate(date) == null) {
                return new RowProblem(column(t), "not a date (YYYY-MM-DD or M/D/YYYY): " + date);
            }
        }
        String year = get(row, Target.BIRTH_YEAR);
        if (year != null && !Values.isInt(year, 1850, 2100)) {
            return new RowProblem(column(Target.BIRTH_YEAR), "not a year: " + year);
        }
        return null;
    }

    /**
     * A voter file's bad email or phone is dropped (the registration is what matters); a contact list's is what its
     * person is matched on, so the row is refused rather than linked on less than it said.
     */
    private RowProblem contactProblem(Row row) {
        String email = get(row, Target.EMAIL);
        if (email != null && Emails.normalise(email) == null) {
            return new RowProblem(column(Target.EMAIL), "not an email address: " + email);
        }
        String phone = get(row, Target.PHONE);
        if (phone != null && Phones.e164(phone, "US") == null) {
            return new RowProblem(column(Target.PHONE), "not a phone number: " + phone);
        }
        if (email == null && phone == null && get(row, Target.FIRST_NAME) == null
                && get(row, Target.LAST_NAME) == null) {
            return new RowProblem(null, "no name, email or phone to match on");
        }
        return null;
    }

    private String column(Target target) {
        return String.join(" + ", mapping.columns().get(target));
    }

    @Override
    public NewPerson person(Row row) {
        String key = get(row, Target.REGISTRATION_ID);
        // A voter-file row has a registration id (the reader refused it otherwise); a contact-list row never does.
        String street = UspsAddress.line(get(row, Target.STREET));
        String zip = UspsAddress.zip(get(row, Target.ZIP));
        List<PostalAddress> addresses = new ArrayList<>(2);
        if (street != null) {
            addresses.add(new PostalAddress("home", street, get(row, Target.ADDRESS_LINE2), get(row, Target.CITY),
                    orState(get(row, Target.ADDRESS_STATE)), zip, "US", null, null));
        }
        String mailing = UspsAddress.line(get(row, Target.MAILING_STREET));
        if (mailing != null) {
            addresses.add(new PostalAddress("mailing", mailing, get(row, Target.MAILING_LINE2),
                    get(row, Target.MAILING_CITY), get(row, Target.MAILING_STATE),
                    UspsAddress.zip(get(row, Target.MAILING_ZIP)), "US", null, null));
        }
        String phone = Phones.e164(get(row, Target.PHONE), "US");
        String email = Emails.normalise(get(row, Target.EMAIL));
        String birth = get(row, Target.BIRTH_DATE);
        String year = get(row, Target.BIRTH_YEAR);
        String registered = get(row, Target.REGISTRATION_DATE);
        String voterId = get(row, Target.STATE_VOTER_ID);
        List<Registration> registrations = key == null ? List.of() : List.of(new Registration(mapping.state(), key,
                voterId == null ? key : voterId, get(row, Target.COUNTY),
                RegistrationStatus.letter(get(row, Target.STATUS)), null,
                registered == null ? null : Values.anyDate(registered), get(row, Target.PARTY),
                get(row, Target.PRECINCT), get(row, Target.WARD), get(row, Target.MUNICIPALITY),
                get(row, Target.CONGRESSIONAL_DISTRICT), get(row, Target.STATE_SENATE_DISTRICT),
                get(row, Target.STATE_HOUSE_DISTRICT)));
        return new NewPerson(NameCase.name(get(row, Target.FIRST_NAME)), NameCase.middle(get(row, Target.MIDDLE_NAME)),
                NameCase.name(get(row, Target.LAST_NAME)), NameCase.suffix(get(row, Target.SUFFIX)),
                birth == null ? null : Values.anyDate(birth), year == null ? null : Integer.valueOf(year),
                get(row, Target.GENDER), get(row, Target.PARTY), null, ContactCategory.PROSPECT, origin,
                NcVoterMapper.householdKey(street, zip), email == null ? List.of() : List.of(email),
                phone == null ? List.of() : List.of(phone), addresses, registrations, List.of(), List.of(),
                customFields(row));
    }

    /** Every mapped custom field, null when its columns are empty (a re-import then clears the old value). */
    private Map<String, String> customFields(Row row) {
        if (customPositions.isEmpty()) return Map.of();
        Map<String, String> values = new LinkedHashMap<>();
        customPositions.forEach((field, at) -> values.put(field, joined(row, at)));
        return values;
    }

    private String orState(String value) {
        return value != null ? value : mapping.state();
    }
}
