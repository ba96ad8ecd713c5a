package org.muster.voterfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.people.PersonProfile;
import org.muster.store.Database;
import org.muster.store.TestDatabases;

class VoterFileImporterTest {

    @TempDir
    static Path dir;
    static GeneratedFiles files;

    @BeforeAll
    static void generate() throws IOException {
        files = DemoCampaignGenerator.generate(new GeneratorOptions(1_500, 11, dir), rows -> { });
    }

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    static ImportJob importFiles(Database db, long campaign, Path voters, Path history) throws IOException {
        return new VoterFileImporter(db.imports(), 400).run(campaign, voters, history, GeocodeLookup.none(), false,
                (phase, done, total, counts) -> { });
    }

    /** Distinct (registration, election date) pairs: what the history holds once duplicates are folded. */
    static long distinctVotes(Path history) throws IOException {
        return NcTestLines.read(history).stream().skip(1)
                .map(l -> NcTestLines.get(l, NcLayout.HISTORY, "county_id") + "-"
                        + NcTestLines.get(l, NcLayout.HISTORY, "voter_reg_num") + "|"
                        + NcTestLines.get(l, NcLayout.HISTORY, "election_lbl"))
                .distinct().count();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void reImportUpdatesInPlaceAndRecordsWhatChanged(Supplier<Database> open) throws IOException {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            ImportJob first = importFiles(db, campaign, files.voterFile(), files.historyFile());
            assertThat(first.status()).isEqualTo(ImportJob.Status.DONE);
            assertThat(first.counts().created()).isEqualTo(files.voterRows());
            assertThat(first.counts().rejected()).isZero();
            assertThat(first.counts().votesNew()).isEqualTo(distinctVotes(files.historyFile()));
            assertThat(db.people().count(campaign)).isEqualTo(files.voterRows());

            ImportJob same = importFiles(db, campaign, files.voterFile(), files.historyFile());
            assertThat(same.counts()).isEqualTo(new ImportJob.Counts(0, 0, files.voterRows(), 0, 0,
                    files.historyRows(), 0));
            assertThat(db.people().count(campaign)).isEqualTo(files.voterRows());

            // A newer file: one voter moved, one removed as deceased, one voted in a new election.
            List<String> voters = NcTestLines.read(files.voterFile());
            voters.set(1, NcTestLines.set(voters.get(1), NcLayout.VOTER, "res_street_address", "77 NEW HOPE RD"));
            int active = 2;
            while (!NcTestLines.get(voters.get(active), NcLayout.VOTER, "status_cd").equals("A")) active++;
            voters.set(active, NcTestLines.set(NcTestLines.set(voters.get(active), NcLayout.VOTER, "status_cd", "R"),
                    NcLayout.VOTER, "reason_cd", "RD"));
            List<String> history = NcTestLines.read(files.historyFile());
            String voter3 = voters.get(active + 1);
            String newVote = NcTestLines.set(NcTestLines.set(NcTestLines.set(history.get(1), NcLayout.HISTORY,
                            "county_id", NcTestLines.get(voter3, NcLayout.VOTER, "county_id")), NcLayout.HISTORY,
                            "voter_reg_num", NcTestLines.get(voter3, NcLayout.VOTER, "voter_reg_num")),
                    NcLayout.HISTORY, "election_lbl", "03/03/2026");
            history.add(newVote);
            Path newer = NcTestLines.write(dir.resolve("ncvoter_newer.txt"), voters);
            Path newerHistory = NcTestLines.write(dir.resolve("ncvhis_newer.txt"), history);

            ImportJob update = importFiles(db, campaign, newer, newerHistory);

            assertThat(update.counts()).isEqualTo(new ImportJob.Counts(0, 2, files.voterRows() - 2, 0, 1,
                    files.historyRows(), 0));
            assertThat(db.people().count(campaign)).isEqualTo(files.voterRows());
            assertThat(timeline(db, campaign, voters.get(1))).contains("moved");
            assertThat(timeline(db, campaign, voters.get(active))).contains("status_changed");
            assertThat(timeline(db, campaign, voter3)).contains("voted");
            assertThat(db.imports().recent(campaign, 10)).hasSize(3);
        }
    }

    private static List<String> timeline(Database db, long campaign, String voterLine) {
        String key = NcVoterFile.registrationKey(NcTestLines.get(voterLine, NcLayout.VOTER, "county_id"),
                NcTestLines.get(voterLine, NcLayout.VOTER, "voter_reg_num"));
        String name = NcTestLines.get(voterLine, NcLayout.VOTER, "last_name") + ", "
                + NcTestLines.get(voterLine, NcLayout.VOTER, "first_name");
        PersonProfile profile = db.people().search(campaign, name, 50).stream()
                .map(p -> db.people().profile(campaign, p.id()).orElseThrow())
                .filter(p -> p.registrations().stream().anyMatch(r -> r.registrationId().equals(key)))
                .findFirst().orElseThrow();
        return profile.timeline().stream().map(a -> a.type()).toList();
    }

