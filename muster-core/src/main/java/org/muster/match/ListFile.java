package org.muster.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import org.muster.MusterException;

/**
 * Reads an outside list of people (a death list, another state's voter file) from a CSV with a header into match
 * records of source 1, to link against a campaign. Columns are found by name, with the usual spellings: an id and a
 * last name are required, everything else (first, middle, birth date or year, address, city, state, ZIP, phone,
 * email, SSN) is used when present. UTF-8, or Latin-1 when the file is not valid UTF-8. A malformed file is refused
 * with the line and column at fault, never half read.
 */
public final class ListFile {

    /** The column names accepted for each field, lower case, spaces and dashes read as underscores. */
    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("id", List.of("id", "record_id", "voter_id", "list_id", "voter_reg_num", "registration_id")),
            Map.entry("first", List.of("first_name", "first", "given_name")),
            Map.entry("middle", List.of("middle_name", "middle", "middle_initial")),
            Map.entry("last", List.of("last_name", "last", "surname", "family_name")),
            Map.entry("birth_date", List.of("birth_date", "date_of_birth", "dob", "birthdate")),
            Map.entry("birth_year", List.of("birth_year", "year_of_birth")),
            Map.entry("address", List.of("street_address", "address", "residence_address", "res_street_address",
                    "address_line_1", "line1")),
            Map.entry("city", List.of("city", "res_city_desc", "residence_city")),
            Map.entry("state", List.of("state", "state_cd", "residence_state")),
            Map.entry("zip", List.of("zip", "zip_code", "zipcode", "postal_code", "residence_zip")),
            Map.entry("phone", List.of("phone", "phone_number", "full_phone_number", "telephone")),
            Map.entry("email", List.of("email", "email_address")),
            Map.entry("ssn", List.of("ssn", "social_security_number")));

    /** Lines (a header included) read between two progress reports. */
    private static final int PROGRESS_EVERY = 10_000;

    private ListFile() {
    }

    /** The file's people as match records of source 1, reporting the lines read every 10,000 lines. */
    public static List<MatchRecord> read(Path file, LongConsumer progress) throws IOException {
        try {
            return read(file, StandardCharsets.UTF_8, progress);
        } catch (CharacterCodingException notUtf8) {
            return read(file, StandardCharsets.ISO_8859_1, progress);
        }
    }

    private static List<MatchRecord> read(Path file, Charset charset, LongConsumer progress) throws IOException {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String headerLine = in.readLine();
            if (headerLine == null) throw refuse(file, 1, "is empty: expected a header line");
            if (headerLine.startsWith("\uFEFF")) headerLine = headerLine.substring(1);
            List<String> header = split(file, 1, headerLine);
            Map<String, Integer> column = columns(file, header);
            List<MatchRecord> records = new ArrayList<>();
            long lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (lineNumber % PROGRESS_EVERY == 0) progress.accept(lineNumber);
                if (line.isBlank()) continue;
                List<String> values = split(file, lineNumber, line);
                if (values.size() != header.size()) {
                    throw refuse(file, lineNumber, "has " + values.size() + " columns where the header has "
                            + header.size());
                }
                records.add(record(file, lineNumber, header, column, values));
            }
            progress.accept(lineNumber);
            return records;
        }
    }

    private static Map<String, Integer> columns(Path file, List<String> header) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (Map.Entry<String, List<String>> alias : ALIASES.entrySet()) {
                if (alias.getValue().contains(name)) column.putIfAbsent(alias.getKey(), i);
            }
        }
        for (String required : List.of("id", "last")) {
            if (!column.containsKey(required)) {
                throw refuse(file, 1, "has no " + required + " column: the header needs one of "
                        + String.join(", ", ALIASES.get(required)) + " (found " + String.join(", ", header) + ")");
            }
        }
        return column;
    }

    private static MatchRecord record(Path file, long lineNumber, List<String> header, Map<String, Integer> column,
            List<String> values) {
        String id = value(values, column, "id");
        if (id == null) throw refuse(file, lineNumber, "has no value in column " + header.get(column.get("id")));
        MatchRecord.Builder b = MatchRecord.builder(id).source(1).first(value(values, column, "first"))
                .middle(value(values, column, "middle")).last(value(values, column, "last"))
                .address(value(values, column, "address")).city(value(values, column, "city"))
                .state(value(values, column, "state")).zip(value(values, column, "zip"))
                .phone(value(values, column, "phone")).email(value(values, column, "email"))
                .ssn(value(values, column, "ssn"));
        String date = value(values, column, "birth_date");
        String year = value(values, column, "birth_year");
        if (date != null) {
            if (!date.matches("\\d{4}-?\\d{2}-?\\d{2}")) {
                throw refuse(file, lineNumber, "column " + header.get(column.get("birth_date"))
                        + " holds \"" + date + "\": expected a date as yyyy-mm-dd");
            }
            b.birthDate(date);
        } else if (year != null) {
            if (!year.matches("\\d{4}")) {
                throw refuse(file, lineNumber, "column " + header.get(column.get("birth_year"))
                        + " holds \"" + year + "\": expected a four-digit year");
            }
            b.birthYear(Integer.parseInt(year));
        }
        return b.build();
    }

    private static String value(List<String> values, Map<String, Integer> column, String field) {
        Integer i = column.get(field);
        if (i == null) return null;
        String v = values.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    /** One CSV line: commas, values optionally in double quotes with "" for a quote inside. */
    static List<String> split(Path file, long lineNumber, String line) {
        List<String> out = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                int start = i + 1;
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw refuse(file, lineNumber, "column " + (out.size() + 1) + " opens a quote at character "
                                + start + " that is never closed (values spanning lines are not supported)");
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        value.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw refuse(file, lineNumber, "column " + (out.size() + 1)
                            + " has text after its closing quote at character " + (i + 1));
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') value.append(line.charAt(i++));
            }
            out.add(value.toString());
            value.setLength(0);
            if (i >= line.length()) return out;
            i++; // the comma
        }
    }

    private static MusterException refuse(Path file, long lineNumber, String problem) {
        return new MusterException(file.getFileName() + " line " + lineNumber + " " + problem + ".");
    }
}
