package org.muster.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the generator's plain comma-separated side files (no quoting, header skipped). */
final class ReferenceCsvTestFiles {

    private ReferenceCsvTestFiles() {
    }

    static List<String[]> rows(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream().skip(1).map(l -> l.split(",", -1))
                .toList();
    }
}
