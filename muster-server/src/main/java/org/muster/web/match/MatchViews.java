package org.muster.web.match;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.muster.identity.LinkResult;
import org.muster.identity.MergeRecord;
import org.muster.identity.ReviewItem;
import org.muster.match.Explanation;
import org.muster.people.Person;
import org.muster.people.PersonProfile;
import org.muster.people.PostalAddress;
import org.muster.web.view.Html;
import org.muster.web.view.Layout;
import org.muster.web.view.PageContext;

/** The review queue, the pair page, the merges list and the Add person form. */
final class MatchViews {

    /** The Add person form's fields, in order. */
    static final List<String> ADD_FIELDS = List.of("first", "last", "birth", "email", "phone", "street", "city", "state", "zip");
    private static final Map<String, String> LABELS = Map.of("first", "First name", "last", "Last name", "birth",
            "Birth date", "email", "Email", "phone", "Phone", "street", "Street address", "city", "City", "state",
            "State", "zip", "ZIP");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What the linker did with a person added through the form, and that person's name. */
    record Linked(LinkResult result, String name) {
    }

    private MatchViews() {
    }

    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    private static Html tabs() {
        return Html.raw("<nav class=\"crumbs\"><a href=\"/duplicates\">Review queue</a> · "
                + "<a href=\"/duplicates/merges\">Merges</a> · <a href=\"/people/add\">Add person</a></nav>");
    }

    static Html queuePage(PageContext page, List<ReviewItem> items, int open, String notice, LongFunction<String> name) {
        Html rows = items.stream().map(i -> Html.of("""
                <tr><td><a href="/duplicates/%s">%s</a></td><td>%s</td><td>%s</td><td class="nowrap">%s</td><td>%s</td></tr>
                """, i.id(), percent(i.probability()), name.apply(i.leftPersonId()), name.apply(i.rightPersonId()),
                WHEN.format(Instant.ofEpochMilli(i.createdAt())), i.source())).collect(Html.joining());
        Html table = items.isEmpty() ? Html.raw("<p class=\"hint\" id=\"queue-empty\">Nothing to review.</p>")
                : Html.of("""
                        <table class="people" id="queue">
                        <thead><tr><th>Match</th><th>Person</th><th>Possible duplicate</th><th>Queued</th><th>From</th></tr></thead>
                        <tbody>
                        %s</tbody>
                        </table>""", rows);
        return Layout.page(page, "Duplicates", Html.of("""
                %s
                <h1>Possible duplicates</h1>
                %s
                <p class="hint">%s open, most probable first. Each pair was found uncertain by the matcher: open it to
                see both records and the evidence, then merge them or record that they are different people.</p>
                %s""", tabs(), notice(notice), open, table));
    }

    private static Html notice(String notice) {
        return notice == null ? Html.EMPTY : Html.of("<p class=\"notice\" role=\"status\" id=\"notice\">%s</p>", notice);
    }

    static Html pairPage(PageContext page, ReviewItem item, PersonProfile left, PersonProfile right) {
        Html decision;
        if (left == null || right == null) {
            decision = Html.raw("<p class=\"hint\">One of the two people no longer exists (merged with someone else). "
                    + "Undo that merge to decide this pair.</p>");
        } else if (item.status() != ReviewItem.Status.OPEN) {
            decision = Html.of("<p class=\"notice\" id=\"decided\">Decided: %s.</p>",
                    item.status() == ReviewItem.Status.MERGED ? "merged" : "not the same person");
        } else {
            decision = Html.of("""
                    <form method="post" action="/duplicates/%s/merge" class="decision">
                    %s
                    <fieldset><legend>Keep</legend>
                    <label><input type="radio" name="keep" value="%s" checked> %s (#%s, older record)</label>
                    <label><input type="radio" name="keep" value="%s"> %s (#%s)</label>
                    </fieldset>
                    <button type="submit" id="merge">Merge</button>
                    </form>
                    <form method="post" action="/duplicates/%s/reject" class="decision">
                    %s
                    <button type="submit" id="reject">Not the same person</button>
                    </form>""", item.id(), Layout.csrfField(page), left.person().id(), left.person().displayName(),
                    left.person().id(), right.person().id(), right.person().displayName(), right.person().id(), item.id(),
                    Layout.csrfField(page));
        }
        return Layout.page(page, "Possible duplicate", Html.of("""
                %s
                <h1>Same person? <span id="probability">%s</span></h1>
                <div class="grid">
                <section class="card" id="left">%s</section>
                <section class="card" id="right">%s</section>
                </div>
                <section class="card"><h2>Evidence</h2>%s</section>
                %s""", tabs(), percent(item.probability()), record(left), record(right), evidence(item.explanation()),
                decision));
    }

    private static Html record(PersonProfile p) {
        if (p == null) return Html.raw("<p class=\"hint\">Merged away.</p>");
        Person person = p.person();
        return Html.of("""
                <h2><a href="/people/%s">%s</a> <span class="hint">#%s</span></h2>
                <dl class="pair">
                <dt>Born</dt><dd>%s</dd>
                <dt>Gender</dt><dd>%s</dd>
                <dt>Addresses</dt><dd>%s</dd>
                <dt>Emails</dt><dd>%s</dd>
                <dt>Phones</dt><dd>%s</dd>
                <dt>Registrations</dt><dd>%s</dd>
                <dt>Votes</dt><dd>%s</dd>
                <dt>Tags</dt><dd>%s</dd>
                <dt>Origin</dt><dd>%s</dd>
                </dl>""", person.id(), person.displayName(), person.id(),
                person.birthDate() != null ? person.birthDate() : person.birthYear(), person.gender(),
                list(p.addresses().stream().map(PostalAddress::oneLine)), list(p.emails().stream()),
                list(p.phones().stream()), list(p.registrations().stream().map(r -> r.state() + " " + r.registrationId()
                        + (r.status() == null ? "" : " (" + r.status() + ")"))),
                p.votes().size(), list(p.tags().stream()), person.origin());
    }

