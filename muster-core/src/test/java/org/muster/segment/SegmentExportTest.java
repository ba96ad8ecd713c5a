package org.muster.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.account.AuditLog;
import org.muster.people.PersonSummary;

class SegmentExportTest {

    @Test
    void theCapComesFromTheEnvironmentAndSaysHowToGetUnderIt() {
        assertThat(SegmentExport.cap(Map.of())).isEqualTo(25_000);
        assertThat(SegmentExport.cap(Map.of("MUSTER_EXPORT_CAP", " 500 "))).isEqualTo(500);
        assertThatThrownBy(() -> SegmentExport.cap(Map.of("MUSTER_EXPORT_CAP", "lots"))).hasMessage("MUSTER_EXPORT_CAP must be a positive whole number, not \"lots\"");
        assertThatThrownBy(() -> SegmentExport.cap(Map.of("MUSTER_EXPORT_CAP", "0"))).isInstanceOf(IllegalArgumentException.class);
        SegmentExport.checkCap(500, 500);
        assertThatThrownBy(() -> SegmentExport.checkCap(31_204, 25_000)).isInstanceOf(SegmentExport.TooLarge.class)
                .hasMessage("This segment has 31,204 people, more than the export cap of 25,000. Narrow the filter (for instance with "
                        + "split(1, 0%, 50%)) or ask an administrator to raise MUSTER_EXPORT_CAP.");
    }

    @Test
    void theExportIsAuditedThenWrittenInChunks() throws Exception {
        List<String> audited = new ArrayList<>();
        AuditLog audit = new AuditLog() {
            public void record(Long userId, String action, String target, String detail) {
                audited.add(action + " " + detail);
            }

            public List<Entry> recent(int limit) {
                return List.of();
            }
        };
        long[] ids = java.util.stream.LongStream.rangeClosed(1, 2_500).toArray();
        List<Integer> chunks = new ArrayList<>();
        StringWriter out = new StringWriter();
        SegmentExport.write(audit, 7L, "tag(x)", ids, chunk -> {
            chunks.add(chunk.size());
            return chunk.stream().map(id -> new PersonSummary(id, "P" + id, null, null, null, null, null)).toList();
        }, out);
        assertThat(audited).containsExactly("segment.export 2500 people: tag(x)");
        assertThat(chunks).containsExactly(1_000, 1_000, 500);
        assertThat(out.toString().split("\r\n")).hasSize(2_501);
    }
}
