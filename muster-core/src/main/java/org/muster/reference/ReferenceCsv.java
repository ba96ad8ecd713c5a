package org.muster.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the small UTF-8 CSV files under {@code org/muster/reference/} from the classpath. */
public final class ReferenceCsv {

    private ReferenceCsv() {
    }

    /**
     * Returns the data rows (header skipped) of a bundled CSV, e.g. {@code "geo/nc_zipcodes.csv"}.
     * Fields may be double-quoted (the layout descriptions contain commas).
     */
    public static List<String[]> rows(String resource) {
        String path = "/org/muster/reference/" + resource;
        try (InputStream in = ReferenceCsv.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("Missing bundled reference file " + path);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) rows.add(split(line));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundled reference file " + path, e);
        }
    }

    static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
