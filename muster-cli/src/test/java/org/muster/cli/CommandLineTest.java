package org.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.account.Role;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import picocli.CommandLine;

class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void generatedFilesImportIntoTheDatabase() {
        Path files = dir.resolve("files");
        assertThat(run("generate", "--people", "300", "--seed", "7", "--out", files.toString())).isZero();
        assertThat(run("import", "--data-dir", dir.toString(),
                "--voter-file", files.resolve("ncvoter_demo.txt").toString(),
                "--history-file", files.resolve("ncvhis_demo.txt").toString())).isZero();
        try (Database db = Database.open(DatabaseConfig.sqlite(dir.resolve("muster.db")))) {
            long campaign = db.campaigns().all().get(0).id();
            long voterRows;
            try (var lines = Files.lines(files.resolve("ncvoter_demo.txt"), java.nio.charset.StandardCharsets.ISO_8859_1)) {
                voterRows = lines.count() - 1;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(db.people().count(campaign)).isEqualTo(voterRows).isGreaterThanOrEqualTo(300);
            assertThat(db.audit().recent(5)).extracting(e -> e.action()).contains("import.voterfile");
        }
        Path errors = dir.resolve("errors.csv");
        assertThat(run("import", "--data-dir", dir.toString(), "--resume", "--errors-csv", errors.toString(),
                "--voter-file", files.resolve("ncvoter_demo.txt").toString())).isZero();
        try (Database db = Database.open(DatabaseConfig.sqlite(dir.resolve("muster.db")))) {
            long campaign = db.campaigns().all().get(0).id();
            assertThat(db.imports().recent(campaign, 5)).hasSize(2).first()
                    .satisfies(job -> assertThat(job.counts().unchanged()).isEqualTo(db.people().count(campaign)));
            assertThat(Files.readString(errors)).isEqualTo("file,line,field,reason\r\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void precinctShapesImportAllOrNothing() throws java.io.IOException {
        Path files = dir.resolve("files");
        assertThat(run("generate", "--people", "300", "--seed", "7", "--out", files.toString())).isZero();
        Path shapes = files.resolve("precincts_demo.geojson");
        assertThat(run("import-shapes", "--data-dir", dir.toString(), shapes.toString())).isZero();
        long features = new com.fasterxml.jackson.databind.ObjectMapper().readTree(shapes.toFile()).get("features").size();
        long stored;
        try (Database db = Database.open(DatabaseConfig.sqlite(dir.resolve("muster.db")))) {
            stored = new org.muster.store.JooqPrecinctShapeStore(db).count(db.campaigns().all().get(0).id());
            assertThat(stored).isEqualTo(features).isGreaterThan(1000);
            assertThat(db.audit().recent(5)).extracting(e -> e.action()).contains("import.shapes");
        }
        // The last feature is broken: the command names it and stores nothing of the file.
        String text = Files.readString(shapes);
        int last = text.lastIndexOf("\"type\":\"Polygon\"");
        Path broken = Files.writeString(dir.resolve("broken.geojson"),
                text.substring(0, last) + "\"type\":\"Point\"" + text.substring(last + "\"type\":\"Polygon\"".length()));
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("import-shapes", "--data-dir", dir.toString(), "--precinct-property", "precinct",
                broken.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).matches("muster: Feature " + features + " \\(precinct .+\\): a precinct needs "
                + "a Polygon or MultiPolygon geometry, not \"Point\"\\.");
        try (Database db = Database.open(DatabaseConfig.sqlite(dir.resolve("muster.db")))) {
            assertThat(new org.muster.store.JooqPrecinctShapeStore(db).count(db.campaigns().all().get(0).id())).isEqualTo(stored);
        }
    }

    @Test
    void matchDedupesTheImportedCampaignAndRefusesABadConfiguration() throws java.io.IOException {
        Path files = dir.resolve("files");
        assertThat(run("generate", "--people", "300", "--seed", "11", "--out", files.toString())).isZero();
        assertThat(run("import", "--data-dir", dir.toString(),
                "--voter-file", files.resolve("ncvoter_demo.txt").toString())).isZero();
        Path bad = Files.writeString(dir.resolve("bad-match.properties"), "threshold.match = 0.2\nthreshold.review = 0.9\n");
        assertThat(run("match", "--data-dir", dir.toString(), "--match-config", bad.toString())).isNotZero();
        assertThat(run("match", "--data-dir", dir.toString(), "--auto-merge")).isZero();
        try (Database db = Database.open(DatabaseConfig.sqlite(dir.resolve("muster.db")))) {
            assertThat(db.audit().recent(5)).extracting(e -> e.action()).contains("match.dedupe");
        }
    }

    @Test
    void flagsReportDeathsAndMovesWithEvidenceTagTheFlaggedAndRefuseABadList() throws java.io.IOException {
        Path files = dir.resolve("files");
        assertThat(run("generate", "--people", "3000", "--seed", "3", "--out", files.toString())).isZero();
        assertThat(run("import", "--data-dir", dir.toString(),
                "--voter-file", files.resolve("ncvoter_demo.txt").toString())).isZero();
        String d = dir.toString();
        Path deaths = dir.resolve("deaths.csv");
        assertThat(run("flags", "--data-dir", d, "--deaths", files.resolve("deaths_demo.csv").toString(), "--tag",
                "--out", deaths.toString())).isZero();
        List<String> rows = Files.readAllLines(deaths);
        assertThat(rows.getFirst()).isEqualTo("flag,person_id,registration_ids,name,other_id,probability,"
                + "expected_false_positive_rate,corroborating_fields,evidence");
        assertThat(rows).hasSizeGreaterThan(5);
        assertThat(rows.subList(1, rows.size())).allMatch(r -> r.startsWith("possible-deceased,") && r.contains("dob="));
        assertThat(output("segment", "count", "--data-dir", d, "tag(flag-possible-deceased)").strip())
                .isEqualTo(Integer.toString(rows.size() - 1));
        String moved = output("flags", "--data-dir", d, "--other-state", files.resolve("other_state_demo.csv").toString(),
                "--home-state", "NC");
        assertThat(moved.lines().skip(1).toList()).isNotEmpty().allMatch(r -> r.contains(",phone,"));
        try (Database db = Database.open(DatabaseConfig.sqlite(dir.resolve("muster.db")))) {
            assertThat(db.audit().recent(5)).extracting(e -> e.action()).contains("match.flags");
        }

        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,last_name,birth_date\n1,LEE,1950-01-02\n2,KIM\n");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("flags", "--data-dir", d, "--deaths", bad.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("muster: bad.csv line 3 has 2 columns where the header has 3.");
    }

    @Test
    void ohioAndFloridaLayoutsAreGeneratedAndImportedWithTheirFormatDetected() throws java.io.IOException {
        Path files = dir.resolve("states");
        assertThat(run("generate", "--people", "200", "--seed", "3", "--format", "oh", "--out", files.toString())).isZero();
        assertThat(run("generate", "--people", "200", "--seed", "3", "--format", "fl", "--out", files.toString())).isZero();
        Path data = dir.resolve("states-db");
        assertThat(run("import", "--data-dir", data.toString(), "--voter-file", files.resolve("SWVF_demo.txt").toString()))
                .isZero();
        assertThat(run("import", "--data-dir", data.toString(),
                "--voter-file", files.resolve("FL_demo_voters.txt").toString(),
                "--history-file", files.resolve("FL_demo_history.txt").toString())).isZero();
        try (Database db = Database.open(DatabaseConfig.sqlite(data.resolve("muster.db")))) {
            long campaign = db.campaigns().all().get(0).id();
            assertThat(db.imports().recent(campaign, 5)).extracting(j -> j.format())
                    .containsExactly("Florida extract", "Ohio SWVF");
            long rows = Files.readAllLines(files.resolve("FL_demo_voters.txt"),
                    java.nio.charset.StandardCharsets.ISO_8859_1).size();
            assertThat(db.people().count(campaign)).isEqualTo(2 * rows);
        }
    }

    @Test
    void aGenericFileLoadsWithAMappingFileThatIsSavedAndReusedByName() throws java.io.IOException {
        Path file = Files.writeString(dir.resolve("county.psv"), "VOTER|FIRST|LAST|STREET|ZIP\n"
                + "17|Ann|Lee|12 Oak Street|25301\n18|Bo|Ray|9 Elm Avenue|25302\n");
        Path mapping = Files.writeString(dir.resolve("county.mapping"), "state=WV\ndelimiter=|\n"
                + "registration_id=VOTER\nfirst_name=FIRST\nlast_name=LAST\nstreet=STREET\nzip=ZIP\n");
        Path data = dir.resolve("generic-db");
        assertThat(run("import", "--data-dir", data.toString(), "--voter-file", file.toString(), "--format", "generic",
                "--mapping", mapping.toString(), "--save-mapping", "county")).isZero();
        assertThat(run("import", "--data-dir", data.toString(), "--voter-file", file.toString(),
                "--mapping", "county")).isZero();
        try (Database db = Database.open(DatabaseConfig.sqlite(data.resolve("muster.db")))) {
            long campaign = db.campaigns().all().get(0).id();
            assertThat(db.people().count(campaign)).isEqualTo(2);
            assertThat(db.imports().recent(campaign, 5)).first()
                    .satisfies(j -> assertThat(j.counts().unchanged()).isEqualTo(2));
        }
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("import", "--data-dir", data.toString(), "--voter-file", file.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("muster: county.psv is a delimited file with a header (needs a "
                + "column mapping): choose or save a column mapping to load it");
    }

    @Test
    void aMappingWithoutARegistrationIdImportsAContactListThroughTheMatcher() throws java.io.IOException {
        Path voters = Files.writeString(dir.resolve("county.psv"), "VOTER|FIRST|LAST|STREET|ZIP|BORN\n"
                + "17|Ann|Lee|12 Oak Street|25301|1971-03-09\n18|Bo|Ray|9 Elm Avenue|25302|1980-10-01\n");
        Path data = dir.resolve("contacts-db");
        assertThat(run("import", "--data-dir", data.toString(), "--voter-file", voters.toString(), "--mapping",
                Files.writeString(dir.resolve("county.mapping"), "state=WV\ndelimiter=|\nregistration_id=VOTER\n"
                        + "first_name=FIRST\nlast_name=LAST\nstreet=STREET\nzip=ZIP\nbirth_date=BORN\n").toString()))
                .isZero();
        Path signups = Files.writeString(dir.resolve("signups.csv"), "First,Last,Street,Zip,Born,Email\n"
                + "Ann,Lee,12 Oak St,25301,3/9/1971,ann@example.org\nCy,Dunn,,,,cy@example.org\nDee,,,,,not-an-email\n");
        Path mapping = Files.writeString(dir.resolve("signups.mapping"), "state=WV\nfirst_name=First\n"
                + "last_name=Last\nstreet=Street\nzip=Zip\nbirth_date=Born\nemail=Email\n");
        Path errors = dir.resolve("signup-errors.csv");
        assertThat(run("import", "--data-dir", data.toString(), "--voter-file", signups.toString(), "--mapping",
                mapping.toString(), "--errors-csv", errors.toString())).isZero();
        try (Database db = Database.open(DatabaseConfig.sqlite(data.resolve("muster.db")))) {
            long campaign = db.campaigns().all().get(0).id();
            assertThat(db.imports().recent(campaign, 5)).first().satisfies(job -> {
                assertThat(job.format()).isEqualTo("Contact list (mapping signups.mapping)");
                assertThat(List.of(job.counts().matched(), job.counts().created(), job.counts().rejected()))
                        .containsExactly(1L, 1L, 1L);
            });
            assertThat(db.people().count(campaign)).isEqualTo(3);
            assertThat(db.people().search(campaign, "ann@example.org", 5)).hasSize(1);
            assertThat(db.audit().recent(5)).extracting(e -> e.action()).contains("import.contactlist");
        }
        assertThat(Files.readString(errors)).contains("signups.csv,4,Email,not an email address: not-an-email");
    }

    @Test
    void aFileThatIsNotANorthCarolinaVoterFileIsOneLineAndExitCodeTwo() throws java.io.IOException {
        Path donors = Files.writeString(dir.resolve("donors.csv"), "name,amount\nAda,20\n");
        Path ohio = Files.writeString(dir.resolve("people.csv"), "first,last,email\nAda,Lovelace,ada@example.org\n");
        for (Path file : List.of(donors, ohio)) {
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err));
            assertThat(cli.execute("import", "--data-dir", dir.toString(), "--voter-file", file.toString())).isEqualTo(2);
            assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception")
                    .startsWith("muster: " + file.getFileName() + " is ");
        }
    }

    @Test
    void aBadDatabaseUrlIsOneLineAndExitCodeTwo() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("admin", "create-user", "--db-url", "jdbc:postgresql://127.0.0.1:9/none",
                "--email", "a@example.org", "--password", "long enough");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("muster: Cannot connect to the database at jdbc:postgresql://127.0.0.1:9/none")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void anUnsupportedUrlIsOneLine() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("serve", "--db-url", "mysql://localhost/x")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("muster: Unsupported database URL").doesNotContain("\n");
    }

