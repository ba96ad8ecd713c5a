package org.muster.voterfile;

import java.io.IOException;
import java.io.UncheckedIOException;

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
                    out.append(quote(e.file())).append(',').append(Long.toString(e.line())).append(',')
                            .append(quote(e.field())).append(',').append(quote(e.reason())).append("\r\n");
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** RFC 4180: quote when a comma, quote or line break is inside; a leading =+-@ is defused for spreadsheets. */
    static String quote(String value) {
        if (value == null) return "";
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
