package org.muster.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.people.NewPerson;
import org.muster.people.RegisteredVote;
import org.muster.store.Database;
import org.muster.store.JooqMatchStore;
import org.muster.store.TestDatabases;
import org.muster.voterfile.ColumnMapping;
import org.muster.voterfile.GenericAdapter;
import org.muster.voterfile.ImportError;
import org.muster.voterfile.ImportJob;
import org.muster.voterfile.ImportJobStore;

class ContactListImporterTest {

    private static final String HEADER = "First,Last,Email,Phone,Street,Zip,Birth";
    private static final ColumnMapping MAPPING = ColumnMapping.parse("""
            state=NC
            first_name=First
            last_name=Last
            email=Email
            phone=Phone
            street=Street
            zip=Zip
            birth_date=Birth
            """);

    @TempDir
    Path dir;

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    private Path list(String... rows) throws IOException {
        Path file = dir.resolve("signups.csv");
        Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static GenericAdapter adapter(Path file) {
        return new GenericAdapter(MAPPING, "signups", file.getFileName().toString());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void matchesQueuesCreatesAndReportsBadRows(Supplier<Database> open) throws IOException {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            PersonLinkerTest.someNeighbours(db, campaign);
            long ann = db.people().insert(campaign, List.of(PersonLinkerTest.entry("Ann", "Zaleski",
                    LocalDate.of(1981, 4, 12), "ann.z@example.org", "+19195550101", "12 Oak St", "27601"))).get(0);
            long people = db.people().count(campaign);
            Path file = list(
                    "Maria,Lopez,maria@example.net,(919) 555-1000,10 Pine St,27601,1950-01-03",  // exact duplicate
                    "James,Browne,JAMES@example.net,,,,1955-02-04",                             // a typo, same email
                    "Ann,Zaleski,,,,,7/22/1981",                                                // name only: unsure
                    "Quentin,Oyelaran,q@example.com,919-555-3001,5 Birch Rd,27605,1990-02-02",
                    "Rosa,Ibarra,rosa@example.com,,,,",
                    "Tom,Nakamura,,9195553003,7 Elm St,27603,",
                    "Bad,Email,not-an-email,,,,",
                    "Bad,Phone,,12,,,",
                    "Bad,Date,,,,,31/31/2000",
                    "Too,Few,columns",
                    "Long," + "x".repeat(600) + ",,,,,",
                    ",,,,,,");
            PersonLinker linker = new PersonLinker(new JooqMatchStore(db), db.people());
            List<ImportJob.Counts> progress = new ArrayList<>();
            ImportJob job = new ContactListImporter(db.imports(), linker, db.people(), 5)
                    .run(campaign, adapter(file), file, false, (phase, done, total, counts) -> progress.add(counts));

            assertThat(job.status()).isEqualTo(ImportJob.Status.DONE);
            assertThat(job.format()).isEqualTo("Contact list (mapping signups)");
            ImportJob.Counts c = job.counts();
            assertThat(List.of(c.matched(), c.review(), c.created(), c.rejected())).containsExactly(2L, 1L, 3L, 6L);
            assertThat(progress).hasSize(3).last().isEqualTo(c);
            assertThat(job.message()).isEqualTo("2 matched, 1 new for review, 3 new, 6 rejected");
            assertThat(db.people().count(campaign)).isEqualTo(people + 1 + 3);

            // the match took the new phone format as the same number, and said where it came from
            long maria = db.people().search(campaign, "maria@example.net", 5).get(0).id();
            var profile = db.people().profile(campaign, maria).orElseThrow();
            assertThat(profile.phones()).containsExactly("+19195551000");
            assertThat(profile.timeline()).anySatisfy(a -> {
                assertThat(a.type()).isEqualTo("matched");
                assertThat(a.summary()).contains("import");
            });
            var review = new JooqMatchStore(db).openReviews(campaign, 10);
            assertThat(review).hasSize(1);
            assertThat(List.of(review.get(0).leftPersonId(), review.get(0).rightPersonId())).contains(ann);
            assertThat(review.get(0).source()).isEqualTo(ContactListImporter.SOURCE);

            List<ImportError> errors = new ArrayList<>();
            db.imports().errors(job.id(), errors::add);
            assertThat(errors).extracting(ImportError::line, ImportError::field).containsExactly(
                    tuple(8L, "Email"), tuple(9L, "Phone"), tuple(10L, "Birth"), tuple(11L, null), tuple(12L, "Last"),
                    tuple(13L, null));
            assertThat(errors.get(0).reason()).contains("not-an-email");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCrashAfterLinkingResumesWithoutLosingOrDoublingAnyone(Supplier<Database> open) throws IOException {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            PersonLinkerTest.someNeighbours(db, campaign);
            long before = db.people().count(campaign);
            Path file = list(
                    "Quentin,Oyelaran,q@example.com,919-555-3001,5 Birch Rd,27605,1990-02-02",
                    "Rosa,Ibarra,rosa@example.com,919-555-3002,6 Birch Rd,27605,1971-06-30",
                    "Tom,Nakamura,,,,,",  // too little for the matcher to be sure even of its own copy
                    "Uma,Okafor,uma@example.com,919-555-3004,8 Elm St,27603,1988-03-15",
                    "Not,Anemail,nope,,,,",
                    "Vera,Lindqvist,vera@example.com,919-555-3006,9 Oak St,27604,1945-08-08",
                    "Walt,Kowalski,walt@example.com,919-555-3007,10 Oak St,27604,1930-05-05");
            int batch = 2;

            // The second checkpoint never commits, and the job is left RUNNING, as after kill -9: its two rows are
            // already linked (created) past the checkpoint.
            CrashingJobs crashing = new CrashingJobs(db.imports(), 2);
            assertThatThrownBy(() -> new ContactListImporter(crashing, new PersonLinker(new JooqMatchStore(db),
                    db.people()), db.people(), batch).run(campaign, adapter(file), file, false, (p, d, t, c) -> { }))
                    .isInstanceOf(IllegalStateException.class);
            ImportJob killed = db.imports().recent(campaign, 1).get(0);
            assertThat(killed.status()).isEqualTo(ImportJob.Status.RUNNING);
            assertThat(killed.counts().created()).isEqualTo(2);
            assertThat(db.people().count(campaign)).isEqualTo(before + 4);

            // A new process (a new linker, its index built afresh) resumes from the checkpoint.
            ImportJob resumed = new ContactListImporter(db.imports(), new PersonLinker(new JooqMatchStore(db),
                    db.people()), db.people(), batch).run(campaign, adapter(file), file, true, (p, d, t, c) -> { });
            assertThat(resumed.id()).isEqualTo(killed.id());
            assertThat(resumed.status()).isEqualTo(ImportJob.Status.DONE);
            ImportJob.Counts c = resumed.counts();
            assertThat(List.of(c.matched(), c.review(), c.created(), c.rejected())).containsExactly(0L, 0L, 6L, 1L);
            assertThat(db.people().count(campaign)).isEqualTo(before + 6);
            for (String who : List.of("q@example.com", "rosa@example.com", "Nakamura", "uma@example.com",
                    "vera@example.com", "walt@example.com")) {
                assertThat(db.people().search(campaign, who, 5)).as(who).hasSize(1);
            }
            assertThat(new JooqMatchStore(db).countOpen(campaign)).isZero();
            List<ImportError> errors = new ArrayList<>();
            db.imports().errors(resumed.id(), errors::add);
            assertThat(errors).extracting(ImportError::line).containsExactly(6L);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void killedMidBatchThenResumedLinksEveryRowExactlyOnce(Supplier<Database> open) throws Exception {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            PersonLinkerTest.someNeighbours(db, campaign);
            long before = db.people().count(campaign);
            String[] first = {"Abel", "Bianca", "Cedric", "Dalia", "Emeka", "Fiona", "Goran", "Hana", "Idris", "Jolene",
                    "Kofi", "Lucia", "Marek", "Nadia", "Oscar"};
            String[] last = {"Adeyemi", "Brandt", "Castillo", "Dvorak", "Eriksen", "Fujita", "Gallo", "Haddad",
                    "Ivanova", "Jablonski"};
            String[] streets = {"Walnut St", "Cedar Ave", "Magnolia Dr", "Hillsborough Rd", "Glenwood Ave",
                    "Six Forks Rd", "Wade Ave", "Oberlin Rd", "Lake Boone Trl", "Falls of Neuse Rd", "Capital Blvd",
                    "Person St", "Blount St", "Fayetteville St", "Salisbury St", "Dawson St", "McDowell St"};
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < first.length * last.length; i++) {
                // Neighbours, not relatives: no two share a surname on one street.
                rows.add(String.join(",", first[i % first.length], last[i / first.length], "p" + i + "@example.com",
                        "919-206-" + (1000 + i), (100 + i) + " " + streets[i % streets.length], "2760" + (i % 7),
                        (1940 + i % 60) + "-0" + (1 + i % 9) + "-1" + (i % 10)));
            }
            Path file = list(rows.toArray(String[]::new));
            int batch = 10;

            ImportJob killed = killMidBatch(db, campaign, file, batch, before);
            assertThat(killed.status()).isEqualTo(ImportJob.Status.RUNNING);
            long linkedPastCheckpoint = db.people().count(campaign) - before - killed.counts().linkedRows();
            assertThat(linkedPastCheckpoint).isPositive();

            ImportJob done = new ContactListImporter(db.imports(), new PersonLinker(new JooqMatchStore(db),
                    db.people()), db.people(), batch).run(campaign, adapter(file), file, true, (p, d, t, c) -> { });
            assertThat(done.id()).isEqualTo(killed.id());
            assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
            assertThat(done.counts().matched()).isZero();
            assertThat(done.counts().linkedRows()).isEqualTo(rows.size());
            assertThat(db.people().count(campaign)).isEqualTo(before + rows.size());
            for (int i = 0; i < rows.size(); i += 7) {
                assertThat(db.people().search(campaign, "p" + i + "@example.com", 5)).as("row " + i).hasSize(1);
            }
        }
    }

    /** Runs the import in a child JVM and SIGKILLs it while rows past its second checkpoint are linked. */
    private ImportJob killMidBatch(Database db, long campaign, Path file, int batch, long before) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var c = db.config();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath,
                ContactListChild.class.getName(), c.url(), java.util.Objects.requireNonNullElse(c.user(), ""),
                java.util.Objects.requireNonNullElse(c.password(), ""), Long.toString(campaign), file.toString(),
                MAPPING.text(), Integer.toString(batch))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && child.isAlive()) {
                List<ImportJob> jobs = db.imports().recent(campaign, 1);
                if (!jobs.isEmpty() && jobs.getFirst().counts().linkedRows() >= 2L * batch
                        && db.people().count(campaign) > before + jobs.getFirst().counts().linkedRows()) {
                    child.destroyForcibly().waitFor();
                    ImportJob killed = db.imports().find(campaign, jobs.getFirst().id()).orElseThrow();
                    // The kill may have let one more checkpoint through; what counts is rows linked past the last.
                    if (db.people().count(campaign) > before + killed.counts().linkedRows()) return killed;
                    throw new AssertionError("The kill landed on a checkpoint; nothing past it to re-link");
                }
                Thread.sleep(2);
            }
            throw new AssertionError("The import never got there; child exited "
                    + (child.isAlive() ? "no" : child.exitValue()) + ": " + Files.readString(dir.resolve("child.log")));
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    /** The real store until its {@code dieAt}-th contact-list commit, which fails; after it, nothing is written. */
    private static final class CrashingJobs implements ImportJobStore {
        private final ImportJobStore real;
        private final int dieAt;
        private int commits;

