package org.muster.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.muster.store.Database;
import org.muster.voterfile.NcVoterImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Loads a North Carolina voter file. This is the basic loader the demo uses; re-imports that update in place and
 * resumable statewide imports come with the ingestion engine.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load an NC ncvoter file (and optionally its ncvhis history) into the database.")
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

    @Override
    public Integer call() throws IOException {
        try (Database database = db.open()) {
            long campaign = campaignId != null ? campaignId : AdminCommand.firstCampaign(database).id();
            NcVoterImport.Result result = VoterFileLoading.loadNc(database, campaign, voterFile, historyFile, geocodeFile,
                    0, UnaryOperator.identity());
            database.audit().record(null, "import.voterfile", "campaign:" + campaign,
                    voterFile + ": " + result.people() + " people, " + result.badRows() + " rows skipped");
            System.out.printf(Locale.ROOT, "Loaded %,d people with %,d votes; %,d rows skipped.%n",
                    result.people(), result.votes(), result.badRows());
            return 0;
        }
    }
}
