package org.muster.segment;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.muster.account.AuditLog;
import org.muster.people.PersonSummary;

/**
 * Exporting a segment, the same from the web and the command line: at most a capped number of people (a list of
 * 25,000 voters with contacts is already a lot to lose; the cap is set with {@code MUSTER_EXPORT_CAP}), audited
 * before the first row is written, rows read in chunks so a large export holds one chunk in memory.
 */
public final class SegmentExport {

    public static final int DEFAULT_CAP = 25_000;
    public static final String CAP_VARIABLE = "MUSTER_EXPORT_CAP";
    private static final int CHUNK = 1_000;

    /** Refused: more people than the cap allows. */
    public static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }

    private SegmentExport() {
    }

    /** The cap from the environment, or the default; a value that is not a positive whole number is an error. */
    public static int cap(Map<String, String> env) {
        String value = env.get(CAP_VARIABLE);
        if (value == null || value.isBlank()) return DEFAULT_CAP;
        try {
            int cap = Integer.parseInt(value.strip());
            if (cap > 0) return cap;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(CAP_VARIABLE + " must be a positive whole number, not \"" + value + "\"");
    }

    /** Throws {@link TooLarge} with what to do about it when {@code count} exceeds the cap. */
    public static void checkCap(long count, int cap) {
        if (count > cap) {
            throw new TooLarge(String.format(Locale.ROOT, "This segment has %,d people, more than the export cap of %,d. "
                    + "Narrow the filter (for instance with split(1, 0%%, 50%%)) or ask an administrator to raise %s.", count, cap, CAP_VARIABLE));
        }
    }

    /** Audits the export (who, how many, which filter) and writes the CSV. */
    public static void write(AuditLog audit, Long userId, String filterText, long[] ids, Function<List<Long>, List<PersonSummary>> rows,
            Writer out) throws IOException {
        // Audited before the first byte leaves: an interrupted download was still an export.
        audit.record(userId, "segment.export", "segment", ids.length + " people: " + filterText);
        SegmentCsv.header(out);
        for (int from = 0; from < ids.length; from += CHUNK) {
            List<Long> chunk = Arrays.stream(ids, from, Math.min(ids.length, from + CHUNK)).boxed().toList();
            for (PersonSummary p : rows.apply(chunk)) SegmentCsv.row(out, p);
        }
        out.flush();
    }
}
