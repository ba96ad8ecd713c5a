package org.muster.voterfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Editing rows of NC files in tests: lines of quoted, tab-separated values, addressed by column name. */
final class NcTestLines {

    private NcTestLines() {
    }

    static List<String> read(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    }

    static Path write(Path file, List<String> lines) throws IOException {
        return Files.write(file, lines, StandardCharsets.ISO_8859_1);
    }

    static String get(String line, Layout layout, String column) {
        String value = line.split("\t", -1)[layout.index(column)];
        return value.substring(1, value.length() - 1);
    }

    static String set(String line, Layout layout, String column, String value) {
        String[] values = line.split("\t", -1);
        values[layout.index(column)] = '"' + value + '"';
        return String.join("\t", values);
    }
}
