package org.muster.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on standard error: rows done, rate and time left, redrawn in place on a terminal and printed
 * every few seconds otherwise (so CI logs and pipes stay readable).
 */
final class Progress {

    private static final long TERMINAL_REDRAW_NANOS = 200_000_000L;
    private static final long LOG_LINE_NANOS = 5_000_000_000L;

    private final String label;
    private final long total;
    private final PrintStream out = System.err;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private long lastPrinted = started;
    private long done;
    /** Share of the work done when the total is not a row count (bytes of a file read), or -1. */
    private double fraction = -1;
    /** What the rows came to so far ("3 matched, 40 new"), or null. */
    private String detail;

    /** @param total the number of rows expected, or 0 when unknown */
    Progress(String label, long total) {
        this.label = label;
        this.total = total;
    }

    synchronized void set(long rowsDone) {
        done = rowsDone;
        long now = System.nanoTime();
        if (now - lastPrinted >= (terminal ? TERMINAL_REDRAW_NANOS : LOG_LINE_NANOS)) {
            lastPrinted = now;
            print(false);
        }
    }

    /** Rows done so far, with the share of the whole done (0..1) when rows are not known in advance. */
    synchronized void set(long rowsDone, double fractionDone) {
        fraction = fractionDone;
        set(rowsDone);
    }

    synchronized void add(long rows) {
        set(done + rows);
    }

    /** As {@link #set(long, double)}, with what the rows came to so far, shown after the rate. */
    synchronized void set(long rowsDone, double fractionDone, String outcome) {
        detail = outcome;
        set(rowsDone, fractionDone);
    }

    synchronized void finish() {
        print(true);
    }

    private void print(boolean last) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder(label).append(": ").append(String.format(Locale.ROOT, "%,d", done));
        if (total > 0) {
            line.append(String.format(Locale.ROOT, " / %,d (%d%%)", total, Math.min(100, done * 100 / total)));
        }
        line.append(String.format(Locale.ROOT, ", %,.0f rows/s", rate));
        if (detail != null) line.append(" (").append(detail).append(')');
        if (last) {
            line.append(String.format(Locale.ROOT, ", %.1f s", seconds));
        } else if (total > 0 && rate > 0) {
            line.append(String.format(Locale.ROOT, ", about %.0f s left", Math.max(0, total - done) / rate));
        } else if (fraction > 0) {
            line.append(String.format(Locale.ROOT, " (%d%%), about %.0f s left", Math.round(fraction * 100),
                    seconds * (1 - fraction) / fraction));
        }
        if (terminal) {
            out.print("\r" + line + "\033[K" + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
