package org.muster.voterfile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The NCSBE file convention shared by ncvoter and ncvhis: Latin-1, tab-delimited, every value in double quotes. */
final class NcDelimitedReader {

    private NcDelimitedReader() {
    }

    /**
     * Streams the rows of {@code file}, after checking its header against {@code layout}.
     *
     * @param check returns why a row is unusable, or null when it is fine
     * @return the number of good rows delivered
     */
    static long read(Path file, NcLayout layout, Function<NcRow, String> check, Consumer<NcRow> rows,
                     Consumer<BadRow> badRows) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.ISO_8859_1), 1 << 16)) {
            checkHeader(file, layout, reader.readLine());
            long lineNumber = 1;
            long good = 0;
            List<String> fields = new ArrayList<>(layout.size());
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isEmpty()) continue;
                split(line, fields);
                if (fields.size() != layout.size()) {
                    badRows.accept(new BadRow(file, lineNumber,
                            "expected " + layout.size() + " columns, found " + fields.size()));
                    continue;
                }
                NcRow row = new NcRow(lineNumber, layout, fields.toArray(String[]::new));
                String problem = check.apply(row);
                if (problem != null) {
                    badRows.accept(new BadRow(file, lineNumber, problem));
                    continue;
                }
                rows.accept(row);
                good++;
            }
            return good;
        }
    }

    private static void checkHeader(Path file, NcLayout layout, String header) {
        List<String> found = new ArrayList<>();
        if (header != null) split(header, found);
        if (!found.equals(layout.columns())) {
            List<String> expected = layout.columns();
            throw new VoterFileFormatException(file.getFileName() + " is not an NC " + layout.kind()
                    + " file: expected a tab-delimited header of " + expected.size() + " columns "
                    + String.join(", ", expected.subList(0, 4)) + ", ... " + expected.getLast()
                    + " (NCSBE layout), found " + (header == null ? "an empty file" : describe(found)));
        }
    }

    private static String describe(List<String> found) {
        String shown = String.join(", ", found.subList(0, Math.min(4, found.size())));
        if (shown.length() > 120) shown = shown.substring(0, 120) + "...";
        return found.size() + " column(s) starting " + shown;
    }

    /** Splits on tabs and removes the surrounding quotes; a doubled quote inside a value stands for one quote. */
    static void split(String line, List<String> out) {
        out.clear();
        int start = 0;
        while (true) {
            int tab = line.indexOf('\t', start);
            int end = tab < 0 ? line.length() : tab;
            out.add(unquote(line, start, end));
            if (tab < 0) return;
            start = tab + 1;
        }
    }

    private static String unquote(String line, int start, int end) {
        if (end - start >= 2 && line.charAt(start) == '"' && line.charAt(end - 1) == '"') {
            String inner = line.substring(start + 1, end - 1);
            return inner.indexOf('"') < 0 ? inner : inner.replace("\"\"", "\"");
        }
        return line.substring(start, end).strip();
    }
}