    @Test
    void demoLoadsOnceCreatesTheDemoAccountsAndIsReused() throws Exception {
        String[] demo = {"demo", "--people", "400", "--data-dir", dir.toString(), "--password", "demo-password", "--no-serve"};
        assertThat(run(demo)).isZero();
        Path db = dir.resolve("demo/demo.db");
        long loadedAt = Files.getLastModifiedTime(dir.resolve("demo/loaded.properties")).toMillis();
        long people;
        try (Database database = Database.open(DatabaseConfig.sqlite(db))) {
            long campaign = database.campaigns().all().get(0).id();
            people = database.people().count(campaign);
            assertThat(people).isGreaterThanOrEqualTo(400);
            for (Role role : DemoCommand.DEMO_ROLES) {
                String email = role.name().toLowerCase(java.util.Locale.ROOT) + "@demo.muster";
                assertThat(database.users().authenticate(email, "demo-password".toCharArray()))
                        .get().extracting(u -> u.role()).isEqualTo(role);
            }
            // The enrichment gave the campaign identified supporters and sign-up emails to search by.
            assertThat(database.dsl().fetchCount(org.jooq.impl.DSL.table("person"),
                    org.jooq.impl.DSL.field("support_level").isNotNull())).isBetween(20, 160);
            String email = database.dsl().fetchValue("select email from person_email order by id limit 1").toString();
            assertThat(email).matches("[a-z0-9.]+@example\\.(com|org|net)");
            assertThat(database.people().search(campaign, email, 5)).hasSize(1);
            assertThat(new org.muster.store.JooqPrecinctShapeStore(database).count(campaign)).isGreaterThan(1000);
            // Gifts, events, scores and engagement for the segment clauses to find, none of them everyone.
            var sql = new org.muster.store.SegmentSql(database, campaign);
            for (String filter : List.of("donated(amount >= 25)", "attended(any)", "attended(\"Rally downtown\")",
                    "score(turnout) >= 0.5", "opened(90d)", "replied(90d)")) {
                assertThat(sql.count(org.muster.segment.SegmentParser.parse(filter), java.time.Instant.now())).as(filter)
                        .isPositive().isLessThan(people);
            }
            // The field demo: a turf cut of the largest precinct, a walk list per turf, two of them and a call list for the volunteer.
            var cuts = new org.muster.store.JooqTurfStore(database).cuts(campaign);
            assertThat(cuts).singleElement().satisfies(c -> assertThat(database.canvass().lists(campaign))
                    .filteredOn(l -> l.turfId() != null).hasSize(c.turfs()));
            long volunteer = database.users().findByEmail("volunteer@demo.muster").orElseThrow().id();
            var assigned = database.canvass().assignedLists(campaign, volunteer);
            assertThat(assigned).filteredOn(l -> l.turfId() == null).singleElement().extracting(l -> l.kind().name()).isEqualTo("PHONE");
            assertThat(assigned).filteredOn(l -> l.turfId() != null).hasSize(Math.min(DemoField.VOLUNTEER_TURFS, cuts.getFirst().turfs()))
                    .allSatisfy(l -> assertThat(l.doors()).isPositive());
        }

        // A second run reuses the load (no new marker, same people) and resets the password.
        assertThat(run("demo", "--people", "400", "--data-dir", dir.toString(), "--password", "other-password", "--no-serve")).isZero();
        assertThat(Files.getLastModifiedTime(dir.resolve("demo/loaded.properties")).toMillis()).isEqualTo(loadedAt);
        try (Database database = Database.open(DatabaseConfig.sqlite(db))) {
            assertThat(database.people().count(database.campaigns().all().get(0).id())).isEqualTo(people);
            assertThat(database.users().authenticate("admin@demo.muster", "other-password".toCharArray())).isPresent();
            assertThat(new org.muster.store.JooqTurfStore(database).cuts(database.campaigns().all().get(0).id())).as("cut once").hasSize(1);
        }
    }

