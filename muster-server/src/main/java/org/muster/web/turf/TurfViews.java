package org.muster.web.turf;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.muster.account.User;
import org.muster.canvass.CanvassList;
import org.muster.canvass.StoredScript;
import org.muster.turf.TurfStore;
import org.muster.web.view.Html;
import org.muster.web.view.Layout;
import org.muster.web.view.PageContext;

/** The cut form with the list of cuts, and one cut's turfs with their quality, map and walk lists. */
final class TurfViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TurfViews() {
    }

    static Html listPage(PageContext page, List<TurfStore.Cut> cuts) {
        Html rows = cuts.isEmpty() ? Html.raw("<p class=\"hint\">No turfs cut yet.</p>") : Html.of("""
                <table id="cuts"><thead><tr><th>Cut</th><th>Segment</th><th class="num">Doors per turf</th><th>Precincts</th>
                <th class="num">Turfs</th><th class="num">Doors</th><th>Made</th></tr></thead><tbody>%s</tbody></table>""",
                cuts.stream().map(c -> Html.of("<tr><td><a href=\"/turfs/%s\">%s</a></td><td><code>%s</code></td>"
                                + "<td class=\"num\">%s</td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td>%s</td></tr>",
                        c.id(), c.name(), c.filter(), c.targetDoors(), c.withinPrecincts() ? "kept" : "crossed", c.turfs(),
                        c.doors(), WHEN.format(c.createdAt()))).collect(Html.joining()));
        return Layout.page(page, "Turfs", Html.of("""
                <h1>Turfs</h1>
                <form method="post" action="/turfs" class="card turf-form">
                %s
                <label for="turf-name">Name</label> <input id="turf-name" name="name" maxlength="100" required>
                <label for="turf-filter">Segment</label>
                <input id="turf-filter" name="filter" size="60" required autocomplete="off" spellcheck="false"
                       placeholder="party in (DEM, UNA) and not voted(2022-general)">
                <label for="turf-target">Doors per turf</label>
                <input id="turf-target" name="target" value="60" size="5" inputmode="numeric" required>
                <label><input type="checkbox" name="within" checked> Keep within precincts</label>
                <button type="submit">Cut turfs</button>
                </form>
                %s""", Layout.csrfField(page), rows));
    }

    static Html cutPage(PageContext page, TurfStore.Cut cut, List<TurfStore.Turf> turfs, Map<Long, CanvassList> listByTurf,
            List<StoredScript> scripts, List<User> canvassers, String notice) {
        String leaflet = "/webjars/leaflet/" + Layout.webjarVersion("leaflet") + "/dist/";
        Html rows = turfs.stream().map(t -> {
            CanvassList list = listByTurf.get(t.id());
            Html listCell = list == null ? Html.raw("<span class=\"hint\">none yet</span>") : Html.of(
                    "<a href=\"/canvass/lists/%s\">%s of %s done</a> · <a href=\"/canvass/lists/%s/sheet.pdf\">PDF</a>",
                    list.id(), list.done(), list.doors(), list.id());
            return Html.of("<tr data-turf=\"%s\"><td>%s</td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
                            + "<td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"walk-list\">%s</td></tr>", t.id(), t.name(),
                    t.precinct() == null ? "several" : t.precinct(), t.doors(), t.people(),
                    String.format(Locale.ROOT, "%.2f", t.routeMetres() / 1000), String.format(Locale.ROOT, "%.2f", t.compactness()), listCell);
        }).collect(Html.joining());
        return Layout.page(page, cut.name(), Html.of("""
                <link rel="stylesheet" href="%sleaflet.css">
                <p><a href="/turfs">All turfs</a></p>
                <h1>%s</h1>
                <p>Segment <code>%s</code>, %s doors per turf, precincts %s: <strong id="turf-count">%s</strong> turfs,
                %s doors.</p>
                <div class="map-frame"><div id="map" data-routes="/turfs/%s/routes.json"></div></div>
                <p class="hint">Route: the walk from the first door to the last, in straight lines. Compactness: 1 for a round
                turf, lower for a long thin one (Polsby-Popper of the doors' outline).</p>
                %s
                <table id="turfs"><thead><tr><th>Turf</th><th>Precinct</th><th class="num">Doors</th><th class="num">People</th>
                <th class="num">Route (km)</th><th class="num">Compactness</th><th>Walk list</th></tr></thead><tbody>%s</tbody></table>
                %s
                <script src="%sleaflet.js"></script>
                <script src="/static/turfs.js"></script>""", leaflet, cut.name(), cut.filter(), cut.targetDoors(),
                cut.withinPrecincts() ? "kept" : "crossed", cut.turfs(), cut.doors(), cut.id(),
                notice == null ? Html.raw("") : Html.of("<p id=\"notice\" class=\"notice\">%s</p>", notice), rows,
                listForm(page, cut, turfs.size() - (int) turfs.stream().filter(t -> listByTurf.containsKey(t.id())).count(), scripts, canvassers), leaflet));
    }

    /** Make walk lists of the turfs that have none: a script, canvassers to hand them to in turn, a due date. */
    private static Html listForm(PageContext page, TurfStore.Cut cut, int turfsWithoutList, List<StoredScript> scripts, List<User> canvassers) {
        if (turfsWithoutList == 0) return Html.raw("<p class=\"hint\" id=\"all-listed\">Every turf has a walk list.</p>");
        if (scripts.isEmpty()) {
            return Html.raw("<p class=\"hint\">Write a <a href=\"/canvass/scripts\">canvassing script</a> to make walk lists of these turfs.</p>");
        }
        Html scriptOptions = scripts.stream().map(s -> Html.of("<option value=\"%s\">%s</option>", s.id(), s.name())).collect(Html.joining());
        Html people = canvassers.stream().map(u -> Html.of("<label><input type=\"checkbox\" name=\"user\" value=\"%s\"> %s (%s)</label>",
                u.id(), u.displayName(), Layout.roleName(u.role()).toLowerCase(Locale.ROOT))).collect(Html.joining());
        return Html.of("""
                <form method="post" action="/turfs/%s/lists" class="card stack" id="make-lists">%s
                <h2>Walk lists</h2>
                <p class="hint">One walk list per turf (%s without one), doors in the turf's route order. Chosen canvassers get the
                lists in turn: the first turf to the first, the second to the second, and so on.</p>
                <label for="list-script">Script</label> <select id="list-script" name="script">%s</select>
                <fieldset class="canvassers"><legend>Assign to (optional)</legend>%s</fieldset>
                <label for="list-due">Due</label> <input id="list-due" type="date" name="due">
                <button type="submit" id="make-lists-button">Make walk lists</button>
                </form>""", cut.id(), Layout.csrfField(page), turfsWithoutList, scriptOptions, people);
    }
}
