package org.muster.voterfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.muster.segment.SegmentCsv;

/** The rejected rows of an import as CSV (file,line,field,reason), for the data director to fix and reload. */
public final class ImportErrorReport {

    private ImportErrorReport() {
    }

    /** Streams the job's errors to {@code out} in file order, with a header row. */
    public static void writeCsv(ImportJobStore jobs, long jobId, Appendable out) throws IOException {
        out.append("file,line,field,reason\r\n");
        try {
            jobs.errors(jobId, e -> {
                try {
                    out.append(SegmentCsv.cell(e.file())).append(',').append(Long.toString(e.line())).append(',')
                            .append(SegmentCsv.cell(e.field())).append(',').append(SegmentCsv.cell(e.reason())).append("\r\n");
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