        CrashingJobs(ImportJobStore real, int dieAt) {
            this.real = real;
            this.dieAt = dieAt;
        }

        @Override
        public void commitLinked(long jobId, ImportJob.Counts linked, List<ImportError> errors, long line, long offset) {
            if (++commits >= dieAt) throw new IllegalStateException("killed");
            real.commitLinked(jobId, linked, errors, line, offset);
        }

        @Override
        public void finish(long jobId, ImportJob.Status status, String message) {
            if (commits < dieAt) real.finish(jobId, status, message);
        }

        @Override
        public ImportJob create(long campaignId, String format, ImportJob.FileRef file, ImportJob.FileRef history) {
            return real.create(campaignId, format, file, history);
        }

        @Override
        public Optional<ImportJob> find(long campaignId, long jobId) {
            return real.find(campaignId, jobId);
        }

        @Override
        public Optional<ImportJob> findResumable(long campaignId, ImportJob.FileRef file, ImportJob.FileRef history) {
            return real.findResumable(campaignId, file, history);
        }

        @Override
        public List<ImportJob> recent(long campaignId, int limit) {
            return real.recent(campaignId, limit);
        }

        @Override
        public ImportJob.Counts commitVoters(long jobId, long campaignId, List<NewPerson> people,
                                             List<ImportError> errors, long line, long offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ImportJob.Counts commitVotes(long jobId, long campaignId, List<RegisteredVote> votes,
                                            List<ImportError> errors, long line, long offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int deferIndexesForFirstLoad(long jobId) {
            return real.deferIndexesForFirstLoad(jobId);
        }

        @Override
        public void rebuildIndexes(long jobId, BiConsumer<Integer, Integer> progress) {
            real.rebuildIndexes(jobId, progress);
        }

        @Override
        public void rebuildIndexesLeftBehind() {
            real.rebuildIndexesLeftBehind();
        }

        @Override
        public void reopen(long jobId) {
            real.reopen(jobId);
        }

        @Override
        public void errors(long jobId, Consumer<ImportError> into) {
            real.errors(jobId, into);
        }
    }
}
