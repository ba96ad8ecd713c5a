package org.muster.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.MusterException;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.match.ListFile;
import org.muster.match.MatchConfig;
import org.muster.match.VoterFlags;
import org.muster.people.PersonProfile;
import org.muster.store.Database;
import org.muster.store.JooqMatchStore;
import org.muster.store.TestDatabases;
import org.muster.voterfile.GeocodeLookup;
import org.muster.voterfile.VoterFileImporter;

/** The voter-file flags over an imported generated campaign, scored against the generator's truth. */
class CampaignFlagsTest {

    /** Share of the planted deaths flagged: the rest have no address on the list, or too little else in common. */
    static final double DECEASED_RECALL_FLOOR = 0.70;
    /**
     * Share of the planted movers flagged: only a phone survives a move in the generated files, and about a third of
     * voters have one, so most movers can never be flagged (name and birth year alone never flag).
     */
    static final double MOVED_RECALL_FLOOR = 0.20;

    @TempDir
    static Path dir;
    static GeneratedFiles files;
    static Map<String, String> truePersonOfRegistration = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        files = DemoCampaignGenerator.generate(new GeneratorOptions(6_000, 3, dir), rows -> { });
        for (String line : Files.readAllLines(files.truthPersonsFile(), StandardCharsets.ISO_8859_1).subList(1,
                (int) files.voterRows() + 1)) {
            String[] f = line.split(",");
            truePersonOfRegistration.put(f[0], f[2]);
        }
    }

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    /** list id to {kind, registration key, true person id} of a truth file. */
    private static Map<String, String[]> truth(Path file) throws IOException {
        Map<String, String[]> out = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).toList()) {
            String[] f = line.split(",", -1);
            out.put(f[0], new String[] {f[1], f[2], f[3]});
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deathOtherStateAndDuplicateFlagsAreRightCorroboratedAndTagged(Supplier<Database> open) throws IOException {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Flags", "NC").id();
            new VoterFileImporter(db.imports(), 500).run(campaign, files.voterFile(), null, GeocodeLookup.none(),
                    false, (p, d, t, c) -> { });
            MatchStore store = new JooqMatchStore(db);

            CampaignFlags.Result deaths = CampaignFlags.deceased(store, campaign, MatchConfig.defaults(),
                    ListFile.read(files.deathsFile(), n -> { }), VoterFlags.DEFAULT_MIN_PROBABILITY, (p, d, t) -> { });
            check(db, campaign, deaths, truth(files.deathsTruthFile()), "deceased", DECEASED_RECALL_FLOOR);

            CampaignFlags.Result moved = CampaignFlags.movedOutOfState(store, campaign, MatchConfig.defaults(),
                    ListFile.read(files.otherStateFile(), n -> { }), "NC", VoterFlags.DEFAULT_MIN_PROBABILITY,
                    (p, d, t) -> { });
            check(db, campaign, moved, truth(files.otherStateTruthFile()), "moved", MOVED_RECALL_FLOOR);
            for (CampaignFlags.Flagged f : moved.flags()) {
                assertThat(f.flag().corroboratingFields()).as(f.flag().evidence().toString())
                        .doesNotContain("residence", "address", "city", "zip", "state", "geo");
            }

            CampaignFlags.Result duplicates = CampaignFlags.duplicates(store, campaign, MatchConfig.defaults(),
                    VoterFlags.DEFAULT_MIN_PROBABILITY, (p, d, t) -> { });
            assertThat(duplicates.flags()).isNotEmpty();
            for (CampaignFlags.Flagged f : duplicates.flags()) {
                String other = store.registrationIds(campaign, List.of(Long.parseLong(f.flag().otherId())))
                        .values().iterator().next().getFirst();
                assertThat(truePersonOfRegistration.get(other)).as(f.flag().evidence().toString())
                        .isEqualTo(truePersonOfRegistration.get(f.registrationIds().getFirst()));
                assertThat(f.flag().corroboratingFields()).isNotEmpty()
                        .doesNotContainAnyElementsOf(List.of("first", "middle", "last", "dob"));
            }

            CampaignFlags.Flagged first = deaths.flags().getFirst();
            assertThat(CampaignFlags.tag(store, campaign, deaths, "test")).isEqualTo(deaths.flags().size());
            assertThat(CampaignFlags.tag(store, campaign, deaths, "test")).as("a rerun tags nobody twice").isZero();
            PersonProfile profile = db.people().profile(campaign, first.personId()).orElseThrow();
            assertThat(profile.tags()).contains("flag-possible-deceased");
        }
    }

    private static void check(Database db, long campaign, CampaignFlags.Result result, Map<String, String[]> truth,
            String plantedKind, double recallFloor) {
        Set<String> found = new HashSet<>();
        for (CampaignFlags.Flagged f : result.flags()) {
            String[] t = truth.get(f.flag().otherId());
            assertThat(t).as("flagged list record %s exists", f.flag().otherId()).isNotNull();
            assertThat(t[0]).as("a %s flag on a %s: %s", plantedKind, t[0], f.flag().evidence()).isEqualTo(plantedKind);
            assertThat(f.registrationIds()).isNotEmpty();
            String person = truePersonOfRegistration.get(f.registrationIds().getFirst());
            assertThat(person).as("flag on the right person: %s", f.flag().evidence()).isEqualTo(t[2]);
            assertThat(f.flag().corroboratingFields()).isNotEmpty()
                    .doesNotContainAnyElementsOf(List.of("first", "middle", "last", "dob"));
            assertThat(f.flag().expectedFalsePositiveRate()).isLessThanOrEqualTo(1 - VoterFlags.DEFAULT_MIN_PROBABILITY);
            found.add(f.flag().otherId());
        }
        long planted = truth.values().stream().filter(t -> t[0].equals(plantedKind)).count();
        assertThat(planted).isPositive();
        assertThat((double) found.size() / planted).as("%s recall: %d of %d", plantedKind, found.size(), planted)
                .isGreaterThanOrEqualTo(recallFloor);
    }

    @Test
    void aMalformedListNamesTheLineAndColumn(@TempDir Path tmp) throws IOException {
        Path noLast = Files.writeString(tmp.resolve("a.csv"), "id,first_name,surname_x\n1,ANN,LEE\n");
        assertThatThrownBy(() -> ListFile.read(noLast, n -> { })).isInstanceOf(MusterException.class)
                .hasMessageContaining("a.csv line 1 has no last column");
        Path shortRow = Files.writeString(tmp.resolve("b.csv"), "id,first_name,last_name\n1,ANN,LEE\n2,BOB\n");
        assertThatThrownBy(() -> ListFile.read(shortRow, n -> { })).isInstanceOf(MusterException.class)
                .hasMessageContaining("b.csv line 3 has 2 columns where the header has 3");
        Path badDate = Files.writeString(tmp.resolve("c.csv"), "id,last_name,birth_date\n1,LEE,5/6/1950\n");
        assertThatThrownBy(() -> ListFile.read(badDate, n -> { })).isInstanceOf(MusterException.class)
                .hasMessageContaining("c.csv line 2 column birth_date holds \"5/6/1950\"");
        Path quoted = Files.writeString(tmp.resolve("d.csv"), "id,last_name,city\n1,\"LEE, JR\",\"RALEIGH\n");
        assertThatThrownBy(() -> ListFile.read(quoted, n -> { })).isInstanceOf(MusterException.class)
                .hasMessageContaining("d.csv line 2 column 3 opens a quote");
        Path fine = Files.writeString(tmp.resolve("e.csv"), "ID,Last Name,Birth Year\n7,\"O\"\"NEIL\",1950\n");
        assertThat(ListFile.read(fine, n -> { })).singleElement()
                .satisfies(r -> assertThat(r.birthDate()).isEqualTo("1950"));
    }
}
