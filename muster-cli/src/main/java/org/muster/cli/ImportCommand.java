package org.muster.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.muster.MusterException;
import org.muster.store.Database;
import org.muster.voterfile.FormatDetector;
import org.muster.voterfile.GeocodeLookup;
import org.muster.voterfile.ImportErrorReport;
import org.muster.voterfile.ImportJob;
import org.muster.voterfile.VoterFileFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Imports a North Carolina voter file through the resumable ingestion engine: re-imports update people in place,
 * and {@code --resume} continues an import that was interrupted (crash, kill, power cut) from its checkpoint.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an NC ncvoter file (and optionally its ncvhis history); re-imports update in place.")
final class ImportCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Option(names = "--voter-file", required = true, paramLabel = "FILE", description = "NC ncvoter file.")
    Path voterFile;

    @Option(names = "--history-file", paramLabel = "FILE", description = "NC ncvhis file for the same voters.")
    Path historyFile;

    @Option(names = "--geocodes", paramLabel = "FILE", description = "CSV registration_key,latitude,longitude.")
    Path geocodeFile;

    @Option(names = "--campaign", description = "Campaign id (default: the first campaign; one is created if none).")
    Long campaignId;

    @Option(names = "--resume", description = "Continue the unfinished import of the same files, if there is one.")
    boolean resume;

    @Option(names = "--errors-csv", paramLabel = "FILE", description = "Write the rejected rows (file,line,field,reason) here.")
    Path errorsCsv;

    @Override
    public Integer call() throws IOException {
        FormatDetector.Detection detected;
        try {
            detected = FormatDetector.detect(voterFile);
        } catch (VoterFileFormatException e) {
            throw new MusterException(e.getMessage(), e);
        }
        System.err.println("Detected format: " + detected.format().label() + " (" + detected.explanation() + ")");
        if (detected.format() != FormatDetector.Format.NC_VOTER) {
            throw new MusterException(voterFile.getFileName() + " is a " + detected.format().label()
                    + "; this version imports North Carolina ncvoter files (with their ncvhis history) only.");
        }
        try (Database database = db.open()) {
            long campaign = campaignId != null ? campaignId : AdminCommand.firstCampaign(database).id();
            ImportJob job;
            try {
                job = VoterFileLoading.importNc(database, campaign, voterFile, historyFile,
                        geocodeFile == null ? GeocodeLookup.none() : GeocodeLookup.loadCsv(geocodeFile), resume,
                        UnaryOperator.identity());
            } catch (VoterFileFormatException e) {
                throw new MusterException(e.getMessage(), e);
            }
            database.audit().record(null, "import.voterfile", "campaign:" + campaign,
                    "job " + job.id() + ", " + voterFile + ": " + job.message());
            ImportJob.Counts c = job.counts();
            System.out.printf(Locale.ROOT, "Import %d (%s): %,d new, %,d updated, %,d unchanged, %,d rejected; "
                            + "votes %,d new, %,d already known, %,d of unknown registrations.%n", job.id(), job.format(),
                    c.created(), c.updated(), c.unchanged(), c.rejected(), c.votesNew(), c.votesExisting(),
                    c.votesUnmatched());
            if (errorsCsv != null) {
                try (Writer out = Files.newBufferedWriter(errorsCsv, StandardCharsets.UTF_8)) {
                    ImportErrorReport.writeCsv(database.imports(), job.id(), out);
                }
                System.out.println("Rejected rows written to " + errorsCsv);
            }
            return 0;
        }
    }
}
