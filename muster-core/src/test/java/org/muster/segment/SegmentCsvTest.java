package org.muster.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.muster.people.PersonSummary;

class SegmentCsvTest {

    @Test
    void quotesCommasAndQuotesAndDefusesFormulas() throws Exception {
        StringWriter out = new StringWriter();
        SegmentCsv.header(out);
        SegmentCsv.row(out, new PersonSummary(7, "Smith, \"Ann\"", null, 1980, "=HYPERLINK(\"x\")", null, "+19195550101"));
        assertThat(out.toString()).isEqualTo(SegmentCsv.HEADER + "\r\n"
                + "7,\"Smith, \"\"Ann\"\"\",1980,\"'=HYPERLINK(\"\"x\"\")\",,'+19195550101\r\n");
    }
}
