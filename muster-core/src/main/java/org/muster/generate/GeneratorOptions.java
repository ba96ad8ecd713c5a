package org.muster.generate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * @param people    humans to generate (voter rows are a little more: duplicates add rows)
 * @param seed      same seed and people give byte-identical files
 * @param outputDir where the files are written (created if missing; existing files of the same names replaced)
 */
public record GeneratorOptions(int people, long seed, Path outputDir) {

    public static final int DEFAULT_PEOPLE = 50_000;

    public GeneratorOptions {
        if (people < 1) throw new IllegalArgumentException("people must be at least 1, was " + people);
        Objects.requireNonNull(outputDir, "outputDir");
    }

    public static GeneratorOptions defaults(Path outputDir) {
        return new GeneratorOptions(DEFAULT_PEOPLE, 1L, outputDir);
    }
}
