package org.muster.voterfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.muster.generate.OtherStateLayouts;
import org.muster.people.PersonProfile;
import org.muster.people.PersonSummary;
import org.muster.store.Database;
import org.muster.store.JooqRegistrationSourceStore;
import org.muster.store.TestDatabases;

/** The Ohio, Florida and generic adapters through the one import engine, on generated files and the shared samples. */
class StateFormatImportTest {

    @TempDir
    static Path dir;
    static GeneratedFiles nc;
    static GeneratedFiles ohio;
    static GeneratedFiles florida;

    @BeforeAll
    static void generate() throws IOException {
        nc = DemoCampaignGenerator.generate(new GeneratorOptions(600, 5, dir), rows -> { });
        ohio = OtherStateLayouts.write(nc, OtherStateLayouts.Format.OH);
        florida = OtherStateLayouts.write(nc, OtherStateLayouts.Format.FL);
    }

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    private static ImportJob load(Database db, long campaign, Path voters, Path history, ColumnMapping mapping,
                                  boolean resume, VoterFileImporter.Progress progress) throws IOException {
        VoterFileAdapter adapter = FormatDetector.adapter(FormatDetector.detect(voters).format(), voters, GeocodeLookup.none(),
                mapping, "test");
        return new VoterFileImporter(db.imports(), 150, p -> p, new JooqRegistrationSourceStore(db))
                .run(campaign, adapter, voters, history, resume, progress);
    }

