package org.muster.voterfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.Registration;

class NcVoterFileTest {

    @TempDir
    static Path dir;
    static GeneratedFiles files;

    @BeforeAll
    static void generate() throws IOException {
        files = DemoCampaignGenerator.generate(new GeneratorOptions(2_000, 3, dir), rows -> { });
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        for (String f : line.split("\t", -1)) out.add(f.substring(1, f.length() - 1));
        return out;
    }

    @Test
    void mapsWhatTheGeneratorWrote() throws IOException {
        NcAdapter adapter = new NcAdapter(files.voterFile().getFileName().toString(),
                GeocodeLookup.loadCsv(files.geocodeFile()));
        List<NewPerson> people = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        long good = NcVoterFile.read(files.voterFile(), row -> people.add(adapter.person(row)), bad::add);
        assertThat(bad).isEmpty();
        assertThat(good).isEqualTo(files.voterRows()).isEqualTo(people.size());

        List<String> lines = Files.readAllLines(files.voterFile(), StandardCharsets.ISO_8859_1);
        List<String> header = fields(lines.getFirst());
        for (int i = 0; i < people.size(); i++) {
            List<String> row = fields(lines.get(i + 1));
            NewPerson p = people.get(i);
            String key = row.get(header.indexOf("county_id")) + "-" + row.get(header.indexOf("voter_reg_num"));
            assertThat(p.lastName().toUpperCase()).isEqualTo(row.get(header.indexOf("last_name")));
            assertThat(p.firstName().toUpperCase()).isEqualTo(row.get(header.indexOf("first_name")));
            assertThat(p.birthDate()).isNull();
            assertThat(p.contactCategory()).isEqualTo(ContactCategory.PROSPECT);
            assertThat(p.origin()).isEqualTo("NC voter file ncvoter_demo.txt");
            assertThat(p.addresses().getFirst().line1()).isEqualTo(row.get(header.indexOf("res_street_address")));
            assertThat(p.addresses().getFirst().zip()).isEqualTo(row.get(header.indexOf("zip_code")));
            assertThat(p.addresses().getFirst().latitude()).isNotNull();
            assertThat(p.householdKey()).endsWith("|" + row.get(header.indexOf("zip_code")));
            Registration r = p.registrations().getFirst();
            assertThat(r.registrationId()).isEqualTo(key);
            assertThat(r.stateVoterId()).isEqualTo(row.get(header.indexOf("ncid")));
            assertThat(r.status()).isEqualTo(row.get(header.indexOf("status_cd")));
            assertThat(r.precinct()).isEqualTo(row.get(header.indexOf("precinct_abbrv")));
            assertThat(r.congressionalDistrict()).isEqualTo(row.get(header.indexOf("cong_dist_abbrv")));
            assertThat(r.registeredOn()).isNotNull();
            // Votes come from the history file, joined in the database by the importer.
            assertThat(p.votes()).isEmpty();
            String phone = row.get(header.indexOf("full_phone_number"));
            assertThat(p.phones()).isEqualTo(phone.isEmpty() ? List.of() : List.of("+1" + phone));
        }
    }

    @Test
    void rejectsAFileThatIsNotAnNcVoterFile() throws IOException {
        Path other = dir.resolve("people.csv");
        Files.writeString(other, "first,last,email\nAda,Lovelace,ada@example.org\n");
        assertThatThrownBy(() -> NcVoterFile.read(other, r -> { }, b -> { }))
                .isInstanceOf(VoterFileFormatException.class)
                .hasMessageContaining("people.csv is not an NC ncvoter file")
                .hasMessageContaining("67 columns county_id, county_desc, voter_reg_num, ncid");
        assertThatThrownBy(() -> NcHistoryFile.read(files.voterFile(), r -> { }, b -> { }))
                .hasMessageContaining("is not an NC ncvhis file");
    }

    @Test
    void reportsMalformedRowsWithTheirLineNumberAndKeepsGoing() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(files.voterFile(), StandardCharsets.ISO_8859_1));
        lines.set(2, lines.get(2).substring(0, lines.get(2).lastIndexOf('\t')));
        lines.set(4, lines.get(4).replaceFirst("\t\"(19|20)\\d\\d\"\t", "\t\"19X5\"\t"));
        Path broken = dir.resolve("broken.txt");
        Files.write(broken, lines, StandardCharsets.ISO_8859_1);
        List<BadRow> bad = new ArrayList<>();
        long good = NcVoterFile.read(broken, r -> { }, bad::add);
        assertThat(good).isEqualTo(lines.size() - 3);
        assertThat(bad).extracting(BadRow::lineNumber).containsExactly(3L, 5L);
        assertThat(bad.get(0).reason()).isEqualTo("expected 67 columns, found 66");
        assertThat(bad.get(0).field()).isNull();
        assertThat(bad.get(1).field()).isEqualTo("birth_year");
        assertThat(bad.get(1).reason()).isEqualTo("not a year: 19X5");
        assertThat(bad.get(1).toString()).isEqualTo("broken.txt line 5 (birth_year): not a year: 19X5");
    }

    @Test
    void namesAndPhonesAreNormalised() {
        assertThat(NameCase.name("O'BRIEN")).isEqualTo("O'Brien");
        assertThat(NameCase.name("MCDONALD")).isEqualTo("McDonald");
        assertThat(NameCase.name("SMITH-JONES")).isEqualTo("Smith-Jones");
        assertThat(NameCase.name("JOSÉ")).isEqualTo("José");
        assertThat(NameCase.name("MC")).isEqualTo("Mc");
        assertThat(NameCase.suffix("III")).isEqualTo("III");
        assertThat(NameCase.suffix("JR")).isEqualTo("Jr");
        assertThat(Phones.e164("(919) 555-1234", "US")).isEqualTo("+19195551234");
        assertThat(Phones.e164("1-919-555-1234", "US")).isEqualTo("+19195551234");
        assertThat(Phones.e164("5551234", "US")).isNull();
        assertThat(NcVoterMapper.householdKey(" 12  OAK ST ", "276011234")).isEqualTo("12 OAK ST|27601");
    }
}
