package org.muster.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.muster.MusterException;
import org.muster.identity.CampaignDedupe;
import org.muster.match.MatchConfig;
import org.muster.store.Database;
import org.muster.store.JooqMatchStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Deduplicates a campaign's people: uncertain pairs go to the review queue (the Duplicates page), and with
 * {@code --auto-merge} the sure ones are merged (each merge can be undone from that page). Reruns add only new pairs.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Find duplicate people in a campaign: queue uncertain pairs for review, optionally merge sure ones.")
final class MatchCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Option(names = "--campaign", description = "Campaign id (default: the first campaign).")
    Long campaignId;

    @Option(names = "--auto-merge", description = "Merge clusters at or above the match threshold (reversible).")
    boolean autoMerge;

    @Option(names = "--match-config", paramLabel = "FILE", description = "The campaign's match properties (overrides the defaults).")
    Path configFile;

    @Override
    public Integer call() throws IOException {
        MatchConfig config = matchConfig(configFile);
        try (Database database = db.open()) {
            long campaign = campaignId != null ? campaignId : AdminCommand.firstCampaign(database).id();
            PhaseProgress phases = new PhaseProgress();
            CampaignDedupe.Result result = CampaignDedupe.run(new JooqMatchStore(database), campaign, config, autoMerge,
                    null, phases);
            phases.finish();
            database.audit().record(null, "match.dedupe", "campaign:" + campaign, String.format(Locale.ROOT,
                    "%d people, %d candidate pairs, %d merged, %d queued for review", result.people(),
                    result.candidatePairs(), result.merged(), result.queued()));
            System.out.printf(Locale.ROOT, "Campaign %d: %,d people, %,d candidate pairs; %,d merged, %,d queued for "
                            + "review, %,d pairs already decided or queued.%n", campaign, result.people(),
                    result.candidatePairs(), result.merged(), result.queued(), result.alreadyKnown());
            return 0;
        }
    }

    /** A campaign's match properties over the defaults, or the defaults when {@code file} is null. */
    static MatchConfig matchConfig(Path file) throws IOException {
        if (file == null) return MatchConfig.defaults();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return MatchConfig.read(in);
        } catch (IllegalArgumentException e) {
            throw new MusterException("Bad match configuration " + file + ": " + e.getMessage(), e);
        }
    }
}
