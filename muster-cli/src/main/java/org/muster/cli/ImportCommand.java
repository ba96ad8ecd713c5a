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
import org.muster.store.JooqColumnMappingStore;
import org.muster.store.JooqRegistrationSourceStore;
import org.muster.voterfile.ColumnMapping;
import org.muster.voterfile.ColumnMappingStore;
import org.muster.voterfile.FormatDetector;
import org.muster.voterfile.GenericAdapter;
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
 * (crash, kill, power cut) from its checkpoint. A delimited file whose mapping has no registration id is a contact
 * list (a sign-up sheet, a petition export), imported through the person linker instead.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a voter file (NC ncvoter + ncvhis, Ohio SWVF, Florida extract + history, or a CSV/TSV "
                + "with --mapping); the format is detected; re-imports update in place. A mapping without a "
                + "registration id imports a contact list, each row matched against the campaign's people.")
final class ImportCommand implements Callable<Integer> {

    /** What a mapping without a registration id does, said before it starts. */
    static final String CONTACT_LIST = "Contact list (the mapping has no registration id): each row matched against "
            + "the campaign's people; a match updates that person, an uncertain one goes to the review queue";

    @Mixin DatabaseOptions db;

    @Option(names = "--voter-file", required = true, paramLabel = "FILE", description = "The voter file.")
    Path voterFile;

    @Option(names = "--history-file", paramLabel = "FILE",
            description = "Its separate vote-history file (NC ncvhis, Florida history).")
    Path historyFile;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|nc|oh|fl|generic",
            description = "The voter file's format; auto detects it from the first line (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--mapping", paramLabel = "NAME|FILE",
            description = "Column mapping for a generic delimited file: the name of a saved mapping, or a file of "
                    + "key=value lines (state, delimiter, encoding, registration_id, first_name, ...). Without a "
                    + "registration_id the file is a contact list: each row is matched against the campaign's people.")
    String mapping;

    @Option(names = "--save-mapping", paramLabel = "NAME",
            description = "Save the --mapping file under this name for the campaign, to reuse with --mapping NAME.")
    String saveMapping;

    @Option(names = "--geocodes", paramLabel = "FILE", description = "CSV registration_key,latitude,longitude.")
    Path geocodeFile;

    @Option(names = "--campaign", description = "Campaign id (default: the first campaign; one is created if none).")
    Long campaignId;

    @Option(names = "--resume", description = "Continue the unfinished import of the same files, if there is one.")
    boolean resume;

    @Option(names = "--no-source-rows",
            description = "Do not keep each row's original values for audit (a faster import).")
    boolean noSourceRows;

    @Option(names = "--errors-csv", paramLabel = "FILE", description = "Write the rejected rows (file,line,field,reason) here.")
    Path errorsCsv;

    /** The --format choice, or the detected format for auto. */
    private FormatDetector.Format format() throws IOException {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "nc": return FormatDetector.Format.NC_VOTER;
            case "oh": return FormatDetector.Format.OHIO_SWVF;
            case "fl": return FormatDetector.Format.FLORIDA_EXTRACT;
            case "generic": return FormatDetector.Format.DELIMITED;
            case "auto": break;
            default: throw new MusterException("--format is auto, nc, oh, fl or generic, not " + format);
        }
        try {
            FormatDetector.Detection detected = FormatDetector.detect(voterFile);
            System.err.println("Detected format: " + detected.format().label() + " (" + detected.explanation() + ")");
            return detected.format();
        } catch (VoterFileFormatException e) {
            throw new MusterException(e.getMessage(), e);
        }
    }

    /** The --mapping: a file of that name when there is one, else the campaign's saved mapping of that name. */
    private ColumnMapping mapping(Database database, long campaign) throws IOException {
        if (mapping == null) return null;
        Path file = Path.of(mapping);
        ColumnMappingStore saved = new JooqColumnMappingStore(database);
        ColumnMapping parsed;
        if (Files.isRegularFile(file)) {
            try {
                parsed = ColumnMapping.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new MusterException(file.getFileName() + ": " + e.getMessage(), e);
            }
        } else {
            parsed = saved.find(campaign, mapping).orElseThrow(() -> new MusterException("--mapping " + mapping
                    + " is neither a file nor a mapping saved for campaign " + campaign));
        }
        if (saveMapping != null) {
            saved.save(campaign, saveMapping, parsed, null);
            database.audit().record(null, "import.mapping.save", "campaign:" + campaign, saveMapping);
            System.err.println("Saved the mapping as " + saveMapping);
        }
        return parsed;
    }

    @Override
    public Integer call() throws IOException {
        FormatDetector.Format chosen = format();
        try (Database database = db.open()) {
            long campaign = campaignId != null ? campaignId : AdminCommand.firstCampaign(database).id();
            ImportJob job;
            boolean contactList;
            try {
                VoterFileAdapter adapter = FormatDetector.adapter(chosen, voterFile,
                        geocodeFile == null ? GeocodeLookup.none() : GeocodeLookup.loadCsv(geocodeFile),
                        mapping(database, campaign), mapping == null ? null : Path.of(mapping).getFileName().toString());
                contactList = adapter instanceof GenericAdapter generic && generic.contactList();
                if (contactList) {
                    if (historyFile != null) throw new MusterException("A contact list has no vote history: drop "
                            + "--history-file, or map a registration id to load a voter file");
                    System.err.println(CONTACT_LIST);
                    job = VoterFileLoading.loadContactList(database, campaign, (GenericAdapter) adapter, voterFile,
                            resume);
                } else {
                    job = VoterFileLoading.load(database, campaign, adapter, voterFile, historyFile, resume,
                            UnaryOperator.identity(), noSourceRows ? null : new JooqRegistrationSourceStore(database));
                }
            } catch (VoterFileFormatException e) {
                throw new MusterException(e.getMessage(), e);
            }
            database.audit().record(null, contactList ? "import.contactlist" : "import.voterfile",
                    "campaign:" + campaign, "job " + job.id() + ", " + voterFile + ": " + job.message());
            ImportJob.Counts c = job.counts();
            if (contactList) {
                System.out.printf(Locale.ROOT, "Import %d (%s): %,d matched, %,d new for review, %,d new, %,d rejected.%n",
                        job.id(), job.format(), c.matched(), c.review(), c.created(), c.rejected());
            } else {
                System.out.printf(Locale.ROOT, "Import %d (%s): %,d new, %,d updated, %,d unchanged, %,d rejected; "
                                + "votes %,d new, %,d already known, %,d of unknown registrations.%n", job.id(),
                        job.format(), c.created(), c.updated(), c.unchanged(), c.rejected(), c.votesNew(),
                        c.votesExisting(), c.votesUnmatched());
            }
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
