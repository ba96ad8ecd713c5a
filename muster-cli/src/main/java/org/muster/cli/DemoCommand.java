package org.muster.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.muster.account.Role;
import org.muster.campaign.Campaign;
import org.muster.generate.DemoEnrichment;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.geo.GeoJsonShapes;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import org.muster.voterfile.GeocodeLookup;
import org.muster.voterfile.NcAdapter;
import org.muster.voterfile.ImportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Generates a demo campaign, loads it into its own SQLite file and serves it. A demo loaded completely is
 * reused on the next run (a marker file is written only after the load finished), so an interrupted load is
 * redone from scratch rather than served half-way.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a realistic demo campaign, load it into an embedded database and start the server.")
final class DemoCommand implements Callable<Integer> {

    static final List<Role> DEMO_ROLES = List.of(Role.ADMIN, Role.ORGANISER, Role.VOLUNTEER);

    @Option(names = "--people", defaultValue = "50000", description = "People in the demo (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", defaultValue = "1", description = "Same seed, same campaign (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data-dir", defaultValue = "muster-data", paramLabel = "DIR",
            description = "Folder for data; the demo lives in DIR/demo (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Regenerate and reload even if this demo is already loaded.")
    boolean fresh;

    @Option(names = "--password", description = "Password for the demo accounts (default: a new random one each run).")
    String password;

    @Option(names = "--no-serve", description = "Load the demo and exit (for scripts and benchmarks).")
    boolean noServe;

    @Mixin ServerAddress address;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dir = dataDir.resolve("demo");
        Path marker = dir.resolve("loaded.properties");
        if (fresh || !loadedAlready(marker)) {
            deleteDatabase(dir);
            load(dir, marker);
        } else {
            System.out.println("Using the demo campaign already loaded in " + dir + " (--fresh reloads it).");
        }
        Database database = Database.open(DatabaseConfig.sqlite(dir.resolve("demo.db")));
        try {
            Campaign campaign = database.campaigns().all().get(0);
            String secret = password != null ? password : randomPassword();
            StringBuilder logins = new StringBuilder("Log in as any of these, password ").append(secret).append(':');
            for (Role role : DEMO_ROLES) {
                String email = role.name().toLowerCase(Locale.ROOT) + "@demo.muster";
                database.users().findByEmail(email).ifPresentOrElse(
                        user -> database.users().setPassword(user.id(), secret.toCharArray()),
                        () -> database.users().create(campaign.id(), email, "Demo " + role.name().toLowerCase(Locale.ROOT),
                                role, secret.toCharArray()));
                logins.append("\n  ").append(email).append("  (").append(role.name().toLowerCase(Locale.ROOT)).append(')');
            }
            DemoField.ensure(database, campaign.id(), database.users().findByEmail("volunteer@demo.muster").orElseThrow());
            if (noServe) {
                System.out.println(logins);
                return 0;
            }
            ServeCommand.runUntilStopped(database, campaign, address, dataDir.resolve("imports"), logins.toString());
            return 0;
        } finally {
            database.close();
        }
    }

    private void load(Path dir, Path marker) throws IOException {
        GeneratedFiles files = GenerateCommand.generate(new GeneratorOptions(people, seed, dir.resolve("files")));
        try (Database database = Database.open(DatabaseConfig.sqlite(dir.resolve("demo.db")))) {
            Campaign campaign = database.campaigns().create("Friends of Alex Rivera (demo)", "NC");
            NcAdapter nc = new NcAdapter(files.voterFile().getFileName().toString(),
                    GeocodeLookup.loadCsv(files.geocodeFile()));
            ImportJob job = VoterFileLoading.load(database, campaign.id(), nc, files.voterFile(), files.historyFile(),
                    false, new DemoEnrichment(seed), null);
            int shapes = ImportShapesCommand.load(database, campaign.id(), files.precinctShapesFile(),
                    GeoJsonShapes.read(files.precinctShapesFile(), null));
            DemoEngagement.load(database, campaign.id(), seed);
            System.out.printf(Locale.ROOT, "Loaded %,d people with %,d votes and %,d precinct shapes into %s%n",
                    job.counts().created(), job.counts().votesNew(), shapes, dir.resolve("demo.db"));
        }
        Properties loaded = new Properties();
        loaded.setProperty("people", Integer.toString(people));
        loaded.setProperty("seed", Long.toString(seed));
        try (Writer out = Files.newBufferedWriter(marker)) {
            loaded.store(out, "Muster demo: written after the load completed");
        }
    }

    private boolean loadedAlready(Path marker) throws IOException {
        if (!Files.exists(marker)) return false;
        Properties loaded = new Properties();
        try (Reader in = Files.newBufferedReader(marker)) {
            loaded.load(in);
        }
        return Integer.toString(people).equals(loaded.getProperty("people"))
                && Long.toString(seed).equals(loaded.getProperty("seed"));
    }

    private static void deleteDatabase(Path dir) throws IOException {
        for (String name : List.of("loaded.properties", "demo.db", "demo.db-wal", "demo.db-shm")) {
            Files.deleteIfExists(dir.resolve(name));
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) s.append('-');
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