    @Test
    void segmentsAreCountedBrokenDownExportedAndSavedFromTheCommandLine() throws java.io.IOException {
        Path files = dir.resolve("files");
        assertThat(run("generate", "--people", "300", "--seed", "7", "--out", files.toString())).isZero();
        assertThat(run("import", "--data-dir", dir.toString(), "--voter-file", files.resolve("ncvoter_demo.txt").toString(),
                "--history-file", files.resolve("ncvhis_demo.txt").toString())).isZero();
        String d = dir.toString();
        long all = Long.parseLong(output("segment", "count", "--data-dir", d, "not tag(nothing)").strip());
        long some = Long.parseLong(output("segment", "count", "--data-dir", d, "voted(2020-general)").strip());
        assertThat(all).isGreaterThanOrEqualTo(300);
        assertThat(some).isPositive().isLessThan(all);

        List<String> breakdown = output("segment", "breakdown", "--data-dir", d, "voted(2020-general)").lines().toList();
        assertThat(breakdown).isNotEmpty().allMatch(line -> line.matches("[^\\t]+\\t\\d+"));
        assertThat(breakdown.stream().mapToLong(line -> Long.parseLong(line.split("\t")[1])).sum()).isGreaterThanOrEqualTo(some);

        Path csv = dir.resolve("out.csv");
        assertThat(run("segment", "export", "--data-dir", d, "--out", csv.toString(), "voted(2020-general)")).isZero();
        assertThat(Files.readAllLines(csv)).hasSize((int) some + 1).first().isEqualTo("id,name,birth_year,address,email,phone");

        assertThat(output("segment", "save", "--data-dir", d, "voters 2020", "voted(2020-general)")).contains("Saved segment \"voters 2020\"");
        assertThat(output("segment", "count", "--data-dir", d, "segment(\"voters 2020\") and not segment(\"voters 2020\")").strip()).isEqualTo("0");
        try (Database db = Database.open(DatabaseConfig.sqlite(dir.resolve("muster.db")))) {
            assertThat(db.audit().recent(5)).extracting(e -> e.action()).contains("segment.export", "segment.save");
        }

        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("segment", "count", "--data-dir", d, "voted(2020-general) and")).isEqualTo(2);
        assertThat(err.toString()).contains("muster: The filter does not parse, at column 24: expected a clause");
    }

    /** Runs a command that must succeed and returns what it printed. */
    private static String output(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute(args)).as(String.join(" ", args)).isZero();
        return out.toString();
    }

    private static int run(String... args) {
        return Main.commandLine().execute(args);
    }
}
