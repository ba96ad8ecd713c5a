package org.muster.web.messages;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.messaging.AudienceRules;
import org.muster.messaging.MessagingStore;
import org.muster.messaging.Metric;
import org.muster.messaging.Outgoing;
import org.muster.messaging.SequentialTest;
import org.muster.messaging.Variant;
import org.muster.people.ContactCategory;
import org.muster.web.view.Html;
import org.muster.web.view.Layout;
import org.muster.web.view.PageContext;

/** The messaging pages. */
final class MessageViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private MessageViews() {
    }

    record Row(MessagingStore.Send send, Map<String, Long> counts) {
    }

    record Progress(MessagingStore.Send send, Map<String, Long> counts, List<MessagingStore.VariantResult> results,
                    SequentialTest.Decision decision) {
    }

    static Html listPage(PageContext page, List<Row> rows) {
        Html table = rows.isEmpty() ? Html.raw("<p class=\"hint\">No messages yet.</p>") : Html.of("""
                <table id="sends"><thead><tr><th>Message</th><th>Segment</th><th>Status</th><th class="num">Sent</th>
                <th class="num">Audience</th><th>Made</th></tr></thead><tbody>%s</tbody></table>""",
                rows.stream().map(r -> Html.of("<tr><td><a href=\"/messages/%s\">%s</a></td><td><code>%s</code></td><td>%s</td>"
                                + "<td class=\"num\">%s</td><td class=\"num\">%s</td><td>%s</td></tr>", r.send().id(), r.send().definition().name(),
                        r.send().definition().filter(), status(r.send().status()), r.counts().getOrDefault("SENT", 0L),
                        r.counts().values().stream().mapToLong(Long::longValue).sum(), WHEN.format(r.send().createdAt())))
                        .collect(Html.joining()));
        return Layout.page(page, "Messages", Html.of("<h1>Messages</h1><p><a href=\"/messages/new\">New email</a></p>%s", table));
    }

    static Html composePage(PageContext page, String error, Map<String, List<String>> form) {
        Html variants = List.of("A", "B", "C").stream().map(l -> Html.of("""
                <fieldset class="card"><legend>Variant %s%s</legend>
                <label for="sender_%s">From</label><input id="sender_%s" name="sender_%s" size="50" value="%s" placeholder="Campaign &lt;news@example.org&gt;">
                <label for="subject_%s">Subject</label><input id="subject_%s" name="subject_%s" size="70" value="%s">
                <label for="html_%s">Body (HTML)</label><textarea id="html_%s" name="html_%s" rows="8" cols="80">%s</textarea>
                <label for="text_%s">Plain text (empty: made from the HTML)</label><textarea id="text_%s" name="text_%s" rows="3" cols="80">%s</textarea>
                <label for="send_at_%s">Not before (UTC, optional)</label><input id="send_at_%s" name="send_at_%s" type="datetime-local" value="%s">
                </fieldset>""", l, l.equals("A") ? Html.EMPTY : Html.raw(" (optional: fill it in to test it against A)"), l, l, l, value(form, "sender_" + l),
                l, l, l, value(form, "subject_" + l), l, l, l, value(form, "html_" + l), l, l, l, value(form, "text_" + l),
                l, l, l, value(form, "send_at_" + l))).collect(Html.joining());
        Html categories = java.util.Arrays.stream(ContactCategory.values()).map(c -> Html.of(
                "<label><input type=\"checkbox\" name=\"without_consent\" value=\"%s\"%s> %s</label>", c.name(),
                form.isEmpty() ? (AudienceRules.DEFAULT.withoutConsent().contains(c) ? Html.raw(" checked") : Html.EMPTY)
                        : form.getOrDefault("without_consent", List.of()).contains(c.name()) ? Html.raw(" checked") : Html.EMPTY,
                c.name().toLowerCase(Locale.ROOT).replace('_', ' '))).collect(Html.joining());
        Html metrics = java.util.Arrays.stream(Metric.values()).map(m -> Html.of("<option value=\"%s\"%s>%s</option>", m.name(),
                m.name().equals(value(form, "metric")) ? Html.raw(" selected") : Html.EMPTY, m.name().toLowerCase(Locale.ROOT))).collect(Html.joining());
        return Layout.page(page, "New email", Html.of("""
                <p><a href="/messages">All messages</a></p>
                <h1>New email</h1>
                %s
                <form method="post" action="/messages" class="stack">
                %s
                <label for="name">Name</label><input id="name" name="name" maxlength="200" required value="%s">
                <label for="filter">Segment</label><input id="filter" name="filter" size="70" required spellcheck="false" value="%s"
                       placeholder="tag(volunteer) and county = WAKE">
                <fieldset class="card"><legend>Who may be written to</legend>
                <p class="hint">Anyone who objected is never written to. People with consent for email are. Without consent, only:</p>
                %s
                <label for="exclude_origins">Never people whose data came from (separate with |)</label>
                <input id="exclude_origins" name="exclude_origins" size="60" value="%s">
                <label><input type="checkbox" name="state_origin"%s> Tell each person where their data came from (footer)</label>
                </fieldset>
                %s
                <fieldset class="card"><legend>A/B test (with two or more variants)</legend>
                <label for="test_percent">Test share of the audience (%%)</label><input id="test_percent" name="test_percent" size="4" value="%s">
                <label for="metric">Winner by</label><select id="metric" name="metric">%s</select>
                <label for="decide_hours">Decide within (hours; then the best observed goes)</label><input id="decide_hours" name="decide_hours" size="4" value="%s">
                <p class="hint">Replies count when they reach the reply mailbox; donations and event sign-ups when the person makes them
                within that many hours of their message. Variants with a send time: the test starts when the last one has gone out,
                and each is judged over the same time after its own messages.</p>
                </fieldset>
                <p class="hint">Placeholders: {{first_name}}, {{last_name}}, {{full_name}}, {{email}}, {{data_origin}}, {{unsubscribe_url}};
                a fallback after a bar: {{first_name|friend}}. Links are tracked; an unsubscribe footer is added.</p>
                <button type="submit">Save draft</button>
                </form>""", error == null ? Html.EMPTY : Html.of("<p class=\"error\" role=\"alert\">%s</p>", error), Layout.csrfField(page),
                value(form, "name"), value(form, "filter"), categories, value(form, "exclude_origins"),
                form.isEmpty() || form.containsKey("state_origin") ? Html.raw(" checked") : Html.EMPTY, variants,
                form.isEmpty() ? "20" : value(form, "test_percent"), metrics, form.isEmpty() ? "24" : value(form, "decide_hours")));
    }

    private static String value(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? "" : v.getFirst();
    }

    static Html sendPage(PageContext page, MessagingStore.Send send, Progress progress) {
        return sendPage(page, send, progress, null);
    }

    static Html sendPage(PageContext page, MessagingStore.Send send, Progress progress, String notice) {
        var d = send.definition();
        Html variants = send.variants().stream().map(v -> Html.of("<li><strong>%s</strong>: “%s” from %s%s</li>", v.label(), v.subject(), v.sender(),
                v.sendAt() == null ? "" : ", not before " + WHEN.format(v.sendAt()))).collect(Html.joining());
        boolean editable = send.status() == MessagingStore.Status.DRAFT || send.status() == MessagingStore.Status.SCHEDULED;
        Html actions = Html.of("""
                <div class="card">
                <form method="get" action="/messages/%s/preview" class="inline">
                <label for="person">Preview for person id</label> <input id="person" name="person" size="8" inputmode="numeric" required>
                <select name="variant" aria-label="Variant">%s</select> <button type="submit" class="secondary">Preview</button></form>
                <form method="post" action="/messages/%s/test" class="inline">%s
                <label for="address">Test send to</label> <input id="address" name="address" type="email" size="30" required>
                <button type="submit" class="secondary">Send test</button></form>
                %s
                </div>""", send.id(), send.variants().stream().map(v -> Html.of("<option>%s</option>", v.label())).collect(Html.joining()),
                send.id(), Layout.csrfField(page),
                editable ? Html.of("""
                        <form method="post" action="/messages/%s/schedule" class="inline">%s
                        <label for="at">Send at (UTC; empty: now)</label> <input id="at" name="at" type="datetime-local">
                        <button type="submit">Schedule</button></form>""", send.id(), Layout.csrfField(page)) : Html.EMPTY);
        Html cancel = send.status() == MessagingStore.Status.DONE || send.status() == MessagingStore.Status.CANCELLED ? Html.EMPTY
                : Html.of("<form method=\"post\" action=\"/messages/%s/cancel\">%s<button type=\"submit\" class=\"secondary\">Cancel send</button></form>",
                send.id(), Layout.csrfField(page));
        return Layout.page(page, d.name(), Html.of("""
                <p><a href="/messages">All messages</a></p>
                <h1>%s</h1>
                %s
                <p>Segment <code>%s</code>; rules <code>%s</code>; %s</p>
                <ul>%s</ul>
                %s
                <div id="progress" hx-get="/messages/%s/progress" hx-trigger="every 2s" hx-swap="innerHTML">%s</div>
                %s""", d.name(), notice == null ? Html.EMPTY : Html.of("<p class=\"notice\" role=\"status\">%s</p>", notice), d.filter(),
                d.rules().format(), send.abTest() ? String.format(Locale.ROOT, "A/B test on %.0f%% of the audience, winner by %s within %d h.",
                        d.testFraction() * 100, d.metric().name().toLowerCase(Locale.ROOT), d.decideWithin().toHours()) : "no A/B test.",
                variants, actions, send.id(), progress(progress), cancel));
    }

    static Html progress(Progress p) {
        long total = p.counts().values().stream().mapToLong(Long::longValue).sum();
        long sent = p.counts().getOrDefault("SENT", 0L);
        Html counts = p.counts().entrySet().stream().map(e -> Html.of("<tr><td>%s</td><td class=\"num\">%s</td></tr>",
                e.getKey().replace("SKIPPED:", "skipped: ").replace('_', ' ').toLowerCase(Locale.ROOT), e.getValue())).collect(Html.joining());
        Html results = java.util.stream.IntStream.range(0, p.results().size()).mapToObj(i -> {
            MessagingStore.VariantResult r = p.results().get(i);
            SequentialTest.Estimate e = p.decision().rates().get(i);
            boolean winner = p.send().winnerVariantId() != null && p.send().winnerVariantId() == r.variantId();
            return Html.of("<tr><td>%s%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td>%s</td></tr>",
                    r.label(), winner ? Html.raw(" <strong>(winner)</strong>") : Html.EMPTY, r.sent(), r.opens(), r.clicks(), r.successes(),
                    r.sent() == 0 ? "–" : String.format(Locale.ROOT, "%.1f%% [%.1f%%, %.1f%%]", e.value() * 100, Math.max(0, e.low()) * 100,
                            Math.min(1, e.high()) * 100));
        }).collect(Html.joining());
        return Html.of("""
                <h2>Progress: <span id="status">%s</span></h2>
                <progress max="%s" value="%s"></progress> <span id="sent-count">%s</span> of %s rows sent
                <table><tbody>%s</tbody></table>
                <h2>Results per variant%s</h2>
                <table id="results"><thead><tr><th>Variant</th><th class="num">Sent</th><th class="num">Opened</th><th class="num">Clicked</th>
                <th class="num">%s</th><th>Rate, always-valid 95%% interval</th></tr></thead><tbody>%s</tbody></table>
                <p class="hint">%s</p>""", status(p.send().status()), Math.max(1, total), sent, sent, total, counts,
                p.send().abTest() ? " (test groups)" : "", p.send().definition().metric().name().toLowerCase(Locale.ROOT), results,
                p.send().decision() != null ? p.send().decision() : p.decision().summary());
    }

    static Html previewPage(PageContext page, MessagingStore.Send send, Variant v, long person, AudienceRules.Exclusion why, Outgoing message) {
        String raw = new String(message.content(), StandardCharsets.UTF_8);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        return Layout.page(page, "Preview", Html.of("""
                <p><a href="/messages/%s">Back to the message</a></p>
                <h1>Preview of variant %s for person %s</h1>
                <p id="eligibility">%s</p>
                <h2>Headers</h2><pre>%s</pre>
                <h2>Plain text</h2><pre id="preview-text">%s</pre>
                <h2>HTML source</h2><pre id="preview-html">%s</pre>""", send.id(), v.label(), person,
                why == null ? "This person would receive the message." : "This person would NOT receive it: " + why.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".",
                headers, part(raw, "text/plain"), part(raw, "text/html")));
    }

    private static final Pattern PART = Pattern.compile("Content-Type: (text/\\w+); charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)");

    private static String part(String raw, String type) {
        Matcher m = PART.matcher(raw);
        while (m.find()) if (m.group(1).equals(type)) return new String(Base64.getMimeDecoder().decode(m.group(2)), StandardCharsets.UTF_8);
        return "";
    }

    private static String status(MessagingStore.Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
