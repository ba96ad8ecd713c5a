package org.muster.voterfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.reference.ReferenceCsv;
import org.muster.voterfile.FormatDetector.Format;

class FormatDetectorTest {

    @TempDir
    static Path dir;
    static GeneratedFiles files;

    @BeforeAll
    static void generate() throws IOException {
        files = DemoCampaignGenerator.generate(new GeneratorOptions(20, 2, dir), rows -> { });
    }

    private static List<String> layout(String state) {
        List<String> columns = new ArrayList<>();
        for (String[] row : ReferenceCsv.rows("voterlayouts/oh_fl_layouts.csv")) {
            if (row[0].equals(state) && !row[2].startsWith("<")) columns.add(row[2]);
        }
        return columns;
    }

    @Test
    void northCarolinaFilesByTheirHeaders() throws IOException {
        assertThat(FormatDetector.detect(files.voterFile()).format()).isEqualTo(Format.NC_VOTER);
        FormatDetector.Detection history = FormatDetector.detect(files.historyFile());
        assertThat(history.format()).isEqualTo(Format.NC_HISTORY);
        assertThat(history.explanation()).isEqualTo("header is the NCSBE ncvhis layout (15 columns)");
    }

    @Test
    void ohioByItsFixedColumnsAndOneColumnPerElection() throws IOException {
        List<String> header = new ArrayList<>(layout("OH"));
        header.addAll(List.of("PRIMARY-03/07/2000", "GENERAL-11/07/2000", "SPECIAL-05/02/2023"));
        String row = String.join(",", Collections.nCopies(header.size(), "\"X\""));
        Path ohio = Files.writeString(dir.resolve("SWVF_1_22.txt"), header.stream().map(h -> '"' + h + '"')
                .reduce((a, b) -> a + "," + b).orElseThrow() + "\n" + row + "\n");
        FormatDetector.Detection d = FormatDetector.detect(ohio);
        assertThat(d.format()).isEqualTo(Format.OHIO_SWVF);
        assertThat(d.delimiter()).isEqualTo(',');
        assertThat(d.explanation()).endsWith("then 3 election columns");
    }

    @Test
    void floridaByItsShapeWithoutAHeader() throws IOException {
        List<String> values = new ArrayList<>(Collections.nCopies(layout("FL").size(), ""));
        values.set(0, "ALA");
        values.set(1, "100234567");
        values.set(2, "SMITH");
        Path florida = Files.writeString(dir.resolve("ALA_20240109.txt"), String.join("\t", values) + "\n");
        assertThat(FormatDetector.detect(florida).format()).isEqualTo(Format.FLORIDA_EXTRACT);
    }

    @Test
    void anyOtherHeaderOfNamedColumnsIsAGenericFileNeedingAMapping() throws IOException {
        Path sample = dir.resolve("wv_synthetic_test_sample_Statewide_VRTEST.txt");
        try (var in = FormatDetectorTest.class.getResourceAsStream(sample.getFileName().toString())) {
            Files.write(sample, in.readAllBytes());
        }
        FormatDetector.Detection d = FormatDetector.detect(sample);
        assertThat(d.format()).isEqualTo(Format.DELIMITED);
        assertThat(d.delimiter()).isEqualTo('|');
        assertThat(d.columns()).isEqualTo(31);
        assertThat(d.explanation()).contains("separated by pipes");
    }

    @Test
    void somethingElseIsRejectedWithOneMessage() throws IOException {
        Path binary = Files.write(dir.resolve("photo.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2, '\n'});
        assertThatThrownBy(() -> FormatDetector.detect(binary)).isInstanceOf(VoterFileFormatException.class)
                .hasMessage("photo.jpg is not a voter file: its first line is neither a known voter-file header "
                        + "(NC, Ohio), a Florida extract row, nor a header of named columns");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "", StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> FormatDetector.detect(empty)).hasMessage("empty.txt is empty: not a voter file");
    }
}
