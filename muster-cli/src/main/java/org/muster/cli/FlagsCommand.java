package org.muster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.muster.MusterException;
import org.muster.campaign.Campaign;
import org.muster.identity.CampaignFlags;
import org.muster.identity.FlagReport;
import org.muster.match.ListFile;
import org.muster.match.MatchConfig;
import org.muster.match.MatchRecord;
import org.muster.match.VoterFlags;
import org.muster.store.Database;
import org.muster.store.JooqMatchStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Flags a campaign's registrations as possibly deceased (against a death list), moved out of state (against another
 * state's list) or registered twice, precision first: a flag needs a high probability and a corroborating field
 * beyond name and birth date. Writes one CSV row per flag with its evidence; {@code --tag} tags the flagged people.
 */
@Command(name = "flags", mixinStandardHelpOptions = true,
        description = "Flag possible deceased, moved-out-of-state or duplicate registrations, with the evidence.")
final class FlagsCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Check check;

    static final class Check {
        @Option(names = "--deaths", paramLabel = "FILE", required = true,
                description = "A death list (CSV with a header: id, last_name, and first_name, middle_name, birth_date "
                        + "or birth_year, street_address, city, state, zip when known).")
        Path deaths;

        @Option(names = "--other-state", paramLabel = "FILE", required = true,
                description = "Another state's voter list (CSV, the same columns, plus phone and email when known).")
        Path otherState;

        @Option(names = "--duplicates", required = true, description = "Pairs of the campaign's own registrations.")
        boolean duplicates;
    }

    @Option(names = "--home-state", paramLabel = "ST",
            description = "With --other-state: the campaign's state (default: the campaign's, else the state of most of "
                    + "its people's addresses).")
    String homeState;

    @Option(names = "--campaign", description = "Campaign id (default: the first campaign).")
    Long campaignId;

    @Option(names = "--match-config", paramLabel = "FILE", description = "The campaign's match properties (overrides the defaults).")
    Path configFile;

    @Option(names = "--min-probability", defaultValue = "" + VoterFlags.DEFAULT_MIN_PROBABILITY, paramLabel = "P",
            description = "Least match probability of a flag (default: ${DEFAULT-VALUE}, at most one in a thousand wrong).")
    double minProbability;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV report to write (default: standard output).")
    Path out;

    @Option(names = "--tag", description = "Tag the flagged people (e.g. flag-possible-deceased) for segments and review.")
    boolean tag;

    @Override
    public Integer call() throws IOException {
        if (!(minProbability > 0 && minProbability < 1)) {
            throw new MusterException("--min-probability must be between 0 and 1, was " + minProbability + ".");
        }
        MatchConfig config = MatchCommand.matchConfig(configFile);
        Path listFile = check.deaths != null ? check.deaths : check.otherState;
        List<MatchRecord> list = listFile == null ? List.of() : readList(listFile);
        try (Database database = db.open()) {
            Campaign campaign = campaignId != null
                    ? database.campaigns().all().stream().filter(c -> c.id() == campaignId).findFirst()
                            .orElseThrow(() -> new MusterException("There is no campaign " + campaignId + "."))
                    : AdminCommand.firstCampaign(database);
            JooqMatchStore store = new JooqMatchStore(database);
            PhaseProgress phases = new PhaseProgress();
            CampaignFlags.Result result;
            if (check.deaths != null) {
                result = CampaignFlags.deceased(store, campaign.id(), config, list, minProbability, phases);
            } else if (check.otherState != null) {
                String home = homeState != null ? homeState
                        : campaign.state() != null && !campaign.state().isBlank() ? campaign.state() : null;
                result = CampaignFlags.movedOutOfState(store, campaign.id(), config, list, home, minProbability,
                        phases);
            } else {
                result = CampaignFlags.duplicates(store, campaign.id(), config, minProbability, phases);
            }
            phases.finish();
            int tagged = tag ? CampaignFlags.tag(store, campaign.id(), result, "muster flags") : -1;
            String summary = FlagReport.summary(result, tagged);
            database.audit().record(null, "match.flags", "campaign:" + campaign.id(),
                    (listFile == null ? "" : listFile.getFileName() + ": ") + summary);
            if (out == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                FlagReport.write(result, stdout);
                stdout.flush();
                System.err.println(summary);
            } else {
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    FlagReport.write(result, w);
                }
                System.out.println(summary + " Report: " + out);
            }
            return 0;
        }
    }

    private static List<MatchRecord> readList(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new MusterException("There is no file " + file + ".");
        Progress bar = new Progress("reading " + file.getFileName(), 0);
        List<MatchRecord> records = ListFile.read(file, lines -> bar.set(lines));
        bar.finish();
        if (records.isEmpty()) throw new MusterException(file.getFileName() + " has no records after its header.");
        return records;
    }
}
