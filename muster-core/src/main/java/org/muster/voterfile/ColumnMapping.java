package org.muster.voterfile;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the columns of a delimited file of no known layout become people: for each {@link Target} the column (or
 * columns, joined with a space: "HOUSE NO + STREET") it is read from, the state the registrations belong to, the
 * delimiter and the encoding (UTF-8 unless the user says otherwise). Saved per campaign by name, and written as text,
 * one {@code key=value} per line:
 * <pre>
 * state=WV
 * delimiter=|
 * encoding=UTF-8
 * registration_id=ID_VOTER
 * street=HOUSE NO + STREET
 * custom.Magisterial district=Magisterial District
 * </pre>
 * A {@code custom.<name>} line loads columns into the campaign's custom field of that name (created as a text field
 * when it does not exist): what a file carries beyond the people model.
 * <p>
 * A mapping with a registration id loads a voter file (people keyed on their registration); one without is a contact
 * list (a sign-up sheet, a petition export), whose rows are matched against the campaign's people instead
 * ({@link #isContactList()}).
 */
public record ColumnMapping(String state, char delimiter, Charset encoding, Map<Target, List<String>> columns,
                            Map<String, List<String>> customFields) {

    /** The key prefix of custom fields in the text form. */
    public static final String CUSTOM_PREFIX = "custom.";
    /** Longest custom field name. */
    public static final int CUSTOM_NAME_MAX = 100;

    private static final Pattern JOINED = Pattern.compile(" \\+ ");

    /** What a column can be loaded as. */
    public enum Target {
        REGISTRATION_ID("registration id (voter files; none for a contact list)"),
        STATE_VOTER_ID("state voter id"),
        FIRST_NAME("first name"),
        MIDDLE_NAME("middle name"),
        LAST_NAME("last name"),
        SUFFIX("name suffix"),
        BIRTH_DATE("birth date"),
        BIRTH_YEAR("birth year"),
        GENDER("gender"),
        PARTY("party"),
        STATUS("registration status"),
        REGISTRATION_DATE("registration date"),
        COUNTY("county"),
        PRECINCT("precinct"),
        WARD("ward"),
        MUNICIPALITY("municipality"),
        CONGRESSIONAL_DISTRICT("congressional district"),
        STATE_SENATE_DISTRICT("state senate district"),
        STATE_HOUSE_DISTRICT("state house district"),
        STREET("home street line"),
        ADDRESS_LINE2("home address line 2 (unit)"),
        CITY("home city"),
        ADDRESS_STATE("home state"),
        ZIP("home ZIP"),
        MAILING_STREET("mailing street line"),
        MAILING_LINE2("mailing address line 2"),
        MAILING_CITY("mailing city"),
        MAILING_STATE("mailing state"),
        MAILING_ZIP("mailing ZIP"),
        PHONE("phone"),
        EMAIL("email");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The key in the text form, e.g. "first_name". */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ColumnMapping {
        if (state == null || !state.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("The mapping needs the two-letter state of the registrations (state=WV)");
        }
        EnumMap<Target, List<String>> copy = new EnumMap<>(Target.class);
        columns.forEach((target, names) -> {
            if (!names.isEmpty()) copy.put(target, List.copyOf(names));
        });
        columns = Collections.unmodifiableMap(copy);
        Map<String, List<String>> custom = new LinkedHashMap<>();
        customFields.forEach((name, names) -> {
            String field = name == null ? "" : name.strip();
            if (field.isEmpty() || field.length() > CUSTOM_NAME_MAX || field.contains("=")) {
                throw new IllegalArgumentException("A custom field needs a name of 1 to " + CUSTOM_NAME_MAX
                        + " characters without '=', found '" + name + "'");
            }
            if (!names.isEmpty()) custom.merge(field, List.copyOf(names), (a, b) -> {
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
        });
        customFields = Collections.unmodifiableMap(custom);
    }

    /** A mapping without custom fields. */
    public ColumnMapping(String state, char delimiter, Charset encoding, Map<Target, List<String>> columns) {
        this(state, delimiter, encoding, columns, Map.of());
    }

    /** No registration id: each row is a person to match against the campaign's people, not a registration. */
    public boolean isContactList() {
        return !columns.containsKey(Target.REGISTRATION_ID);
    }

    /** Every column the mapping reads, for fields and custom fields alike. */
    public List<String> mappedColumns() {
        List<String> all = new ArrayList<>();
        columns.values().forEach(all::addAll);
        customFields.values().forEach(all::addAll);
        return all;
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException naming the line at fault
     */
    public static ColumnMapping parse(String text) {
        String state = null;
        char delimiter = ',';
        Charset encoding = StandardCharsets.UTF_8;
        Map<Target, List<String>> columns = new EnumMap<>(Target.class);
        Map<String, List<String>> custom = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq < 1) throw new IllegalArgumentException("Mapping line " + (i + 1) + ": expected key=value, found " + line);
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (key.startsWith(CUSTOM_PREFIX)) {
                String field = line.substring(0, eq).strip().substring(CUSTOM_PREFIX.length()).strip();
                if (field.isEmpty()) throw new IllegalArgumentException("Mapping line " + number
                        + ": name the custom field after 'custom.' (custom.Shirt size=SHIRT)");
                custom.put(field, columnNames(value));
                continue;
            }
            switch (key) {
                case "state" -> state = value.toUpperCase(Locale.ROOT);
                case "delimiter" -> delimiter = delimiter(value, i + 1);
                case "encoding" -> encoding = charset(value, i + 1);
                default -> {
                    Target target = Arrays.stream(Target.values()).filter(t -> t.key().equals(key)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("Mapping line " + number + ": " + key
                                    + " is not a field Muster loads (one of state, delimiter, encoding, "
                                    + String.join(", ", Arrays.stream(Target.values()).map(Target::key).toList())
                                    + ", or custom.<name> for a custom field)"));
                    columns.put(target, columnNames(value));
                }
            }
        }
        return new ColumnMapping(state, delimiter, encoding, columns, custom);
    }

    /** "HOUSE NO + STREET" to its column names. */
    private static List<String> columnNames(String value) {
        List<String> names = new ArrayList<>();
        for (String name : JOINED.split(value)) if (!name.isBlank()) names.add(name.strip());
        return names;
    }

    /** The text form {@link #parse} reads. */
    public String text() {
        StringBuilder s = new StringBuilder("state=").append(state).append('\n');
        s.append("delimiter=").append(delimiter == '\t' ? "tab" : String.valueOf(delimiter)).append('\n');
        s.append("encoding=").append(encoding.name()).append('\n');
        columns.forEach((target, names) -> s.append(target.key()).append('=').append(String.join(" + ", names))
                .append('\n'));
        customFields.forEach((field, names) -> s.append(CUSTOM_PREFIX).append(field).append('=')
                .append(String.join(" + ", names)).append('\n'));
        return s.toString();
    }

    public Dialect dialect() {
        return new Dialect(delimiter, encoding);
    }

    private static char delimiter(String value, int line) {
        if (value.equalsIgnoreCase("tab") || value.equals("\\t")) return '\t';
        if (value.length() != 1) throw new IllegalArgumentException("Mapping line " + line + ": the delimiter is one "
                + "character or 'tab', found " + value);
        return value.charAt(0);
    }

    private static Charset charset(String value, int line) {
        try {
            return Charset.forName(value);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("Mapping line " + line + ": unknown encoding " + value
                    + " (UTF-8, ISO-8859-1, windows-1252, ...)");
        }
    }
}
