package org.muster.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.muster.MusterException;
import org.muster.campaign.Campaign;
import org.muster.store.Database;
import org.muster.web.MusterServer;
import org.muster.web.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the web server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the Muster server.")
final class ServeCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;
    @Mixin ServerAddress address;

    @Option(names = "--campaign", description = "Campaign id to serve (default: the first campaign).")
    Long campaignId;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Database database = db.open();
        try {
            Campaign campaign = campaignId != null
                    ? database.campaigns().find(campaignId)
                            .orElseThrow(() -> new MusterException("There is no campaign " + campaignId + "."))
                    : database.campaigns().all().stream().findFirst().orElseThrow(() -> new MusterException(
                            "The database has no campaign yet: load one with ./muster import, or try ./muster demo."));
            runUntilStopped(database, campaign, address, db.dataDir.resolve("imports"), "");
            return 0;
        } finally {
            database.close();
        }
    }

    /** Starts the server, prints where it is, and blocks until Ctrl-C or SIGTERM, then stops it cleanly. */
    static void runUntilStopped(Database database, Campaign campaign, ServerAddress address, Path importDir,
            String banner) throws InterruptedException, IOException {
        Files.createDirectories(importDir);
        MusterServer server = MusterServer.start(database,
                ServerOptions.defaults(campaign.id(), importDir).withHost(address.host).withPort(address.port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The JVM halts when the hooks end, so the database is closed here, not after await() returns.
            server.stop();
            database.close();
            stopped.countDown();
        }, "muster-shutdown"));
        System.out.println("Muster is serving campaign \"" + campaign.name() + "\" at " + server.baseUrl() + "/");
        System.out.println("The import page reads voter files from " + importDir.toAbsolutePath() + ".");
        if (!banner.isEmpty()) System.out.println(banner);
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
    }
}
