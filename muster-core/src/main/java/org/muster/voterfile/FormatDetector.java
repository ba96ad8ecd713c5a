package org.muster.voterfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.muster.reference.ReferenceCsv;

/**
 * Tells which kind of voter file a file is from its first line: the header of a known layout, the shape of a
 * headerless one (Florida), or a generic delimited file with a header, which needs a column mapping. The
 * {@link Detection#explanation()} says why, so the CLI and the import page can show what was chosen.
 */
public final class FormatDetector {

    public enum Format {
        NC_VOTER("North Carolina ncvoter"),
        NC_HISTORY("North Carolina ncvhis (vote history)"),
        OHIO_SWVF("Ohio statewide voter file (SWVF)"),
        FLORIDA_EXTRACT("Florida voter extract"),
        DELIMITED("delimited file with a header (needs a column mapping)");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** @param delimiter the column separator found: tab, comma or pipe */
    public record Detection(Format format, char delimiter, int columns, String explanation) {
    }

    private static final int FIRST_LINE_BYTES = 1 << 16;
    private static final Pattern OHIO_ELECTION = Pattern.compile("[A-Z ]+-\\d\\d/\\d\\d/\\d{4}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9 _./#()-]*");
    private static final List<String> OHIO_FIXED = layout("OH");
    private static final int FLORIDA_COLUMNS = layout("FL").size();

    private FormatDetector() {
    }

    private static List<String> layout(String state) {
        List<String> columns = new ArrayList<>();
        for (String[] row : ReferenceCsv.rows("voterlayouts/oh_fl_layouts.csv")) {
            // Ohio's last row stands for the election columns, which vary by file.
            if (row[0].equals(state) && !row[2].startsWith("<")) columns.add(row[2]);
        }
        return List.copyOf(columns);
    }

    /** @throws VoterFileFormatException when the file is none of these: one message for the whole file */
    public static Detection detect(Path file) throws IOException {
        String first = firstLine(file);
        String name = file.getFileName().toString();
        if (first == null || first.isBlank()) throw new VoterFileFormatException(name + " is empty: not a voter file");
        char delimiter = delimiter(first);
        List<String> fields = new ArrayList<>();
        if (delimiter == '\t') {
            NcDelimitedReader.split(first, fields);
        } else {
            for (String f : first.split(Pattern.quote(String.valueOf(delimiter)), -1)) fields.add(unquote(f));
        }
        if (fields.equals(NcLayout.VOTER.columns())) {
            return new Detection(Format.NC_VOTER, delimiter, fields.size(), "header is the NCSBE ncvoter layout ("
                    + fields.size() + " columns)");
        }
        if (fields.equals(NcLayout.HISTORY.columns())) {
            return new Detection(Format.NC_HISTORY, delimiter, fields.size(), "header is the NCSBE ncvhis layout ("
                    + fields.size() + " columns)");
        }
        if (fields.size() >= OHIO_FIXED.size() && fields.subList(0, OHIO_FIXED.size()).equals(OHIO_FIXED)
                && fields.subList(OHIO_FIXED.size(), fields.size()).stream().allMatch(f -> OHIO_ELECTION.matcher(f).matches())) {
            return new Detection(Format.OHIO_SWVF, delimiter, fields.size(), "header starts with the "
                    + OHIO_FIXED.size() + " SWVF columns (SOS_VOTERID, ...) then " + (fields.size() - OHIO_FIXED.size())
                    + " election columns");
        }
        if (delimiter == '\t' && fields.size() == FLORIDA_COLUMNS && fields.get(0).matches("[A-Z]{3}")
                && fields.get(1).matches("\\d+")) {
            return new Detection(Format.FLORIDA_EXTRACT, delimiter, fields.size(), "no header; " + FLORIDA_COLUMNS
                    + " tab-separated columns starting with a county code (" + fields.get(0) + ") and a voter id");
        }
        if (fields.size() >= 3 && fields.stream().allMatch(f -> WORD.matcher(f).matches())) {
            return new Detection(Format.DELIMITED, delimiter, fields.size(), "a header of " + fields.size()
                    + " named columns separated by " + describe(delimiter) + ", in no layout Muster knows");
        }
        throw new VoterFileFormatException(name + " is not a voter file: its first line is neither a known voter-file "
                + "header (NC, Ohio), a Florida extract row, nor a header of named columns");
    }

    private static String firstLine(Path file) throws IOException {
        byte[] bytes = new byte[FIRST_LINE_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(bytes, 0, bytes.length);
        }
        if (n == 0) return null;
        int end = 0;
        while (end < n && bytes[end] != '\n') end++;
        if (end > 0 && bytes[end - 1] == '\r') end--;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static char delimiter(String line) {
        char best = ',';
        long bestCount = -1;
        for (char c : new char[] {'\t', ',', '|'}) {
            long count = line.chars().filter(ch -> ch == c).count();
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    private static String describe(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tabs";
            case '|' -> "pipes";
            default -> "commas";
        };
    }

    private static String unquote(String value) {
        String v = value.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
