package org.muster.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.muster.MusterException;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.generate.OtherStateLayouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a synthetic campaign as real NC (or Ohio, Florida) voter files with ground truth, without loading it. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic voter file (NC ncvoter + ncvhis, Latin-1; or the same people in the Ohio or "
                + "Florida layout) with planted duplicates, deaths, moves and households, and the ground truth beside it.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--people", defaultValue = "50000", description = "People to generate (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", defaultValue = "1", description = "Same seed, same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "muster-data/generated", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", defaultValue = "nc", paramLabel = "nc|oh|fl",
            description = "Layout: nc (ncvoter + ncvhis), oh (Ohio SWVF, history inline) or fl (Florida extract and "
                    + "history); the same people either way (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        GeneratedFiles files = generate(new GeneratorOptions(people, seed, out));
        if (!format.equalsIgnoreCase("nc")) {
            OtherStateLayouts.Format layout;
            try {
                layout = OtherStateLayouts.Format.valueOf(format.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new MusterException("--format is nc, oh or fl, not " + format);
            }
            files = OtherStateLayouts.write(files, layout);
        }
        System.out.println(summary(files));
        return 0;
    }

    static GeneratedFiles generate(GeneratorOptions options) throws IOException {
        Progress progress = new Progress("Generating voter rows", 0);
        GeneratedFiles files = DemoCampaignGenerator.generate(options, progress::set);
        progress.finish();
        return files;
    }

    static String summary(GeneratedFiles f) {
        return String.format(java.util.Locale.ROOT, """
                Wrote %,d people as %,d voter rows and %,d vote-history rows:
                  %s
                  %s
                Planted: %,d duplicate registrations, %,d deceased, %,d moved out of state, %,d households.
                Ground truth: %s and %s%s""",
                f.people(), f.voterRows(), f.historyRows(), f.voterFile(),
                f.historyFile() == null ? "(history inline in the voter file)" : f.historyFile(), f.duplicates(), f.deceased(),
                f.movedOutOfState(), f.households(), f.groundTruthFile(), f.truthPersonsFile(),
                f.deathsFile() == null ? "" : String.format(java.util.Locale.ROOT,
                        "%nLists to flag against (muster flags): %s and %s, truth beside them", f.deathsFile(),
                        f.otherStateFile()));
    }
}
