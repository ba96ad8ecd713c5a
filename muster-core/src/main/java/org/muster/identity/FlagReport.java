package org.muster.identity;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.stream.Collectors;
import org.muster.match.Explanation;
import org.muster.segment.SegmentCsv;

/**
 * The CSV form of {@link CampaignFlags} results, one flag a row (RFC 4180, CRLF): what was flagged, on whom, against
 * which record, how sure, and why: the fields beyond name and birth date that corroborate it, and every field's
 * agreement level with its weight in bits (log2 Bayes factor; negative weighs against the match).
 */
public final class FlagReport {

    public static final String HEADER = "flag,person_id,registration_ids,name,other_id,probability,"
            + "expected_false_positive_rate,corroborating_fields,evidence";

    private FlagReport() {
    }

    public static void write(CampaignFlags.Result result, Writer out) throws IOException {
        out.write(HEADER + "\r\n");
        String kind = CampaignFlags.tagName(result.kind()).substring("flag-".length());
        for (CampaignFlags.Flagged f : result.flags()) {
            out.write(String.join(",", kind, Long.toString(f.personId()),
                    SegmentCsv.cell(String.join(";", f.registrationIds())), SegmentCsv.cell(f.name()),
                    SegmentCsv.cell(f.flag().otherId()),
                    String.format(Locale.ROOT, "%.6f", f.flag().probability()),
                    String.format(Locale.ROOT, "%.2e", f.flag().expectedFalsePositiveRate()),
                    SegmentCsv.cell(String.join(";", f.flag().corroboratingFields())),
                    SegmentCsv.cell(evidence(f.flag().evidence()))) + "\r\n");
        }
    }

    /** The fields known on both sides, e.g. "last=exact +9.1; phone=exact +12.3; dob=same year +3.0". */
    static String evidence(Explanation e) {
        return e.fields().stream().filter(f -> f.levelIndex() > 0)
                .map(f -> String.format(Locale.ROOT, "%s=%s %+.1f", f.field(), f.level(), f.total()))
                .collect(Collectors.joining("; "));
    }

    /** The one-line summary of a run, e.g. for the command line and the audit log. */
    public static String summary(CampaignFlags.Result result, int tagged) {
        String what = result.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        double expectedWrong = result.flags().stream().mapToDouble(f -> f.flag().expectedFalsePositiveRate()).sum();
        return String.format(Locale.ROOT, "%,d %s flags among %,d people%s (%,d candidate pairs); about %.2f expected "
                        + "wrong%s.", result.flags().size(), what, result.people(),
                result.listRecords() > 0 ? String.format(Locale.ROOT, " and %,d list records", result.listRecords()) : "",
                result.candidatePairs(), expectedWrong,
                tagged < 0 ? "" : String.format(Locale.ROOT, "; %,d people newly tagged %s", tagged,
                        CampaignFlags.tagName(result.kind())));
    }
}
