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
import org.muster.voterfile.ColumnMapping;
import org.muster.voterfile.FormatDetector;
import org.muster.voterfile.GeocodeLookup;
import org.muster.voterfile.ImportErrorReport;
import org.muster.voterfile.ImportJob;
import org.muster.voterfile.VoterFileAdapter;
import org.muster.voterfile.VoterFileFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Imports a voter file (NC, Ohio, Florida, or any delimited file through a column mapping) through the resumable
 * ingestion engine: re-imports update people in place, and {@code --resume} continues an import that was interrupted
 * (crash, kill, power cut) from its checkpoint.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a voter file (NC ncvoter + ncvhis, Ohio SWVF, Florida extract + history, or a CSV/TSV "
                + "with --mapping); the format is detected; re-imports update in place.")
final class ImportCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Option(names = "--voter-file", required = true, paramLabel = "FILE", description = "The voter file.")
    Path voterFile;

    @Option(names = "--history-file", paramLabel = "FILE",
            description = "Its separate vote-history file (NC ncvhis, Florida history).")
    Path historyFile;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Column mapping for a delimited file of no known layout (key=value lines: state, delimiter, "
                    + "encoding, registration_id, first_name, ...).")
    Path mappingFile;

    @Option(names = "--geocodes", paramLabel = "FILE", description = "CSV registration_key,latitude,longitude.")
    Path geocodeFile;

    @Option(names = "--campaign", description = "Campaign id (default: the first campaign; one is created if none).")
    Long campaignId;

    @Option(names = "--resume", description = "Continue the unfinished import of the same files, if there is one.")
    boolean resume;

    @Option(names = "--errors-csv", paramLabel = "FILE", description = "Write the rejected rows (file,line,field,reason) here.")
    Path errorsCsv;

    private static ColumnMapping mapping(Path file) throws IOException {
        try {
            return ColumnMapping.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new MusterException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws IOException {
        FormatDetector.Detection detected;
        try {
            detected = FormatDetector.detect(voterFile);
        } catch (VoterFileFormatException e) {
            throw new MusterException(e.getMessage(), e);
        }
        System.err.println("Detected format: " + detected.format().label() + " (" + detected.explanation() + ")");
        try (Database database = db.open()) {
            long campaign = campaignId != null ? campaignId : AdminCommand.firstCampaign(database).id();
            ImportJob job;
            try {
                ColumnMapping mapping = mappingFile == null ? null : mapping(mappingFile);
                VoterFileAdapter adapter = FormatDetector.adapter(detected, voterFile,
                        geocodeFile == null ? GeocodeLookup.none() : GeocodeLookup.loadCsv(geocodeFile), mapping,
                        mappingFile == null ? null : mappingFile.getFileName().toString());
                job = VoterFileLoading.load(database, campaign, adapter, voterFile, historyFile, resume,
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
