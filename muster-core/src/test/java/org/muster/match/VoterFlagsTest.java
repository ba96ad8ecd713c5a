package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;

class VoterFlagsTest {

    @Test
    void duplicateRegistrationFlagsOnTheDemoFileAreAllTrueAndCorroborated(@TempDir Path dir) throws Exception {
        GeneratedFiles files = DemoCampaignGenerator.generate(new GeneratorOptions(3000, 5, dir), n -> { });
        List<MatchRecord> records = VoterFileRecords.readNc(files.voterFile());
        Map<String, String> truePerson = new HashMap<>();
        for (String line : Files.readAllLines(files.truthPersonsFile(), StandardCharsets.UTF_8).subList(1,
                (int) files.voterRows() + 1)) {
            String[] f = line.split(",");
            truePerson.put(f[0], f[2]);
        }
        assertThat(records).hasSize((int) files.voterRows());
        Matcher.Run run = new Matcher(MatchConfig.defaults()).dedupe(records);
        Evaluation.Scores s = Evaluation.clusters(records.stream().map(r -> truePerson.get(r.id())).toArray(),
                run.clusterOf(), null);
        assertThat(s.truePairs()).isPositive();
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.85);

        List<VoterFlags.Flag> flags = VoterFlags.duplicateRegistrations(run, VoterFlags.DEFAULT_MIN_PROBABILITY);
        assertThat(flags).isNotEmpty();
        for (VoterFlags.Flag flag : flags) {
            assertThat(truePerson.get(flag.recordId())).as(flag.evidence().toString())
                    .isEqualTo(truePerson.get(flag.otherId()));
            assertThat(flag.corroboratingFields()).isNotEmpty().doesNotContainAnyElementsOf(VoterFlags.IDENTITY_FIELDS);
            assertThat(flag.expectedFalsePositiveRate()).isEqualTo(1 - flag.probability());
        }
    }

    @Test
    void aDeathListMatchNeedsMoreThanNameAndBirthDate() {
        SyntheticPeople voters = new SyntheticPeople(2000, 0.0, 11);
        List<MatchRecord> records = new ArrayList<>(voters.records);
        // twenty deaths of registered voters (name, dob and zip as a death index gives them) ...
        for (int i = 0; i < 20; i++) {
            MatchRecord v = voters.records.get(i * 50);
            records.add(MatchRecord.builder("dead" + i).source(1).first(v.get(Field.FIRST)).last(v.get(Field.LAST))
                    .birthDate(v.birthDate()).zip(v.get(Field.ZIP)).build());
        }
        // ... and twenty namesakes born the same day who lived elsewhere
        for (int i = 0; i < 20; i++) {
            MatchRecord v = voters.records.get(i * 50 + 25);
            records.add(MatchRecord.builder("namesake" + i).source(1).first(v.get(Field.FIRST))
                    .last(v.get(Field.LAST)).birthDate(v.birthDate()).zip("99" + i).build());
        }
        Matcher.Run link = new Matcher(MatchConfig.defaults()).link(records);
        List<VoterFlags.Flag> flags = VoterFlags.deceased(link, 0.9);
        assertThat(flags).allSatisfy(f -> {
            assertThat(f.otherId()).startsWith("dead");
            assertThat(f.corroboratingFields()).containsExactly("residence");
        });
        assertThat(flags).hasSizeGreaterThanOrEqualTo(18);
    }

    @Test
    void aMoveIsCorroboratedByWhatSurvivesAMove() {
        List<MatchRecord> records = new ArrayList<>(new SyntheticPeople(1000, 0.0, 13).records);
        MatchRecord v = records.get(10);
        records.add(MatchRecord.builder("va").source(1).first(v.get(Field.FIRST)).last(v.get(Field.LAST))
                .birthDate(v.birthDate()).phone(v.get(Field.PHONE)).state("VA").zip("22201").build());
        MatchRecord w = records.get(20);
        records.add(MatchRecord.builder("sc").source(1).first(w.get(Field.FIRST)).last(w.get(Field.LAST))
                .birthDate(w.birthDate()).state("SC").zip("29201").build());
        List<VoterFlags.Flag> flags = VoterFlags.movedOutOfState(new Matcher(MatchConfig.defaults()).link(records),
                "NC", 0.5);
        assertThat(flags).extracting(VoterFlags.Flag::otherId).containsExactly("va");
        assertThat(flags.get(0).corroboratingFields()).containsExactly("phone");
    }
}
