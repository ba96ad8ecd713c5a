package org.muster.web.canvass;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.muster.account.User;
import org.muster.canvass.Assignment;
import org.muster.canvass.CanvassList;
import org.muster.canvass.Door;
import org.muster.canvass.FieldProgress;
import org.muster.canvass.ListKind;
import org.muster.canvass.PendingContact;
import org.muster.canvass.ReceivedResult;
import org.muster.canvass.ResultCode;
import org.muster.canvass.Script;
import org.muster.canvass.StoredScript;
import org.muster.web.view.Html;
import org.muster.web.view.Layout;
import org.muster.web.view.PageContext;

/** The organiser's canvassing pages, the printable walk sheet and the canvassing app's shell. */
final class CanvassViews {

    private CanvassViews() {
    }

    static Html overview(PageContext page, List<CanvassList> lists, List<StoredScript> scripts, List<FieldProgress> progress,
            List<PendingContact> pending) {
        Html newPeople = pending.isEmpty() ? Html.raw("<p class=\"hint\">None waiting.</p>") : Html.of("""
                <p class="hint">Held until identity resolution links them to a person (known or new).</p>
                <table class="people" id="pending-contacts"><thead><tr><th>Met</th><th>Name</th><th>Phone</th><th>Email</th><th>Address</th></tr></thead>
                <tbody>%s</tbody></table>""", pending.stream().map(p -> Html.of("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                p.createdAt().toString().substring(0, 10), String.join(" ", Stream.of(p.contact().firstName(), p.contact().lastName())
                        .filter(Objects::nonNull).toList()), p.contact().phone(), p.contact().email(), p.contact().address()))
                .collect(Html.joining()));
        Html rows = lists.stream().map(l -> Html.of("""
                <tr><td><a href="/canvass/lists/%s">%s</a></td><td>%s</td><td>%s</td><td>%s / %s</td><td><code>%s</code></td></tr>""",
                l.id(), l.name(), kindName(l), l.createdAt().toString().substring(0, 10), l.done(), l.doors(), l.source()))
                .collect(Html.joining());
        Html scriptOptions = scripts.stream().map(s -> Html.of("<option value=\"%s\">%s</option>", s.id(), s.name())).collect(Html.joining());
        Html newList = scripts.isEmpty() ? Html.raw("<p class=\"hint\">Write a script first: every list has one.</p>") : Html.of("""
                <form method="post" action="/canvass/lists" class="stack" id="new-list">
                %s
                <label for="list-name">Name</label> <input id="list-name" name="name" maxlength="100" required>
                <label for="kind">Kind</label>
                <select id="kind" name="kind"><option value="WALK">Walk list (doors in street order)</option>
                <option value="PHONE">Call list (phone bank)</option></select>
                <label for="script">Script</label> <select id="script" name="script">%s</select>
                <label for="filter">People: a segment filter</label>
                <textarea id="filter" name="filter" rows="2" cols="80" placeholder="precinct = 01-07 and not contacted(30d)" required></textarea>
                <button type="submit">Create list</button>
                </form>""", Layout.csrfField(page), scriptOptions);
        return Layout.page(page, "Canvassing", Html.of("""
                <h1>Canvassing</h1>
                <p><a href="/canvass/dashboard">Live field dashboard</a> · <a href="/canvass/scripts">Scripts</a> · <a href="/canvass/app">Canvassing app</a></p>
                <div class="card"><h2>Lists</h2>
                <table class="people" id="lists"><thead><tr><th>Name</th><th>Kind</th><th>Created</th><th>Done</th><th>From</th></tr></thead>
                <tbody>%s</tbody></table></div>
                <div class="card"><h2>New list</h2>%s</div>
                <div class="card"><h2>Progress</h2>%s</div>
                <div class="card"><h2>New people met while canvassing</h2>%s</div>""", rows, newList, progressTable(progress), newPeople));
    }

    static Html progressTable(List<FieldProgress> progress) {
        if (progress.isEmpty()) return Html.raw("<p class=\"hint\" id=\"progress\">No results yet.</p>");
        Html rows = progress.stream().map(p -> Html.of("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                p.listName(), p.userName(), p.attempts(), p.contacts(), p.ids())).collect(Html.joining());
        long attempts = progress.stream().mapToLong(FieldProgress::attempts).sum();
        long contacts = progress.stream().mapToLong(FieldProgress::contacts).sum();
        long ids = progress.stream().mapToLong(FieldProgress::ids).sum();
        return Html.of("""
                <table class="people" id="progress"><thead><tr><th>List</th><th>Canvasser</th><th>Doors / calls</th><th>Contacts</th><th>IDs</th></tr></thead>
                <tbody>%s</tbody><tfoot><tr><th colspan="2">Total</th><th id="total-attempts">%s</th><th id="total-contacts">%s</th><th id="total-ids">%s</th></tr></tfoot></table>""",
                rows, attempts, contacts, ids);
    }

    static Html dashboard(PageContext page, List<FieldProgress> progress) {
        return Layout.page(page, "Field dashboard", Html.of("""
                <p class="crumbs"><a href="/canvass">Canvassing</a></p>
                <h1>Field dashboard</h1>
                <p class="hint">Updates live as results arrive. Doors / calls: results applied; contacts: conversations;
                IDs: a support level recorded.</p>
                <div id="dashboard" data-feed="/canvass/dashboard/events">%s</div>
                <script src="/static/canvass/dashboard.js" defer></script>""", dashboardTables(progress)));
    }

    /** What the dashboard shows and pushes: totals by turf (lists not cut from a turf stand alone), by canvasser, and both. */
    static Html dashboardTables(List<FieldProgress> progress) {
        Map<Line, long[]> byTurf = new TreeMap<>(Line.ORDER);
        Map<Line, long[]> byCanvasser = new TreeMap<>(Line.ORDER);
        for (FieldProgress p : progress) {
            Line turf = p.turfId() == null ? new Line("List: " + p.listName(), "list", p.listId()) : new Line(p.turfName(), "turf", p.turfId());
            add(byTurf.computeIfAbsent(turf, k -> new long[3]), p);
            add(byCanvasser.computeIfAbsent(new Line(p.userName(), "user", p.userId()), k -> new long[3]), p);
        }
        return Html.of("""
                <div class="card"><h2>By turf</h2>%s</div>
                <div class="card"><h2>By canvasser</h2>%s</div>
                <div class="card"><h2>By list and canvasser</h2>%s</div>""",
                totals("by-turf", "Turf", byTurf), totals("by-canvasser", "Canvasser", byCanvasser), progressTable(progress));
    }

    /** A row of a totals table: what it is called, and what it is (two canvassers or turfs may share a name). */
    private record Line(String label, String kind, long id) {
        static final Comparator<Line> ORDER = Comparator.comparing(Line::label).thenComparing(Line::kind).thenComparingLong(Line::id);
    }

    private static void add(long[] sums, FieldProgress p) {
        sums[0] += p.attempts();
        sums[1] += p.contacts();
        sums[2] += p.ids();
    }

    private static Html totals(String id, String heading, Map<Line, long[]> rows) {
        if (rows.isEmpty()) return Html.of("<p class=\"hint\" id=\"%s\">No results yet.</p>", id);
        return Html.of("""
                <table class="people" id="%s"><thead><tr><th>%s</th><th>Doors / calls</th><th>Contacts</th><th>IDs</th></tr></thead>
                <tbody>%s</tbody></table>""", id, heading, rows.entrySet().stream().map(e -> Html.of(
                "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", e.getKey().label(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .collect(Html.joining()));
    }

    static Html scripts(PageContext page, List<StoredScript> scripts) {
        Html list = scripts.stream().map(s -> Html.of("<div class=\"card\"><h2>%s</h2><pre>%s</pre></div>", s.name(), s.body()))
                .collect(Html.joining());
        return Layout.page(page, "Scripts", Html.of("""
                <p class="crumbs"><a href="/canvass">Canvassing</a></p>
                <h1>Scripts</h1>
                <div class="card"><h2>New script</h2>
                <form method="post" action="/canvass/scripts" class="stack">%s
                <label for="script-name">Name</label> <input id="script-name" name="name" maxlength="100" required>
                <label for="body">Text</label>
                <textarea id="body" name="body" rows="12" cols="90" required placeholder="Hi, I'm a volunteer with ...
                Q: Will you vote for Ada?
                - Yes [support=1, tag=supporter]
                - Undecided [support=3] -> 3
                - No [support=5] -> end"></textarea>
                <p class="hint">Lines before the first question are the introduction. A question starts with <code>Q:</code>, an answer with
                <code>-</code>; an answer may set <code>[support=1..5, tag=name]</code> and jump with <code>-&gt; N</code> or <code>-&gt; end</code>.
                Result codes (%s) are always offered.</p>
                <button type="submit">Save script</button></form></div>
                %s""", Layout.csrfField(page), resultCodes(), list));
    }

    static Html list(PageContext page, CanvassList list, StoredScript script, List<Door> doors, List<Assignment> assignments,
            List<User> canvassers, List<ReceivedResult> unapplied) {
        Html conflicts = unapplied.isEmpty() ? Html.raw("<p class=\"hint\">None.</p>") : Html.of("""
                <table class="people" id="unapplied"><thead><tr><th>Recorded</th><th>Canvasser</th><th>Person</th><th>Result</th><th>Why not applied</th></tr></thead>
                <tbody>%s</tbody></table>""", unapplied.stream().map(r -> Html.of("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                r.recordedAt().toString().substring(0, 16).replace('T', ' '), r.userName(), r.personName(), r.code().label(), r.outcome().message()))
                .collect(Html.joining()));
        Html assigned = assignments.stream().filter(Assignment::active).map(a -> Html.of("""
                <li>%s%s <form method="post" action="/canvass/lists/%s/unassign" class="inline">%s
                <input type="hidden" name="user" value="%s"><button type="submit" class="secondary">Take back</button></form></li>""",
                a.userName(), a.dueOn() == null ? "" : " (due " + a.dueOn() + ")", list.id(), Layout.csrfField(page), a.userId()))
                .collect(Html.joining());
        Html options = canvassers.stream().map(u -> Html.of("<option value=\"%s\">%s (%s)</option>", u.id(), u.displayName(), u.email()))
                .collect(Html.joining());
        Html rows = doors.stream().map(d -> Html.of("<tr><td>%s</td><td><a href=\"/people/%s\">%s</a></td><td>%s</td><td>%s</td><td>%s</td></tr>",
                d.position(), d.personId(), d.name(), list.kind() == ListKind.WALK ? d.address() : d.phone(),
                d.open() ? "open" : "done", d.resultCode() == null ? "" : ResultCode.valueOf(d.resultCode()).label())).collect(Html.joining());
        return Layout.page(page, list.name(), Html.of("""
                <p class="crumbs"><a href="/canvass">Canvassing</a></p>
                <h1>%s</h1>
                <p class="facts">%s · %s of %s done · script %s%s · <a href="/canvass/lists/%s/sheet">Printable walk sheet</a>
                (<a href="/canvass/lists/%s/sheet.pdf">PDF with map</a>) ·
                <a href="/canvass/lists/%s/export.csv">Export CSV</a></p>
                <div class="card"><h2>Assigned to</h2><ul id="assignments">%s</ul>
                <form method="post" action="/canvass/lists/%s/assign" class="inline" id="assign">%s
                <select name="user" aria-label="Canvasser">%s</select>
                <label>Due <input type="date" name="due"></label> <button type="submit">Assign</button></form></div>
                <div class="card"><h2>Results kept but not applied</h2>%s</div>
                <div class="card"><h2>People</h2><table class="people" id="doors"><thead><tr><th>#</th><th>Name</th><th>%s</th><th>Status</th><th>Result</th></tr></thead>
                <tbody>%s</tbody></table></div>""",
                list.name(), kindName(list), list.done(), list.doors(), script.name(),
                list.turfId() == null ? "" : " · turf " + list.turfId(), list.id(), list.id(), list.id(), assigned, list.id(),
                Layout.csrfField(page), options, conflicts, list.kind() == ListKind.WALK ? "Address" : "Phone", rows));
    }

    /** One sheet per list for clipboards: ordered doors, boxes to tick, the script. Prints on A4/Letter. */
    static Html walkSheet(String campaignName, CanvassList list, StoredScript script, List<Door> doors) {
        Html codes = Html.raw(Arrays.stream(ResultCode.values()).map(c -> Html.escape(c.label()))
                .collect(Collectors.joining(" · ")));
        Html rows = doors.stream().map(d -> Html.of("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"box\">%s</td><td class=\"notes\"></td></tr>",
                d.position(), d.address(), d.name(), d.phone(), d.open() ? "" : "done")).collect(Html.joining());
        Html questions = script.script().questions().stream().map(q -> Html.of("<li>%s <span class=\"answers\">%s</span></li>", q.prompt(),
                q.answers().stream().map(Script.Answer::printed).collect(Collectors.joining(" / ")))).collect(Html.joining());
        return Html.of("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s · walk sheet</title>
                <link rel="stylesheet" href="/static/canvass/sheet.css"></head>
                <body><header><h1>%s</h1><p>%s · %s · %s doors · printed for the canvasser; return it to the organiser</p></header>
                <section class="script"><p>%s</p><ol>%s</ol><p class="codes">Result codes: %s</p></section>
                <table><thead><tr><th>#</th><th>Address</th><th>Name</th><th>Phone</th><th>Result</th><th>Answers / notes</th></tr></thead>
                <tbody>%s</tbody></table></body></html>""",
                list.name(), list.name(), campaignName, kindName(list), doors.size(), script.script().intro(), questions, codes, rows);
    }

    /** The canvassing app's shell: everything else comes from its script and the JSON API, and works offline. */
    static Html appShell(PageContext page) {
        return Html.of("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="csrf-token" content="%s">
                <meta name="theme-color" content="#1d2330">
                <title>Canvass · %s</title>
                <link rel="manifest" href="/canvass/manifest.webmanifest">
                <link rel="icon" href="/static/canvass/icon.svg">
                <link rel="stylesheet" href="%sleaflet.css">
                <link rel="stylesheet" href="/static/canvass/app.css">
                <script src="%sleaflet.js" defer></script>
                <script src="/static/canvass/app.js" defer></script>
                </head><body data-user="%s">
                <header class="bar"><strong>%s</strong><span id="who">%s <button type="button" id="log-out" class="secondary">Log out</button></span></header>
                <div id="status" class="status" role="status"><span id="network">…</span> · <span id="pending-count">0</span> waiting to sync
                <button type="button" id="sync-now">Sync now</button></div>
                <main id="view"><p>Loading…</p></main>
                </body></html>""", page.csrfToken(), page.campaignName(), leafletPath(), leafletPath(), page.user().id(), page.campaignName(),
                page.user().displayName());
    }

    /** Where Leaflet is served from (its webjar); the app's service worker keeps these files for offline maps. */
    static String leafletPath() {
        return "/webjars/leaflet/" + Layout.webjarVersion("leaflet") + "/dist/";
    }

    static String kindName(CanvassList list) {
        return list.kind() == ListKind.WALK ? "Walk list" : "Call list";
    }

    private static String resultCodes() {
        return String.join(", ", Arrays.stream(ResultCode.values()).map(ResultCode::label).toList());
    }
}
