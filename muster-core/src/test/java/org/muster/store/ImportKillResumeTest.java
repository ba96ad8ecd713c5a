package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.voterfile.GeocodeLookup;
import org.muster.voterfile.ImportChild;
import org.muster.voterfile.ImportJob;
import org.muster.voterfile.VoterFileImporter;

/**
 * Kills a real importing JVM with SIGKILL while it loads voters (on SQLite), history (on PostgreSQL) or builds the
 * indexes its first load deferred (both), then resumes and compares the database with the files: every row exactly
 * once, every index back. One kill per database keeps the test short
 * (each child JVM costs seconds) while both phases and both databases are covered.
 */
class ImportKillResumeTest {

    private static final int BATCH = 50;

    @TempDir
    static Path dir;
    static GeneratedFiles files;

    @BeforeAll
    static void generate() throws IOException {
        files = DemoCampaignGenerator.generate(new GeneratorOptions(600, 5, dir), rows -> { });
    }

    static Stream<Arguments> databasesAndPhases() {
        List<Named<Supplier<Database>>> databases = TestDatabases.both().toList();
        return Stream.of(Arguments.of(databases.get(0), ImportJob.Phase.VOTERS),
                Arguments.of(databases.get(1), ImportJob.Phase.HISTORY),
                Arguments.of(databases.get(0), ImportJob.Phase.INDEXES),
                Arguments.of(databases.get(1), ImportJob.Phase.INDEXES));
    }

    @ParameterizedTest(name = "{0}, killed in {1}")
    @MethodSource("databasesAndPhases")
    void killedThenResumedLoadsEveryRowExactlyOnce(Supplier<Database> open, ImportJob.Phase phase) throws Exception {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            List<String> indexes = DeferredIndexesTest.indexesAndForeignKeys(db);

            // The first load into the empty database defers its indexes: the INDEXES kill strikes between rebuilds.
            ImportJob killed = killWhen(db, campaign, job -> switch (phase) {
                case VOTERS -> job.counts().voterRows() > 0;
                case INDEXES -> job.phase() == ImportJob.Phase.INDEXES && DeferredIndexes.pending(db.dsl(), job.id()) > 1;
                default -> job.phase() == ImportJob.Phase.HISTORY && job.counts().votesNew() > 0;
            });
            assertThat(killed.status()).isEqualTo(ImportJob.Status.RUNNING);
            assertThat(killed.phase()).isEqualTo(phase);
            switch (phase) {
                case VOTERS -> assertThat(killed.counts().voterRows()).isBetween(1L, files.voterRows() - 1);
                case INDEXES -> {
                    assertThat(killed.counts().voterRows()).isEqualTo(files.voterRows());
                    assertThat(DeferredIndexes.pending(db.dsl(), killed.id())).isPositive();
                    assertThat(DeferredIndexesTest.indexesAndForeignKeys(db)).isNotEqualTo(indexes);
                }
                default -> assertThat(killed.checkpointOffset()).isLessThan(Files.size(files.historyFile()));
            }
            assertConsistent(db, campaign, killed);

            ImportJob done = new VoterFileImporter(db.imports(), BATCH).run(campaign, files.voterFile(),
                    files.historyFile(), GeocodeLookup.none(), true, (p, bytes, total, counts) -> { });

            assertThat(done.id()).isEqualTo(killed.id());
            assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
            assertThat(done.counts().created()).isEqualTo(files.voterRows());
            assertThat(done.counts().rejected()).isZero();
            assertThat(done.counts().votesNew() + done.counts().votesExisting()).isEqualTo(files.historyRows());
            assertThat(db.people().count(campaign)).isEqualTo(files.voterRows());
            assertThat(registrations(db, campaign)).isEqualTo(files.voterRows());
            assertThat(distinctVotes(db)).isEqualTo(votes(db)).isEqualTo(done.counts().votesNew());
            assertThat(votes(db)).isEqualTo(distinctVotesInFile());
            assertThat(DeferredIndexesTest.indexesAndForeignKeys(db)).isEqualTo(indexes);
        }
    }

    /** What is committed matches the job's counters: the checkpoint and the data moved together. */
    private static void assertConsistent(Database db, long campaign, ImportJob job) {
        assertThat(db.people().count(campaign)).isEqualTo(job.counts().created());
        assertThat(votes(db)).isEqualTo(job.counts().votesNew());
    }

    private static ImportJob killWhen(Database db, long campaign, Predicate<ImportJob> ready) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        DatabaseConfig c = db.config();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath,
                ImportChild.class.getName(), c.url(), Objects.requireNonNullElse(c.user(), ""),
                Objects.requireNonNullElse(c.password(), ""), Long.toString(campaign), files.voterFile().toString(),
                files.historyFile().toString(), Integer.toString(BATCH), "40")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && child.isAlive()) {
                List<ImportJob> jobs = db.imports().recent(campaign, 1);
                if (!jobs.isEmpty() && ready.test(jobs.getFirst())) {
                    child.destroyForcibly().waitFor();
                    return db.imports().find(campaign, jobs.getFirst().id()).orElseThrow();
                }
                Thread.sleep(5);
            }
            throw new AssertionError("The import never got there; child exited " + (child.isAlive() ? "no" : child.exitValue())
                    + ": " + Files.readString(dir.resolve("child.log")));
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    private static long distinctVotesInFile() throws IOException {
        try (Stream<String> lines = Files.lines(files.historyFile(), StandardCharsets.ISO_8859_1)) {
            return lines.skip(1).map(l -> {
                String[] f = l.split("\t", -1);
                return f[0] + "|" + f[2] + "|" + f[3];
            }).distinct().count();
        }
    }

    private static long registrations(Database db, long campaign) {
        return db.dsl().fetchCount(db.dsl().selectDistinct(Tables.VoterRegistrationTable.REGISTRATION_ID)
                .from(Tables.VoterRegistrationTable.T).where(Tables.VoterRegistrationTable.CAMPAIGN_ID.eq(campaign)));
    }

    private static long votes(Database db) {
        return db.dsl().fetchCount(Tables.VoteHistoryTable.T);
    }

    private static long distinctVotes(Database db) {
        return db.dsl().fetchCount(db.dsl().selectDistinct(Tables.VoteHistoryTable.PERSON_ID,
                Tables.VoteHistoryTable.ELECTION_DATE).from(Tables.VoteHistoryTable.T));
    }
}
