package org.muster.web.segments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.muster.people.PersonSummary;
import org.muster.segment.SavedSegment;
import org.muster.segment.Splits;
import org.muster.web.view.Html;
import org.muster.web.view.Layout;
import org.muster.web.view.PageContext;

/** The builder page and its preview fragment (also served alone to htmx as the filter is typed). */
final class SegmentViews {

    /** What the preview shows: either an error (with its column, or -1) or the count, breakdown and sample. */
    record Result(String text, String error, int errorAt, long count, Map<String, Long> precincts, List<PersonSummary> sample) {
        static Result error(String text, String error, int errorAt) {
            return new Result(text, error, errorAt, 0, Map.of(), List.of());
        }

        static Result of(String text, long count, Map<String, Long> precincts, List<PersonSummary> sample) {
            return new Result(text, null, -1, count, precincts, sample);
        }
    }

    /** One group of a split: its range, its filter text and how many people it holds now. */
    record SplitRow(Splits.Group group, String filter, long count) {
    }

    private SegmentViews() {
    }

    static Html builderPage(PageContext page, String text, List<SavedSegment> saved, Result result) {
        Html savedList = saved.isEmpty() ? Html.raw("<p class=\"hint\">No saved segments yet.</p>")
                : Html.of("<ul id=\"saved\">%s</ul>", saved.stream().map(s -> Html.of("<li><a href=\"/segments?filter=%s\">%s</a> <code>%s</code></li>",
                        URLEncoder.encode(s.filter(), StandardCharsets.UTF_8), s.name(), s.filter())).collect(Html.joining()));
        return Layout.page(page, "Segments", Html.of("""
                <h1>Segments</h1>
                <form method="post" action="/segments" class="segment-builder">
                %s
                <label for="filter">Filter</label>
                <textarea id="filter" name="filter" rows="3" cols="100" autocomplete="off" spellcheck="false" autofocus
                          placeholder="precinct in (12, 14) and not voted(2022-general) and support &lt;= 2 and consent(sms)"
                          hx-get="/segments/preview" hx-trigger="input changed delay:250ms" hx-target="#preview">%s</textarea>
                <p class="hint">Clauses: tag(x), precinct/ward/county/municipality/congressional_district/state_senate_district/\
                state_house_district in (...), party in (...), age, birth_year, support, household_size (with = != &lt; &lt;= &gt; &gt;=),
                voted(2020-general | 2020-11-03 | "name" [, method]), votes(last 4) &gt;= 2, contacted(30d [, type]), consent(sms),
                field(name) = value, score(turnout) &gt;= 0.7, within(35.78, -78.64, 5km), within(polygon lat lon, lat lon, lat lon),
                donated(amount &gt;= 50, since 2025-01-01), attended(any | "event", since 90d), opened(30d), clicked(30d),
                replied(30d), split(seed, 0%, 50%), segment(name); combined with and, or, not and parentheses.</p>
                <label for="name">Save as</label> <input id="name" name="name" maxlength="100">
                <button type="submit">Save</button>
                <button type="submit" formmethod="get" formaction="/segments/export.csv">Export CSV</button>
                </form>
                <div id="preview" aria-live="polite">%s</div>
                <h2>Split for a test</h2>
                <form class="segment-splits" hx-get="/segments/splits" hx-include="#filter" hx-target="#splits">
                <label for="seed">Seed</label> <input id="seed" name="seed" value="1" size="9" inputmode="numeric">
                <label for="groups">Groups</label> <input id="groups" name="groups" value="A 45, B 45, control 10" size="30">
                <button type="submit">Split</button>
                </form>
                <p class="hint">Each group is the filter and split(seed, from%, to%): the same seed always gives the same people.</p>
                <div id="splits" aria-live="polite"></div>
                <h2>Saved segments</h2>
                %s""", Layout.csrfField(page), text, preview(result), savedList));
    }

    static Html splits(List<SplitRow> rows, String error) {
        if (error != null) return Html.of("<p class=\"segment-error\" role=\"alert\" id=\"split-error\">%s</p>", error);
        Html body = rows.stream().map(r -> Html.of("<tr><td>%s</td><td>%s% to %s%</td><td class=\"num\">%s</td><td><a href=\"/segments?filter=%s\">%s</a></td></tr>",
                r.group().name(), r.group().from(), r.group().to(), String.format("%,d", r.count()),
                URLEncoder.encode(r.filter(), StandardCharsets.UTF_8), r.filter())).collect(Html.joining());
        return Html.of("""
                <table id="split-groups"><thead><tr><th>Group</th><th>Buckets</th><th>People</th><th>Filter (open to save or export)</th></tr></thead>
                <tbody>%s</tbody></table>""", body);
    }

    static Html preview(Result r) {
        if (r == null) return Html.raw("<p class=\"hint\">Type a filter to count the people it matches.</p>");
        if (r.error() != null) {
            Html pointer = r.errorAt() < 0 ? Html.EMPTY
                    : Html.of("<pre class=\"error-at\">%s\n%s^</pre>", r.text(), " ".repeat(r.errorAt()));
            return Html.of("<div class=\"segment-error\" role=\"alert\"><p id=\"segment-error\">%s%s</p>%s</div>",
                    r.errorAt() < 0 ? "" : "At column " + (r.errorAt() + 1) + ": ", r.error(), pointer);
        }
        Html precincts = r.precincts().entrySet().stream().limit(SegmentRoutes.PRECINCTS_SHOWN)
                .map(e -> Html.of("<tr><td>%s</td><td class=\"num\">%s</td></tr>", e.getKey(), e.getValue()))
                .collect(Html.joining());
        Html sample = r.sample().stream()
                .map(p -> Html.of("<tr><td><a href=\"/people/%s\">%s</a></td><td>%s</td><td>%s</td></tr>", p.id(), p.displayName(),
                        p.birthYear(), p.address()))
                .collect(Html.joining());
        return Html.of("""
                <p class="segment-count"><strong id="segment-count">%s</strong> people match.</p>
                <div class="grid">
                <section><h2>By precinct</h2><table id="precincts"><thead><tr><th>Precinct</th><th>People</th></tr></thead>
                <tbody>%s</tbody></table></section>
                <section><h2>Sample</h2><table class="people" id="sample"><thead><tr><th>Name</th><th>Born</th><th>Address</th></tr></thead>
                <tbody>%s</tbody></table></section>
                </div>""", String.format("%,d", r.count()), precincts, sample);
    }
}
