package org.muster.segment;

import java.io.IOException;
import java.io.Writer;
import org.muster.people.PersonSummary;

/** The CSV form of an exported segment (RFC 4180: quoted when needed, CRLF line ends). */
public final class SegmentCsv {

    public static final String HEADER = "id,name,birth_year,address,email,phone";

    private SegmentCsv() {
    }

    public static void header(Writer out) throws IOException {
        out.write(HEADER + "\r\n");
    }

    public static void row(Writer out, PersonSummary p) throws IOException {
        Integer year = p.birthYear() != null ? p.birthYear() : p.birthDate() == null ? null : p.birthDate().getYear();
        out.write(String.join(",", String.valueOf(p.id()), cell(p.displayName()), year == null ? "" : year.toString(),
                cell(p.address()), cell(p.email()), cell(p.phone())) + "\r\n");
    }

    /** Quotes what needs it, and defuses cells a spreadsheet would run as a formula (CSV injection). */
    public static String cell(String value) {
        if (value == null) return "";
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
