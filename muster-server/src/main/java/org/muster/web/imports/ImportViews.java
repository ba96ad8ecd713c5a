package org.muster.web.imports;

import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.muster.voterfile.ImportJob;
import org.muster.web.view.Html;
import org.muster.web.view.Layout;
import org.muster.web.view.PageContext;

/** The imports list with its start form, one import's page, and its progress panel (polled by htmx while running). */
final class ImportViews {

    private ImportViews() {
    }

    static Html listPage(PageContext page, List<ImportJob> jobs, Path importDir, String problem) {
        Html rows = jobs.stream().map(j -> Html.of("""
                <tr><td><a href="/imports/%s">%s</a></td><td>%s</td><td>%s</td><td class="num">%s</td>\
                <td class="num">%s</td><td class="num">%s</td><td class="num">%s</td></tr>""", j.id(), j.id(),
                j.file().name(), j.status(), number(j.counts().created()), number(j.counts().updated()),
                number(j.counts().unchanged()), number(j.counts().rejected()))).collect(Html.joining());
        return Layout.page(page, "Imports", Html.of("""
                <h1>Voter file imports</h1>
                %s
                <form method="post" action="/imports" class="card">%s
                <h2>Import from a file on the server</h2>
                <p class="hint">North Carolina ncvoter file (Latin-1, tab-delimited), with its ncvhis history if you have it.
                A newer file of the same state updates people in place. Files are read from the import folder
                <code>%s</code>: give their names there.</p>
                <label>Voter file <input type="text" name="voterFile" required placeholder="ncvoter_Statewide.txt"></label>
                <label>History file <input type="text" name="historyFile" placeholder="ncvhis_Statewide.txt"></label>
                <label><input type="checkbox" name="resume" value="1"> Resume the unfinished import of these files</label>
                <button type="submit">Start import</button>
                </form>
                <table class="imports"><thead><tr><th>#</th><th>File</th><th>Status</th><th>New</th><th>Updated</th>\
                <th>Unchanged</th><th>Rejected</th></tr></thead><tbody>%s</tbody></table>""",
                problem == null ? Html.EMPTY : Html.of("<p class=\"error\" role=\"alert\">%s</p>", problem),
                Layout.csrfField(page), importDir, rows));
    }

    static Html jobPage(PageContext page, ImportJob job) {
        return Layout.page(page, "Import " + job.id(), Html.of("""
                <nav class="crumbs"><a href="/imports">Imports</a> ›</nav>
                <h1>Import %s: %s</h1>
                <p class="facts">Detected format: %s%s</p>
                %s""", job.id(), job.file().name(), job.format(),
                job.historyFile() == null ? Html.EMPTY : Html.of(" · history %s", job.historyFile().name()),
                progress(job)));
    }

    /** While the job runs, the panel replaces itself every second with a fresh copy. */
    static Html progress(ImportJob job) {
        ImportJob.Counts c = job.counts();
        boolean running = job.status() == ImportJob.Status.RUNNING;
        long size = job.phase() == ImportJob.Phase.HISTORY && job.historyFile() != null ? job.historyFile().size()
                : job.file().size();
        double fraction = job.phase() == ImportJob.Phase.DONE || size == 0 ? 1 : (double) job.checkpointOffset() / size;
        double seconds = Math.max(1e-3, Duration.between(job.createdAt(), running ? Instant.now()
                : job.updatedAt()).toMillis() / 1e3);
        long rows = c.voterRows() + c.votesNew() + c.votesExisting() + c.votesUnmatched() + c.rejected();
        String eta = running && fraction > 0
                ? String.format(Locale.ROOT, ", about %.0f s left in this phase", seconds * (1 - fraction) / fraction)
                : "";
        return Html.of("""
                <section class="card" id="progress"%s>
                <h2>%s</h2>%s
                <progress max="100" value="%s"></progress>
                <p>%s%% of the %s · %s rows/s%s</p>
                <dl class="summary"><dt>New</dt><dd>%s</dd><dt>Updated</dt><dd>%s</dd><dt>Unchanged</dt><dd>%s</dd>\
                <dt>Rejected</dt><dd>%s</dd><dt>Votes added</dt><dd>%s</dd><dt>Votes already known</dt><dd>%s</dd>\
                <dt>Votes of unknown registrations</dt><dd>%s</dd></dl>
                %s
                </section>""",
                running ? Html.of(" hx-get=\"/imports/%s/progress\" hx-trigger=\"every 1s\" hx-swap=\"outerHTML\"",
                        job.id()) : Html.EMPTY,
                running ? "Importing " + (job.phase() == ImportJob.Phase.HISTORY ? "vote history" : "voters")
                        : job.status() == ImportJob.Status.DONE ? "Done" : "Stopped",
                job.status() == ImportJob.Status.FAILED ? Html.of("<p class=\"error\">%s. Start it again with "
                        + "“Resume” ticked.</p>", job.message()) : Html.EMPTY,
                Math.round(fraction * 100), Math.round(fraction * 100),
                job.phase() == ImportJob.Phase.HISTORY ? "history file" : "voter file",
                number(Math.round(rows / seconds)), eta, number(c.created()), number(c.updated()),
                number(c.unchanged()), number(c.rejected()), number(c.votesNew()), number(c.votesExisting()),
                number(c.votesUnmatched()),
                c.rejected() == 0 ? Html.EMPTY : Html.of(
                        "<p><a href=\"/imports/%s/errors.csv\" download>Download the %s rejected rows (CSV)</a></p>",
                        job.id(), number(c.rejected())));
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