    private static int sourceRows(Database db) {
        return db.dsl().fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("registration_source")));
    }

    private static ImportJob load(Database db, long campaign, Path voters, Path history) throws IOException {
        return load(db, campaign, voters, history, null, false, (p, d, t, c) -> { });
    }

    private static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    }

    private static List<String> errors(Database db, ImportJob job) throws IOException {
        StringBuilder csv = new StringBuilder();
        ImportErrorReport.writeCsv(db.imports(), job.id(), csv);
        return List.of(csv.toString().split("\r\n"));
    }

    @Test
    void theGroundTruthIsRewrittenToTheStateKeys() throws IOException {
        List<String> persons = lines(ohio.truthPersonsFile());
        assertThat(persons).hasSize((int) nc.voterRows() + 1);
        String ohKey = persons.get(1).split(",")[0];
        String ncKey = lines(nc.truthPersonsFile()).get(1).split(",")[0];
        assertThat(ohKey).isEqualTo(OtherStateLayouts.key(ncKey, OtherStateLayouts.Format.OH)).startsWith("OH");
        assertThat(lines(ohio.voterFile()).get(1)).startsWith("\"" + ohKey + "\"");
        List<String> truth = lines(florida.groundTruthFile());
        assertThat(truth).hasSameSizeAs(lines(nc.groundTruthFile()));
        assertThat(truth.stream().skip(1).map(l -> l.split(",")[1]))
                .allMatch(keys -> keys.matches("\\d+(;\\d+)*"));
    }

    @Test
    void generatedFilesAreDetectedInTheirLayouts() throws IOException {
        assertThat(FormatDetector.detect(ohio.voterFile()).format()).isEqualTo(FormatDetector.Format.OHIO_SWVF);
        assertThat(FormatDetector.detect(florida.voterFile()).format()).isEqualTo(FormatDetector.Format.FLORIDA_EXTRACT);
        assertThat(FormatDetector.detect(florida.historyFile()).format()).isEqualTo(FormatDetector.Format.FLORIDA_HISTORY);
        assertThatThrownBy(() -> FormatDetector.adapter(FormatDetector.detect(florida.historyFile()).format(),
                florida.historyFile(), GeocodeLookup.none(), null, null))
                .hasMessageContaining("give it as the history file");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ohioLoadsWithInlineHistoryAndReImportsInPlace(Supplier<Database> open) throws IOException {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "OH").id();
            ImportJob first = load(db, campaign, ohio.voterFile(), null);
            assertThat(first.format()).isEqualTo(OhioAdapter.FORMAT);
            assertThat(first.counts().created()).isEqualTo(nc.voterRows());
            assertThat(first.counts().rejected()).isZero();
            List<String> rows = lines(ohio.voterFile());
            long allMarks = rows.stream().skip(1).mapToLong(StateFormatImportTest::ohioMarks).sum();
            assertThat(allMarks).isPositive();
            assertThat(first.counts().votesNew()).isEqualTo(allMarks);
            assertThat(first.counts().votesExisting()).isZero();

            String id = DelimitedReaderSplit.field(rows.get(1), ',', 0);
            String last = DelimitedReaderSplit.field(rows.get(1), ',', 3);
            PersonProfile profile = profileOf(db, campaign, last, id);
            // History inline: the person's marks in the election columns are their votes.
            assertThat(profile.votes()).hasSize((int) ohioMarks(rows.get(1)));
            assertThat(profile.registrations().getFirst().state()).isEqualTo("OH");
            assertThat(profile.registrations().getFirst().status()).isIn("A", "I");
            List<String> fields = new ArrayList<>();
            DelimitedReader.split(rows.get(1), ',', fields);
            int countyNumber = Integer.parseInt(fields.get(OhioAdapter.FIXED.indexOf("COUNTY_NUMBER")));
            assertThat(profile.registrations().getFirst().county())
                    .isEqualTo(org.muster.reference.ReferenceCsv.rows("geo/oh_counties.csv").get(countyNumber - 1)[1]);

            // A newer file: one person moved. Updated in place, no duplicate.
            String moved = rows.get(1).replaceFirst(",\"[^\"]*\",\"\",\"[^\"]*\",\"OH\"", ",\"77 NEW HOPE RD\",\"\",\"AKRON\",\"OH\"");
            assertThat(moved).isNotEqualTo(rows.get(1));
            rows.set(1, moved);
            Path newer = Files.write(dir.resolve("SWVF_newer.txt"), rows, StandardCharsets.ISO_8859_1);
            ImportJob second = load(db, campaign, newer, null);
            assertThat(second.counts().updated()).isEqualTo(1);
            assertThat(second.counts().created()).isZero();
            assertThat(second.counts().unchanged()).isEqualTo(nc.voterRows() - 1);
            // The inline history again: every vote already on record, none new.
            assertThat(second.counts().votesExisting()).isEqualTo(allMarks);
            assertThat(second.counts().votesNew()).isZero();
            assertThat(db.people().count(campaign)).isEqualTo(nc.voterRows());
            assertThat(profileOf(db, campaign, last, id).addresses().getFirst().line1()).isEqualTo("77 NEW HOPE RD");
            // The original values: one source per registration, and a second only for the row that changed.
            assertThat(sourceRows(db)).isEqualTo(nc.voterRows() + 1);
            List<RegistrationSourceStore.Stored> sources = new JooqRegistrationSourceStore(db)
                    .history(campaign, "OH", id, 5);
            assertThat(sources).hasSize(2);
            assertThat(sources.getFirst().source()).contains("RESIDENTIAL_ADDRESS1: 77 NEW HOPE RD")
                    .contains("SOS_VOTERID: " + id);
            assertThat(sources.getFirst().fileName()).isEqualTo("SWVF_newer.txt");
            assertThat(sources.getFirst().line()).isEqualTo(2);
        }
    }

    /** A row's votes: its marks in the election columns. */
    private static long ohioMarks(String row) {
        List<String> values = new ArrayList<>();
        DelimitedReader.split(row, ',', values);
        return values.subList(OhioAdapter.FIXED.size(), values.size()).stream().filter(v -> !v.isEmpty()).count();
    }

    private static PersonProfile profileOf(Database db, long campaign, String lastName, String registrationId) {
        for (PersonSummary s : db.people().search(campaign, lastName, 100_000)) {
            PersonProfile p = db.people().profile(campaign, s.id()).orElseThrow();
            if (p.registrations().stream().anyMatch(r -> r.registrationId().equals(registrationId))) return p;
        }
        throw new AssertionError("No person with registration " + registrationId);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void floridaLoadsWithItsSeparateHistory(Supplier<Database> open) throws IOException {
        List<String> history = lines(florida.historyFile());
        // History code N: listed, but did not vote.
        String notVoted = history.getFirst().substring(0, history.getFirst().lastIndexOf('\t')) + "\tN";
        history.add(notVoted.replaceFirst("\t\\d\\d/\\d\\d/\\d{4}\t", "\t01/02/2003\t"));
        Path withN = Files.write(dir.resolve("FL_history_n.txt"), history, StandardCharsets.ISO_8859_1);
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "FL").id();
            ImportJob job = load(db, campaign, florida.voterFile(), withN);
            assertThat(job.format()).isEqualTo(FloridaAdapter.FORMAT);
            assertThat(job.counts().created()).isEqualTo(nc.voterRows());
            assertThat(job.counts().rejected()).isZero();
            // Every vote of the NC history, rewritten to Florida keys; the N row adds none.
            assertThat(job.counts().votesNew()).isEqualTo(VoterFileImporterTest.distinctVotes(nc.historyFile()));
            assertThat(job.counts().votesUnmatched()).isZero();
            String[] first = lines(florida.voterFile()).getFirst().split("\t");
            PersonProfile p = profileOf(db, campaign, first[2], first[1]);
            assertThat(p.votes()).noneMatch(v -> v.electionDate().getYear() == 2003);
            assertThat(p.registrations().getFirst().state()).isEqualTo("FL");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ohioResumesAfterACrashWithNoRowLostOrDoubled(Supplier<Database> open) throws IOException {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "OH").id();
            // The "crash": the process dies right after the second batch committed.
            int[] batches = {0};
            assertThatThrownBy(() -> load(db, campaign, ohio.voterFile(), null, null, false, (p, d, t, c) -> {
                if (++batches[0] == 2) throw new IllegalStateException("simulated crash");
            })).hasMessage("simulated crash");
            assertThat(db.people().count(campaign)).isEqualTo(300);

            ImportJob resumed = load(db, campaign, ohio.voterFile(), null, null, true, (p, d, t, c) -> { });
            assertThat(resumed.status()).isEqualTo(ImportJob.Status.DONE);
            assertThat(resumed.counts().created()).isEqualTo(nc.voterRows());
            assertThat(db.people().count(campaign)).isEqualTo(nc.voterRows());
            assertThat(sourceRows(db)).isEqualTo(nc.voterRows());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sourcesOfAFullSizeBatchOfLongRowsAreKept(Supplier<Database> open) throws IOException {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            ImportJob job = new VoterFileImporter(db.imports(), VoterFileImporter.DEFAULT_BATCH, p -> p,
                    new JooqRegistrationSourceStore(db)).run(campaign, nc.voterFile(), null, GeocodeLookup.none(),
                    false, (p, d, t, c) -> { });
            assertThat(job.counts().created()).isEqualTo(nc.voterRows());
            assertThat(sourceRows(db)).isEqualTo(nc.voterRows());
        }
    }

    @Test
    void badOhioRowsAreReportedByLineAndFieldAndTheRestLoads() throws IOException {
        List<String> rows = new ArrayList<>(lines(ohio.voterFile()).subList(0, 9));
        rows.set(2, rows.get(2).substring(0, rows.get(2).lastIndexOf(',')));
        rows.set(3, rows.get(3).replaceFirst("\"\\d{4}-\\d\\d-\\d\\d\"", "\"1970-02-30\""));
        rows.set(4, rows.get(4).replaceFirst("^(\"[^\"]*\",\"[^\"]*\",\"[^\"]*\",)\"[^\"]*\"", "$1\"" + "X".repeat(600) + "\""));
        rows.set(5, rows.get(5).replaceFirst("^(\"[^\"]*\",\"[^\"]*\",\"[^\"]*\",\"[^\"]*\",)\"[^\"]*\"", "$1\"JOS\u00c3\u00a9\""));
        Path broken = dir.resolve("SWVF_broken.txt");
        Files.writeString(broken, String.join("\n", rows) + "\n" + rows.get(6).substring(0, 30),
                StandardCharsets.ISO_8859_1);
        try (Database db = TestDatabases.sqlite()) {
            long campaign = db.campaigns().create("Test", "OH").id();
            ImportJob job = load(db, campaign, broken, null);
            assertThat(job.counts().created()).isEqualTo(4);
            int columns = rows.getFirst().split(",").length;
            assertThat(errors(db, job)).containsExactly(
                    "file,line,field,reason",
                    "SWVF_broken.txt,3,,\"expected " + columns + " columns, found " + (columns - 1) + "\"",
                    "SWVF_broken.txt,4,DATE_OF_BIRTH,not a YYYY-MM-DD date: 1970-02-30",
                    "SWVF_broken.txt,5,LAST_NAME,longer than 500 characters",
                    "SWVF_broken.txt,6,,UTF-8 bytes in a Latin-1 file at column " + (rows.get(5).indexOf('\u00c3') + 1),
                    "SWVF_broken.txt,10,,\"expected " + columns + " columns, found "
                            + (rows.get(6).substring(0, 30).chars().filter(c -> c == ',').count() + 1) + "\"");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void floridaResumesInItsHistoryPhaseAndReportsBadRows(Supplier<Database> open) throws IOException {
        List<String> voters = new ArrayList<>(lines(florida.voterFile()));
        voters.set(1, voters.get(1).substring(0, voters.get(1).lastIndexOf('\t')));
        voters.set(2, voters.get(2).replaceFirst("\t07/01/(\\d{4})\t", "\t13/01/$1\t"));
        Path bad = Files.write(dir.resolve("FL_bad_voters.txt"), voters, StandardCharsets.ISO_8859_1);
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "FL").id();
            // The "crash": right after the first history batch committed.
            boolean[] crashed = {false};
            assertThatThrownBy(() -> load(db, campaign, bad, florida.historyFile(), null, false, (p, d, t, c) -> {
                if (p == ImportJob.Phase.HISTORY && !crashed[0]) {
                    crashed[0] = true;
                    throw new IllegalStateException("simulated crash");
                }
            })).hasMessage("simulated crash");
            ImportJob done = load(db, campaign, bad, florida.historyFile(), null, true, (p, d, t, c) -> { });
            assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
            assertThat(done.counts().created()).isEqualTo(nc.voterRows() - 2);
            assertThat(done.counts().rejected()).isEqualTo(2);
            // Every vote once: those of the two rejected registrations are of unknown registrations.
            assertThat(done.counts().votesNew() + done.counts().votesUnmatched())
                    .isEqualTo(VoterFileImporterTest.distinctVotes(nc.historyFile()));
            assertThat(done.counts().votesExisting()).isZero();
            assertThat(errors(db, done)).containsExactly("file,line,field,reason",
                    "FL_bad_voters.txt,2,,\"expected 38 columns, found 37\"",
                    "FL_bad_voters.txt,3,Birth Date,not a MM/DD/YYYY date: 13/01/"
                            + voters.get(2).replaceFirst("(?s).*\t13/01/(\\d{4})\t.*", "$1"));
        }
    }

    private static Path sample() throws IOException {
        Path sample = dir.resolve("wv_synthetic_test_sample_Statewide_VRTEST.txt");
        try (InputStream in = StateFormatImportTest.class.getResourceAsStream(sample.getFileName().toString())) {
            Files.write(sample, in.readAllBytes());
        }
        return sample;
    }

    static final String WV_MAPPING = """
            # The West Virginia statewide layout (Reggie's synthetic test sample)
            state=WV
            delimiter=|
            encoding=UTF-8
            registration_id=ID_VOTER
            county=County_Name
            first_name=FIRST NAME
            middle_name=Mid
            last_name=LAST NAME
            suffix=Suffix
            birth_date=DATE OF BIRTH
            gender=SEX
            street=HOUSE NO + STREET
            address_line2=UNIT
            city=CITY
            address_state=STATE
            zip=ZIP
            mailing_street=MAIL HOUSE NO + MAIL STREET
            mailing_city=MAIL CITY
            mailing_state=MAIL STATE
            mailing_zip=MAIL ZIP
            registration_date=REGISTRATION DATE
            party=PartyAffiliation
            status=Status
            congressional_district=Congressional District
            state_senate_district=Senatorial District
            state_house_district=Delegate District
            precinct=Precinct_Number
            custom.Magisterial district=Magisterial District
            custom.Poll place=POLL_NAME
            """;

    @ParameterizedTest
    @MethodSource("databases")
    void theWestVirginiaSampleLoadsThroughAColumnMapping(Supplier<Database> open) throws IOException {
        ColumnMapping mapping = ColumnMapping.parse(WV_MAPPING);
        assertThat(ColumnMapping.parse(mapping.text())).isEqualTo(mapping);
        Path sample = sample();
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "WV").id();
            ImportJob job = load(db, campaign, sample, null, mapping, false, (p, d, t, c) -> { });
            assertThat(job.format()).isEqualTo("Generic delimited (mapping test)");
            assertThat(job.counts().created()).isEqualTo(4);
            assertThat(job.counts().rejected()).isZero();
            PersonProfile third = profileOf(db, campaign, "Last03", "000000003");
            assertThat(third.person().firstName()).isEqualTo("First03");
            assertThat(third.person().birthDate()).hasToString("1990-01-01");
            assertThat(third.addresses().getFirst().line1()).isEqualTo("1233 STREET 03");
            assertThat(third.registrations().getFirst().status()).isEqualTo("I");
            assertThat(third.registrations().getFirst().party()).isEqualTo("Republican");
            assertThat(third.registrations().getFirst().registeredOn()).hasToString("2012-01-01");
            // Columns beyond the people model, in the campaign's custom fields; an empty column stores nothing.
            assertThat(customValues(db, third.person().id())).containsExactly(
                    Map.entry("Magisterial district", "MAD DISTRICT01"), Map.entry("Poll place", "POLL PLACE 02"));
            assertThat(customValues(db, profileOf(db, campaign, "Last01", "000000001").person().id()))
                    .containsExactly(Map.entry("Poll place", "POLL PLACE 01"));

            ImportJob again = load(db, campaign, sample, null, mapping, false, (p, d, t, c) -> { });
            assertThat(again.counts().unchanged()).isEqualTo(4);
            assertThat(db.people().count(campaign)).isEqualTo(4);

            // A newer file moves the third voter's poll place and clears their district: updated in place.
            List<String> rows = new ArrayList<>(Files.readAllLines(sample, StandardCharsets.UTF_8));
            rows.set(3, rows.get(3).replace("|MAD DISTRICT01|11|POLL PLACE 02", "||11|POLL PLACE 09"));
            Path newer = Files.write(dir.resolve("wv_newer.txt"), rows, StandardCharsets.UTF_8);
            ImportJob third2 = load(db, campaign, newer, null, mapping, false, (p, d, t, c) -> { });
            assertThat(third2.counts().updated()).isEqualTo(1);
            assertThat(third2.counts().unchanged()).isEqualTo(3);
            assertThat(customValues(db, third.person().id())).containsExactly(Map.entry("Poll place", "POLL PLACE 09"));
            assertThat(db.people().profile(campaign, third.person().id()).orElseThrow().timeline().getFirst().summary())
                    .isEqualTo("Voter file changed Magisterial district, Poll place");
        }
    }

    /** The person's custom field values by field name, in name order. */
    private static Map<String, String> customValues(Database db, long personId) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        db.dsl().fetch("select f.name, v.value from custom_field_value v join custom_field f on f.id = v.field_id "
                + "where v.person_id = ? order by f.name", personId).forEach(r -> values.put(r.get(0, String.class),
                r.get(1, String.class)));
        return values;
    }

    @Test
    void customFieldMappingsNeedANameAndRoundTripThroughTheText() {
        ColumnMapping mapping = ColumnMapping.parse("state=WV\nregistration_id=ID\ncustom.Shirt size = SHIRT + FIT\n");
        assertThat(mapping.customFields()).containsExactly(Map.entry("Shirt size", List.of("SHIRT", "FIT")));
        assertThat(ColumnMapping.parse(mapping.text())).isEqualTo(mapping);
        assertThatThrownBy(() -> ColumnMapping.parse("state=WV\nregistration_id=ID\ncustom.=SHIRT\n"))
                .hasMessage("Mapping line 3: name the custom field after 'custom.' (custom.Shirt size=SHIRT)");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void mappingsAreSavedPerCampaignByName(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "WV").id();
            long other = db.campaigns().create("Other", "WV").id();
            ColumnMappingStore store = new org.muster.store.JooqColumnMappingStore(db);
            ColumnMapping wv = ColumnMapping.parse(WV_MAPPING);
            store.save(campaign, "WV statewide", wv, null);
            assertThat(store.find(campaign, "WV statewide")).contains(wv);
            assertThat(store.find(other, "WV statewide")).isEmpty();
            ColumnMapping changed = ColumnMapping.parse(WV_MAPPING.replace("precinct=Precinct_Number\n", ""));
            store.save(campaign, "WV statewide", changed, null);
            assertThat(store.list(campaign)).containsExactly(new ColumnMappingStore.Saved("WV statewide", changed));
        }
    }

    @Test
    void aMappingWhoseColumnsAreNotInTheFileIsOneClearMessage() throws IOException {
        ColumnMapping mapping = ColumnMapping.parse("state=WV\ndelimiter=|\nregistration_id=VOTER_KEY\nzip=ZIP\n");
        try (Database db = TestDatabases.sqlite()) {
            long campaign = db.campaigns().create("Test", "WV").id();
            assertThatThrownBy(() -> load(db, campaign, sample(), null, mapping, false, (p, d, t, c) -> { }))
                    .isInstanceOf(VoterFileFormatException.class)
                    .hasMessage("wv_synthetic_test_sample_Statewide_VRTEST.txt does not fit the mapping: its header "
                            + "(separated by pipes) has no column VOTER_KEY");
            assertThat(db.imports().recent(campaign, 5)).isEmpty();
        }
        assertThatThrownBy(() -> ColumnMapping.parse("state=WV\nregistration_id=A\nshoe_size=B\n"))
                .hasMessageStartingWith("Mapping line 3: shoe_size is not a field Muster loads");
    }

    @Test
    void aGenericFileInAnotherEncodingIsReportedByLine() throws IOException {
        String header = "ID|FIRST|LAST";
        byte[] latin1Row = "2|Jos\u00e9|Lee".getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("people.psv");
        try (var out = Files.newOutputStream(file)) {
            out.write((header + "\n1|Ann|Lee\n").getBytes(StandardCharsets.UTF_8));
            out.write(latin1Row);
            out.write('\n');
        }
        ColumnMapping mapping = ColumnMapping.parse("state=WV\ndelimiter=|\nregistration_id=ID\nfirst_name=FIRST\n"
                + "last_name=LAST\n");
        try (Database db = TestDatabases.sqlite()) {
            long campaign = db.campaigns().create("Test", "WV").id();
            ImportJob job = load(db, campaign, file, null, mapping, false, (p, d, t, c) -> { });
            assertThat(job.counts().created()).isEqualTo(1);
            assertThat(errors(db, job)).containsExactly("file,line,field,reason",
                    "people.psv,3,,bytes that are not UTF-8 at byte 6 (choose the file's encoding)");
            ColumnMapping latin1 = ColumnMapping.parse(mapping.text().replace("UTF-8", "ISO-8859-1"));
            ImportJob fixed = load(db, campaign, file, null, latin1, false, (p, d, t, c) -> { });
            assertThat(fixed.counts().created()).isEqualTo(1);
            assertThat(fixed.counts().rejected()).isZero();
        }
    }
}
