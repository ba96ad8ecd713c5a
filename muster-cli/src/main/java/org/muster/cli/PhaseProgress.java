package org.muster.cli;

import org.muster.identity.CampaignDedupe;

/** One {@link Progress} line per phase of a matching run (reading, matching, merging, ...), each finished in turn. */
final class PhaseProgress implements CampaignDedupe.Progress {

    private Progress bar;
    private String phase = "";

    @Override
    public void report(String name, long done, long total) {
        if (!name.equals(phase)) {
            finish();
            phase = name;
            bar = new Progress(name, total);
        }
        bar.set(done);
    }

    /** Ends the current phase's line. */
    void finish() {
        if (bar != null) bar.finish();
        bar = null;
    }
}