    @Test
    void badRowsAreReportedWithFileLineFieldAndReasonAndTheRestIsLoaded() throws IOException {
        List<String> lines = NcTestLines.read(files.voterFile()).subList(0, 11);
        lines.set(2, lines.get(2).substring(0, lines.get(2).lastIndexOf('\t')));
        lines.set(3, NcTestLines.set(lines.get(3), NcLayout.VOTER, "registr_dt", "02/30/2019"));
        lines.set(4, NcTestLines.set(lines.get(4), NcLayout.VOTER, "last_name", "X".repeat(600)));
        lines.set(5, NcTestLines.set(lines.get(5), NcLayout.VOTER, "first_name", "JOS\u00c3\u00a9"));
        lines.set(6, NcTestLines.set(lines.get(6), NcLayout.VOTER, "first_name", "AN\u0001N"));
        Path broken = dir.resolve("ncvoter_broken.txt");
        // Truncated: the last row stops mid-value, without a line end.
        String body = String.join("\n", lines) + "\n" + lines.get(7).substring(0, 40);
        Files.writeString(broken, body, StandardCharsets.ISO_8859_1);
        try (Database db = TestDatabases.sqlite()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            ImportJob job = importFiles(db, campaign, broken, null);

            assertThat(job.counts().created()).isEqualTo(5);
            assertThat(job.counts().rejected()).isEqualTo(6);
            StringBuilder csv = new StringBuilder();
            ImportErrorReport.writeCsv(db.imports(), job.id(), csv);
            assertThat(csv.toString().split("\r\n")).containsExactly(
                    "file,line,field,reason",
                    "ncvoter_broken.txt,3,,\"expected 67 columns, found 66\"",
                    "ncvoter_broken.txt,4,registr_dt,not a MM/DD/YYYY date: 02/30/2019",
                    "ncvoter_broken.txt,5,last_name,longer than 500 characters",
                    "ncvoter_broken.txt,6,,UTF-8 bytes in a Latin-1 file at column "
                            + (lines.get(5).indexOf('\u00c3') + 1),
                    "ncvoter_broken.txt,7,,invalid byte 0x1 at column " + (lines.get(6).indexOf('\u0001') + 1),
                    "ncvoter_broken.txt,12,,\"expected 67 columns, found "
                            + lines.get(7).substring(0, 40).split("\t", -1).length + "\"");
        }
    }

    @Test
    void aFileThatIsNotAVoterFileIsRejectedWithOneMessageAndNoJob() throws IOException {
        Path csv = dir.resolve("donors.csv");
        Files.writeString(csv, "name,amount\nAda,20\n");
        try (Database db = TestDatabases.sqlite()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            assertThatThrownBy(() -> importFiles(db, campaign, csv, null))
                    .isInstanceOf(VoterFileFormatException.class)
                    .hasMessageStartingWith("donors.csv is not an NC ncvoter file");
            assertThatThrownBy(() -> importFiles(db, campaign, files.voterFile(), csv))
                    .hasMessageStartingWith("donors.csv is not an NC ncvhis file");
            assertThat(db.imports().recent(campaign, 10)).isEmpty();
            assertThat(db.people().count(campaign)).isZero();
        }
    }

    @Test
    void anImportThatStoppedOnAnErrorIsFailedWithTheReasonAndResumes() throws IOException {
        Path history = Files.copy(files.historyFile(), dir.resolve("ncvhis_moving.txt"));
        try (Database db = TestDatabases.sqlite()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            VoterFileImporter importer = new VoterFileImporter(db.imports(), 400);
            NcAdapter nc = new NcAdapter(files.voterFile().getFileName().toString(), GeocodeLookup.none());
            ImportJob job = importer.prepare(campaign, nc, files.voterFile(), history, false);
            Path away = Files.move(history, dir.resolve("ncvhis_away.txt"));

            assertThatThrownBy(() -> importer.continueJob(job, nc, files.voterFile(), history,
                    (p, d, t, c) -> { })).isInstanceOf(java.nio.file.NoSuchFileException.class);
            ImportJob failed = db.imports().find(campaign, job.id()).orElseThrow();
            assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
            assertThat(failed.message()).startsWith("Stopped at the last checkpoint").contains("ncvhis_moving.txt");
            assertThat(failed.counts().created()).isEqualTo(files.voterRows());

            Files.move(away, history);
            ImportJob resumed = importer.run(campaign, files.voterFile(), history, GeocodeLookup.none(), true,
                    (p, d, t, c) -> { });
            assertThat(resumed.id()).isEqualTo(job.id());
            assertThat(resumed.status()).isEqualTo(ImportJob.Status.DONE);
            assertThat(resumed.counts().created()).isEqualTo(files.voterRows());
            assertThat(resumed.counts().votesNew()).isEqualTo(distinctVotes(files.historyFile()));
            assertThat(db.people().count(campaign)).isEqualTo(files.voterRows());
        }
    }

    @Test
    void describeBindsAJobToTheFileContent() throws IOException {
        ImportJob.FileRef ref = VoterFileImporter.describe(files.voterFile());
        assertThat(ref.size()).isEqualTo(Files.size(files.voterFile()));
        assertThat(ref.sha256()).hasSize(64);
        List<String> lines = NcTestLines.read(files.voterFile());
        lines.set(5, lines.get(5).replace('A', 'B'));
        Path changed = NcTestLines.write(dir.resolve("ncvoter_changed.txt"), lines);
        assertThat(VoterFileImporter.describe(changed).sha256()).isNotEqualTo(ref.sha256());
    }

    @Test
    void encodingCheckAcceptsLatin1TextAndRejectsControlAndUtf8Bytes() {
        byte[] latin1 = "Mu\u00f1oz\t\u00c9lodie".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(DelimitedReader.encodingProblem(latin1, latin1.length)).isNull();
        byte[] utf8 = "Mu\u00f1oz".getBytes(StandardCharsets.UTF_8);
        assertThat(DelimitedReader.encodingProblem(utf8, utf8.length)).isEqualTo("UTF-8 bytes in a Latin-1 file at column 3");
        byte[] nul = {'A', 0, 'B'};
        assertThat(DelimitedReader.encodingProblem(nul, 3)).isEqualTo("invalid byte 0x0 at column 2");
    }
}