    private static Html list(Stream<String> values) {
        return values.map(v -> Html.of("<div>%s</div>", v)).collect(Html.joining());
    }

    private static Html evidence(Explanation e) {
        Html rows = e.fields().stream().map(f -> Html.of("""
                <tr class="%s"><td>%s</td><td>%s</td><td class="num">%s</td><td class="num">%s</td><td class="num">%s</td></tr>
                """, f.total() > 0 ? "agree" : f.total() < 0 ? "disagree" : "", f.field(), f.level(), bits(f.weight()),
                bits(f.termFrequencyAdjustment()), bits(f.total()))).collect(Html.joining());
        return Html.of("""
                <table class="people" id="evidence">
                <thead><tr><th>Field</th><th>Level</th><th>Weight (bits)</th><th>Name frequency</th><th>Total</th></tr></thead>
                <tbody>
                <tr><td>prior</td><td>two people picked at random</td><td class="num">%s</td><td></td><td class="num">%s</td></tr>
                %s</tbody>
                <tfoot><tr><th colspan="4">Match score, probability</th><th class="num">%s → %s</th></tr></tfoot>
                </table>
                <p class="hint">A weight is log2(m/u): how many times more often this level occurs between records of one
                person than between records of different people, in bits. Positive weights argue for a match.</p>""",
                bits(e.priorLog2Odds()), bits(e.priorLog2Odds()), rows, bits(e.log2Odds()), percent(e.probability()));
    }

    static Html mergesPage(PageContext page, List<MergeRecord> merges, String notice, LongFunction<String> name) {
        Html rows = merges.stream().map(m -> Html.of("""
                <tr><td>#%s</td><td class="nowrap">%s</td><td>%s</td><td>%s (#%s)</td><td>%s</td><td>%s</td></tr>
                """, m.id(), WHEN.format(Instant.ofEpochMilli(m.mergedAt())), name.apply(m.survivorId()), m.mergedName(),
                m.mergedId(), m.moved().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().replace('_', ' '))
                        .collect(java.util.stream.Collectors.joining(", ")),
                m.undone() ? Html.of("undone %s", WHEN.format(Instant.ofEpochMilli(m.undoneAt()))) : Html.of("""
                        <form method="post" action="/duplicates/merges/%s/undo">%s<button type="submit" class="undo">Undo</button></form>""",
                        m.id(), Layout.csrfField(page)))).collect(Html.joining());
        Html table = merges.isEmpty() ? Html.raw("<p class=\"hint\">No merges yet.</p>") : Html.of("""
                <table class="people" id="merges">
                <thead><tr><th>Merge</th><th>When</th><th>Kept</th><th>Merged into it</th><th>Rows moved</th><th></th></tr></thead>
                <tbody>
                %s</tbody>
                </table>""", rows);
        return Layout.page(page, "Merges", Html.of("""
                %s
                <h1>Merges</h1>
                %s
                <p class="hint">Undo brings the merged person back exactly as before, with their own emails, phones,
                addresses, registrations, votes, tags and history. Undo the newest merge of a person first.</p>
                %s""", tabs(), notice(notice), table));
    }

    static Html addPage(PageContext page, Map<String, String> values, String error, Linked linked) {
        Html fields = ADD_FIELDS.stream().map(f -> Html.of("""
                <label for="%s">%s</label> <input id="%s" name="%s" value="%s" maxlength="%s"%s>
                """, f, label(f), f, f, values.getOrDefault(f, ""), MatchRoutes.MAX_FIELD,
                Html.raw(f.equals("birth") ? " placeholder=\"YYYY-MM-DD\"" : ""))).collect(Html.joining());
        return Layout.page(page, "Add person", Html.of("""
                %s
                <h1>Add person</h1>
                %s%s
                <p class="hint">The matcher looks for this person among everyone already here first: a sure match is
                linked to the existing person, an uncertain one is added and sent to the review queue.</p>
                <form method="post" action="/people/add" class="add-person">
                %s
                %s
                <button type="submit">Add</button>
                </form>""", tabs(), error == null ? Html.EMPTY : Html.of("<p class=\"segment-error\" role=\"alert\" id=\"error\">%s</p>", error),
                linked == null ? Html.EMPTY : outcome(linked), Layout.csrfField(page), fields));
    }

    private static Html outcome(Linked linked) {
        LinkResult r = linked.result();
        Html person = Html.of("<a href=\"/people/%s\">%s</a>", r.personId(), linked.name());
        return switch (r.decision()) {
            case MATCH -> Html.of("<p class=\"notice\" role=\"status\" id=\"outcome\">Matched existing person %s (%s).</p>",
                    person, percent(r.best().probability()));
            case REVIEW -> Html.of("<p class=\"notice\" role=\"status\" id=\"outcome\">Created %s and sent to review: "
                    + "%s possible duplicate(s) in the <a href=\"/duplicates\">review queue</a>.</p>", person,
                    r.reviewIds().size());
            case NEW -> Html.of("<p class=\"notice\" role=\"status\" id=\"outcome\">Created %s.</p>", person);
        };
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p * 100);
    }

    private static String bits(double b) {
        return String.format(Locale.ROOT, "%+.1f", b);
    }
}
