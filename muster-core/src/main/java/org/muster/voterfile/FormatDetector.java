package org.muster.voterfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
        FLORIDA_HISTORY("Florida voter history"),
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
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9 _./#()-]*");

    private FormatDetector() {
    }

    /** @throws VoterFileFormatException when the file is none of these: one message for the whole file */
    public static Detection detect(Path file) throws IOException {
        String first = firstLine(file);
        String name = file.getFileName().toString();
        if (first == null || first.isBlank()) throw new VoterFileFormatException(name + " is empty: not a voter file");
        char delimiter = delimiter(first);
        List<String> fields = new ArrayList<>();
        DelimitedReader.split(first.startsWith("\u00EF\u00BB\u00BF") ? first.substring(3) : first, delimiter, fields);
        if (fields.equals(NcLayout.VOTER.columns())) {
            return new Detection(Format.NC_VOTER, delimiter, fields.size(), "header is the NCSBE ncvoter layout ("
                    + fields.size() + " columns)");
        }
        if (fields.equals(NcLayout.HISTORY.columns())) {
            return new Detection(Format.NC_HISTORY, delimiter, fields.size(), "header is the NCSBE ncvhis layout ("
                    + fields.size() + " columns)");
        }
        if (OhioAdapter.isHeader(fields)) {
            return new Detection(Format.OHIO_SWVF, delimiter, fields.size(), "header starts with the "
                    + OhioAdapter.FIXED.size() + " SWVF columns (SOS_VOTERID, ...) then "
                    + (fields.size() - OhioAdapter.FIXED.size()) + " election columns");
        }
        if (delimiter == '\t' && FloridaAdapter.looksLike(fields, FloridaAdapter.VOTER)) {
            return new Detection(Format.FLORIDA_EXTRACT, delimiter, fields.size(), "no header; " + fields.size()
                    + " tab-separated columns starting with a county code (" + fields.get(0) + ") and a voter id");
        }
        if (delimiter == '\t' && FloridaAdapter.looksLike(fields, FloridaAdapter.HISTORY)) {
            return new Detection(Format.FLORIDA_HISTORY, delimiter, fields.size(), "no header; "
                    + fields.size() + " tab-separated columns: county code, voter id, election date, type, code");
        }
        if (fields.size() >= 3 && fields.stream().allMatch(f -> WORD.matcher(f).matches())) {
            return new Detection(Format.DELIMITED, delimiter, fields.size(), "a header of " + fields.size()
                    + " named columns separated by " + new Dialect(delimiter, StandardCharsets.UTF_8).delimiterName()
                    + ", in no layout Muster knows");
        }
        throw new VoterFileFormatException(name + " is not a voter file: its first line is neither a known voter-file "
                + "header (NC, Ohio), a Florida extract row, nor a header of named columns");
    }

    /**
     * The adapter that loads a voter file of a format (detected, or chosen by the user).
     *
     * @param mapping     the column mapping, for a {@link Format#DELIMITED} file (ignored otherwise)
     * @param mappingName its name, recorded on the job
     * @throws VoterFileFormatException when the file is a history file, or a delimited file comes without a mapping
     */
    public static VoterFileAdapter adapter(Format format, Path voterFile, GeocodeLookup geocodes,
                                           ColumnMapping mapping, String mappingName) {
        String name = voterFile.getFileName().toString();
        return switch (format) {
            case NC_VOTER -> new NcAdapter(name, geocodes);
            case OHIO_SWVF -> new OhioAdapter(name);
            case FLORIDA_EXTRACT -> new FloridaAdapter(name);
            case NC_HISTORY, FLORIDA_HISTORY -> throw new VoterFileFormatException(name + " is a "
                    + format.label() + " file: give it as the history file, with its voter file");
            case DELIMITED -> {
                if (mapping == null) {
                    throw new VoterFileFormatException(name + " is a " + format.label()
                            + ": choose or save a column mapping to load it");
                }
                yield new GenericAdapter(mapping, mappingName, name);
            }
        };
    }

    /**
     * The first {@code lines} lines of a file split on {@code delimiter}, decoded as Latin-1 (which reads any byte):
     * what a mapping editor shows as the header and sample values.
     */
    public static List<List<String>> preview(Path file, char delimiter, int lines) throws IOException {
        byte[] bytes = new byte[FIRST_LINE_BYTES * 4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(bytes, 0, bytes.length);
        }
        List<List<String>> rows = new ArrayList<>();
        String text = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) text = text.substring(3);
        for (String line : text.split("\r?\n", lines + 1)) {
            if (rows.size() == lines) break;
            List<String> fields = new ArrayList<>();
            DelimitedReader.split(line, delimiter, fields);
            rows.add(fields);
        }
        return rows;
    }

    /** The first line's values split on {@code delimiter} (empty for an empty file). */
    static List<String> firstFields(Path file, char delimiter) throws IOException {
        String first = firstLine(file);
        List<String> fields = new ArrayList<>();
        if (first != null) DelimitedReader.split(first, delimiter, fields);
        return fields;
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
}
