package org.muster.web.imports;

import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Arrays;
import org.muster.voterfile.ColumnMapping;
import org.muster.voterfile.ColumnMappingStore;
import org.muster.voterfile.FormatDetector;
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
                <tr><td><a href="/imports/%s">%s</a></td><td>%s%s</td><td>%s</td><td class="num">%s</td>\
                <td class="num">%s</td><td class="num">%s</td><td class="num">%s</td><td class="num">%s</td>\
                <td class="num">%s</td></tr>""", j.id(), j.id(), j.file().name(),
                j.isContactList() ? Html.raw(" (contact list)") : Html.EMPTY, j.status(),
                number(j.counts().created()), number(j.counts().matched()), number(j.counts().review()),
                number(j.counts().updated()), number(j.counts().unchanged()), number(j.counts().rejected())))
                .collect(Html.joining());
        return Layout.page(page, "Imports", Html.of("""
                <h1>Imports</h1>
                %s
                <form method="post" action="/imports/upload" enctype="multipart/form-data" class="card">%s
                <h2>Upload a voter file</h2>
                <p class="hint">North Carolina ncvoter, Ohio SWVF, Florida extract, or any CSV/TSV with a header
                (you map its columns next): a voter file, or a contact list such as a sign-up sheet or a petition
                export, whose rows are matched against the campaign's people. Up to %s GB; it is saved to the import folder, and you see the detected
                format before anything is loaded.</p>
                <label>Voter file <input type="file" name="file" required></label>
                <label>History file (NC ncvhis, Florida history; optional) <input type="file" name="historyFile"></label>
                <button type="submit">Upload</button>
                </form>
                <form method="get" action="/imports/check" class="card">
                <h2>Import from a file on the server</h2>
                <p class="hint">Files are read from the import folder <code>%s</code>: give their names there. The
                history file is NC's ncvhis or Florida's history file, if you have it. A newer file of the same state
                updates people in place.</p>
                <label>Voter file <input type="text" name="voterFile" required placeholder="ncvoter_Statewide.txt"></label>
                <label>History file <input type="text" name="historyFile" placeholder="ncvhis_Statewide.txt"></label>
                <button type="submit">Check the file</button>
                </form>
                <table class="imports"><thead><tr><th>#</th><th>File</th><th>Status</th><th>New</th><th>Matched</th>\
                <th>For review</th><th>Updated</th><th>Unchanged</th><th>Rejected</th></tr></thead><tbody>%s</tbody></table>""",
                problem == null ? Html.EMPTY : Html.of("<p class=\"error\" role=\"alert\">%s</p>", problem),
                Layout.csrfField(page), ImportRoutes.MAX_UPLOAD_BYTES >> 30, importDir, rows));
    }

    /**
     * The detected format and the start form; for a generic delimited file also the mapping editor: one row per
     * column with a sample value and the field it loads into.
     */
    static Html checkPage(PageContext page, String voterFile, String historyFile, FormatDetector.Detection detection,
                          List<List<String>> preview, List<ColumnMappingStore.Saved> saved, String chosen) {
        boolean generic = detection.format() == FormatDetector.Format.DELIMITED;
        Html mappingChoice = Html.EMPTY;
        Html editor = Html.EMPTY;
        if (generic) {
            mappingChoice = Html.of("<label>Column mapping <select name=\"mapping\" required>%s</select></label>",
                    saved.stream().map(m -> Html.of("<option value=\"%s\"%s>%s%s</option>", m.name(),
                            m.name().equals(chosen) ? Html.raw(" selected") : Html.EMPTY, m.name(),
                            m.mapping().isContactList() ? Html.of(" (%s)", CONTACT_LIST) : Html.EMPTY))
                            .collect(Html.joining()));
            editor = mappingEditor(page, voterFile, detection, preview);
        }
        return Layout.page(page, "Check import", Html.of("""
                <nav class="crumbs"><a href="/imports">Imports</a> ›</nav>
                <h1>%s</h1>
                <p class="facts" id="detected">Detected format: <strong>%s</strong> (%s)%s</p>
                <form method="post" action="/imports" class="card">%s
                <input type="hidden" name="voterFile" value="%s">
                <input type="hidden" name="historyFile" value="%s">
                %s
                <label><input type="checkbox" name="resume" value="1"> Resume the unfinished import of these files</label>
                <button type="submit"%s>Start import</button>
                </form>
                %s""", voterFile, detection.format().label(), detection.explanation(),
                historyFile.isEmpty() ? Html.EMPTY : Html.of(" · history file %s", historyFile), Layout.csrfField(page),
                voterFile, historyFile, mappingChoice,
                generic && saved.isEmpty() ? Html.raw(" disabled") : Html.EMPTY, editor));
    }

    private static Html mappingEditor(PageContext page, String voterFile, FormatDetector.Detection detection,
                                      List<List<String>> preview) {
        List<String> header = preview.isEmpty() ? List.of() : preview.getFirst();
        List<String> sample = preview.size() > 1 ? preview.get(1) : List.of();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            Html options = Arrays.stream(ColumnMapping.Target.values()).map(t -> Html.of("<option value=\"%s\"%s>%s</option>",
                    t.name(), guess(column) == t ? Html.raw(" selected") : Html.EMPTY, t.label())).collect(Html.joining());
            rows.append(Html.of("""
                    <tr><td>%s<input type="hidden" name="column" value="%s"></td><td><code>%s</code></td>                    <td><select name="target.%s" aria-label="Field for %s"><option value="">(not loaded)</option>%s\
                    <option value="%s">a custom field, named:</option></select>                    <input type="text" name="custom.%s" maxlength="%s" placeholder="custom field name"                    aria-label="Custom field for %s"></td></tr>""",
                    column, column, i < sample.size() ? sample.get(i) : "", i, column, options, CUSTOM_TARGET, i,
                    ColumnMapping.CUSTOM_NAME_MAX, column));
        }
        String delimiter = detection.delimiter() == '\t' ? "tab" : String.valueOf(detection.delimiter());
        return Html.of("""
                <form method="post" action="/imports/mappings" class="card" id="mapping-editor">%s
                <h2>Map the columns</h2>
                <p class="hint">Choose the field each column loads into; columns mapped to the same field are joined
                with a space in file order (house number, then street). A column beyond these fields can load into a
                custom field of the campaign: choose “a custom field” and name it (a new name creates a text field).
                With a registration id the file is a voter file: a re-import updates people by it. Without one it
                is a contact list (a sign-up sheet, a petition export, an event list): each row is matched against
                the campaign's people; a match updates that person, an uncertain one goes to the duplicates review,
                and a row whose email, phone or date is not one is rejected.</p>
                <input type="hidden" name="voterFile" value="%s">
                <input type="hidden" name="delimiter" value="%s">
                <label>Mapping name <input type="text" name="name" required maxlength="100"></label>
                <label>State (of the registrations; a contact list's addresses) <input type="text" name="state" required pattern="[A-Za-z]{2}" size="2"></label>
                <label>Encoding <select name="encoding"><option>UTF-8</option><option>ISO-8859-1</option>                <option>windows-1252</option></select></label>
                <table class="mapping"><thead><tr><th>Column</th><th>Sample</th><th>Loads into</th></tr></thead>
                <tbody>%s</tbody></table>
                <button type="submit">Save the mapping</button>
                </form>""", Layout.csrfField(page), voterFile, delimiter, Html.raw(rows.toString()));
    }

    /** What a mapping without a registration id does, wherever the page offers or shows one. */
    static final String CONTACT_LIST = "contact list: each row matched against the campaign's people";

    /** The editor's choice for a column loaded into a custom field (named in the text box beside it). */
    static final String CUSTOM_TARGET = "CUSTOM";

    /** A first guess from the column name, so the common cases need no clicks. */
    static ColumnMapping.Target guess(String column) {
        String c = column.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        for (ColumnMapping.Target t : ColumnMapping.Target.values()) {
            if (c.equals(t.name().replace("_", ""))) return t;
        }
        return switch (c) {
            case "FIRST", "FIRSTNAME", "FNAME" -> ColumnMapping.Target.FIRST_NAME;
            case "LAST", "LASTNAME", "LNAME", "SURNAME" -> ColumnMapping.Target.LAST_NAME;
            case "EMAIL", "EMAILADDRESS" -> ColumnMapping.Target.EMAIL;
            case "PHONE", "PHONENUMBER" -> ColumnMapping.Target.PHONE;
            case "ZIP", "ZIPCODE", "POSTCODE" -> ColumnMapping.Target.ZIP;
            case "CITY" -> ColumnMapping.Target.CITY;
            default -> null;
        };
    }

    static Html jobPage(PageContext page, ImportJob job) {
        return Layout.page(page, "Import " + job.id(), Html.of("""
                <nav class="crumbs"><a href="/imports">Imports</a> ›</nav>
                <h1>Import %s: %s</h1>
                <p class="facts">Detected format: %s%s%s</p>
                %s""", job.id(), job.file().name(), job.format(),
                job.isContactList() ? Html.of(" · %s", CONTACT_LIST) : Html.EMPTY,
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
        long rows = c.voterRows() + c.matched() + c.review() + c.votesNew() + c.votesExisting() + c.votesUnmatched()
                + c.rejected();
        String eta = running && fraction > 0
                ? String.format(Locale.ROOT, ", about %.0f s left in this phase", seconds * (1 - fraction) / fraction)
                : "";
        return Html.of("""
                <section class="card" id="progress"%s>
                <h2>%s</h2>%s
                <progress max="100" value="%s"></progress>
                <p>%s%% of the %s · %s rows/s%s</p>
                %s
                %s
                </section>""",
                running ? Html.of(" hx-get=\"/imports/%s/progress\" hx-trigger=\"every 1s\" hx-swap=\"outerHTML\"",
                        job.id()) : Html.EMPTY,
                running ? switch (job.phase()) {
                    case HISTORY -> "Importing vote history";
                    case INDEXES -> "Building the indexes deferred by this first load";
                    default -> job.isContactList() ? "Matching the contact list" : "Importing voters";
                }
                        : job.status() == ImportJob.Status.DONE ? "Done" : "Stopped",
                job.status() == ImportJob.Status.FAILED ? Html.of("<p class=\"error\">%s. Start it again with "
                        + "“Resume” ticked.</p>", job.message()) : Html.EMPTY,
                Math.round(fraction * 100), Math.round(fraction * 100),
                job.phase() == ImportJob.Phase.HISTORY ? "history file" : job.isContactList() ? "contact list"
                        : "voter file",
                number(Math.round(rows / seconds)), eta, summary(job),
                c.rejected() == 0 ? Html.EMPTY : Html.of(
                        "<p><a href=\"/imports/%s/errors.csv\" download>Download the %s rejected rows (CSV)</a></p>",
                        job.id(), number(c.rejected())));
    }

    /** A contact list's rows matched, queued, new and rejected; a voter file's people and votes. */
    private static Html summary(ImportJob job) {
        ImportJob.Counts c = job.counts();
        if (job.isContactList()) {
            return Html.of("""
                    <dl class="summary"><dt>Matched</dt><dd>%s</dd><dt>New, for review</dt><dd>%s</dd>\
                    <dt>New</dt><dd>%s</dd><dt>Rejected</dt><dd>%s</dd></dl>""", number(c.matched()),
                    number(c.review()), number(c.created()), number(c.rejected()));
        }
        return Html.of("""
                <dl class="summary"><dt>New</dt><dd>%s</dd><dt>Updated</dt><dd>%s</dd><dt>Unchanged</dt><dd>%s</dd>\
                <dt>Rejected</dt><dd>%s</dd><dt>Votes added</dt><dd>%s</dd><dt>Votes already known</dt><dd>%s</dd>\
                <dt>Votes of unknown registrations</dt><dd>%s</dd></dl>""", number(c.created()), number(c.updated()),
                number(c.unchanged()), number(c.rejected()), number(c.votesNew()), number(c.votesExisting()),
                number(c.votesUnmatched()));
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
