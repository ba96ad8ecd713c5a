package org.muster.web.sms;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.muster.messaging.Metric;
import org.muster.messaging.SequentialTest;
import org.muster.messaging.sms.RecipientStatus;
import org.muster.messaging.sms.SendHours;
import org.muster.messaging.sms.SmsAudience;
import org.muster.messaging.sms.SmsJob;
import org.muster.messaging.sms.SmsProgress;
import org.muster.messaging.sms.SmsStore;
import org.muster.messaging.sms.SmsText;
import org.muster.web.view.Html;
import org.muster.web.view.Layout;
import org.muster.web.view.PageContext;

/** The SMS pages and their htmx fragments. */
final class SmsViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SmsViews() {
    }

    static Html overview(PageContext page, List<SmsJob> jobs, String gateway, SendHours hours) {
        Html rows = jobs.stream().map(j -> Html.of("<tr><td><a href=\"/sms/jobs/%s\">%s</a></td><td>%s</td><td><code>%s</code></td><td>%s</td></tr>",
                j.id(), j.name(), j.status().name().toLowerCase(), j.filter(), TIME.format(j.createdAt()))).collect(Html.joining());
        return Layout.page(page, "SMS", Html.of("""
                <h1>SMS</h1>
                <p class="hint" id="gateway">Gateway: %s</p>
                <form method="post" action="/sms/jobs" class="card sms-compose"
                      hx-post="/sms/preview" hx-trigger="input delay:400ms"
                      hx-target="#sms-preview" hx-swap="innerHTML">
                %s
                <label for="sms-name">Name</label> <input id="sms-name" name="name" maxlength="100" required>
                <label for="sms-filter">Segment</label>
                <textarea id="sms-filter" name="filter" rows="2" cols="100" spellcheck="false"
                          placeholder="segment(volunteers) and consent(sms)"></textarea>
                <label for="sms-body">Message</label>
                <textarea id="sms-body" name="body" rows="4" cols="100" placeholder="Hi {{first_name|there}}, ... Reply STOP to opt out"></textarea>
                %s
                <label for="sms-exclude-origins">Never people whose data came from (separate with |)</label>
                <input id="sms-exclude-origins" name="exclude_origins" size="60">
                <input type="hidden" name="options_shown" value="1">
                <label><input type="checkbox" id="sms-state-origin" name="state_origin" checked> Tell each person where their data came from
                (a last line: "Your details came to us from: …")</label>
                <label><input type="checkbox" id="sms-track-links" name="track_links" checked> Shorten and track links (needed to choose
                the winner on clicks)</label>
                <details class="sms-ab"><summary>A/B test: other texts</summary>
                <label for="sms-body-b">Text B</label> <textarea id="sms-body-b" name="body_b" rows="3" cols="100"></textarea>
                %s
                <label for="sms-body-c">Text C</label> <textarea id="sms-body-c" name="body_c" rows="3" cols="100"></textarea>
                %s
                <label for="sms-test-percent">Test share of the audience (%; 100: the texts share everyone)</label>
                <input id="sms-test-percent" name="test_percent" value="20" inputmode="decimal">
                <label for="sms-metric">Choose the winner on</label> <select id="sms-metric" name="metric">%s</select>
                <label for="sms-decide-hours">within (hours)</label>
                <input id="sms-decide-hours" name="decide_hours" value="24" inputmode="decimal">
                <p class="hint">The test groups are drawn at random (reproducibly); the text whose recipients significantly more
                often reply, click a link, or donate or register for an event after their text and within the time (sequential test,
                5 % false positives), goes to the rest, or the best one when the time is up.</p>
                </details>
                <p class="hint">Placeholders: {{first_name}}, {{last_name}}, {{data_origin}}, with a fallback: {{first_name|friend}}. Only people with sms
                consent who have not objected and whose data does not come from an excluded origin, with a mobile number, are texted, once per household phone, between the sending hours of their own time zone.</p>
                <label for="sms-hours">Sending hours (recipient's local time)</label>
                <input id="sms-hours" name="hours" value="%s" pattern="\\d{2}:\\d{2}-\\d{2}:\\d{2}">
                <div id="sms-preview" aria-live="polite"><p class="hint">Type a segment and a message to see who gets it.</p></div>
                <fieldset class="sms-test"><legend>Test text</legend>
                <label for="sms-test-phone">Your phone (each text once, with your name in the placeholders)</label>
                <input id="sms-test-phone" name="test_phone" inputmode="tel" size="20">
                <button type="button" id="sms-test-send" hx-post="/sms/test" hx-include="closest form" hx-target="#sms-test-result"
                        hx-swap="innerHTML">Send a test</button>
                <div id="sms-test-result" aria-live="polite"></div>
                </fieldset>
                <button type="submit">Send</button>
                </form>
                <h2>Sends</h2>
                <table class="people"><thead><tr><th>Name</th><th>Status</th><th>Segment</th><th>Created</th></tr></thead><tbody>%s</tbody></table>
                """, gateway, Layout.csrfField(page), senderAndTime(""), senderAndTime("b"), senderAndTime("c"),
                SmsJob.Test.METRICS.stream().map(m -> Html.of("<option value=\"%s\">%s</option>", m.name(), successes(m))).collect(Html.joining()),
                hours.toString(), rows));
    }

    /** What a test counts, in the words of the pages. */
    static String successes(Metric metric) {
        return switch (metric) {
            case REPLY -> "replies";
            case CLICK -> "clicks";
            case DONATION -> "donations";
            case SIGNUP -> "sign-ups";
            case OPEN -> throw new IllegalArgumentException(metric + " is not measured for texts");
        };
    }

    /** A text's sender and send-time fields; {@code variant} "" for the first text, else "b" or "c". */
    private static Html senderAndTime(String variant) {
        String suffix = variant.isEmpty() ? "" : "_" + variant;
        String id = variant.isEmpty() ? "" : "-" + variant;
        return Html.of("""
                <label for="sms-from%s">Sender (number, short code or name; empty: the gateway's)</label>
                <input id="sms-from%s" name="from%s" maxlength="16">
                <label for="sms-send-at%s">Not before (UTC, optional; sending hours still apply)</label>
                <input id="sms-send-at%s" name="send_at%s" type="datetime-local">""", id, id, suffix, id, id, suffix);
    }

    static Html preview(int segmentSize, SmsAudience.Plan plan, String body) {
        SmsStore.PlannedRecipient first = plan.sample();
        String sample = first == null ? body : first.body();
        SmsText text = SmsText.of(sample);
        return Html.of("""
                <dl class="sms-counts">
                <dt>In the segment</dt><dd id="sms-segment-count">%s</dd>
                <dt>Will be texted</dt><dd id="sms-send-count">%s</dd>
                <dt>Covered by a household member's text</dt><dd>%s</dd>
                <dt>Opted out by STOP</dt><dd>%s</dd>
                <dt>No sms consent, or objected</dt><dd>%s</dd>
                <dt>Data origin excluded</dt><dd id="sms-origin-excluded">%s</dd>
                <dt>No mobile number</dt><dd>%s</dd>
                </dl>
                <p id="sms-length">%s characters, %s, %s %s</p>
                <pre class="sms-sample">%s</pre>""", segmentSize, plan.count(RecipientStatus.PENDING), plan.count(RecipientStatus.COVERED),
                plan.count(RecipientStatus.OPTED_OUT), plan.withoutConsent(), plan.originExcluded(), plan.withoutMobile(), text.units(),
                text.encoding() == SmsText.Encoding.GSM7 ? "GSM-7" : "UCS-2 (a character outside GSM-7 halves the length per segment)",
                text.segments(), text.segments() == 1 ? "segment" : "segments", sample);
    }

    static Html testResults(String phone, List<String> results) {
        return Html.of("<p>Test to %s:</p><ul class=\"sms-test-results\">%s</ul>", phone,
                results.stream().map(r -> Html.of("<li>%s</li>", r)).collect(Html.joining()));
    }

    static Html problem(String message) {
        return Html.of("<p class=\"segment-error\" role=\"alert\">%s</p>", message);
    }

    static Html job(PageContext page, SmsJob job, SmsProgress progress, List<SmsStore.VariantResult> results,
                    List<SmsStore.RecipientRow> recipients, boolean gateway) {
        Html rows = recipients.stream().map(r -> Html.of("<tr><td><a href=\"/people/%s\">%s</a></td><td>%s</td><td>%s</td><td>%s</td></tr>",
                r.personId(), r.name(), r.phone(), label(r), r.error())).collect(Html.joining());
        Html cancel = job.status() == SmsJob.Status.RUNNING
                ? Html.of("<form method=\"post\" action=\"/sms/jobs/%s/cancel\">%s<button type=\"submit\">Cancel the rest</button></form>",
                job.id(), Layout.csrfField(page)) : Html.EMPTY;
        return Layout.page(page, "SMS: " + job.name(), Html.of("""
                <p><a href="/sms">SMS</a></p>
                <h1>%s</h1>
                <p>Segment <code>%s</code>, sending hours %s local time%s</p>
                <p id="sms-rules">%s</p>
                <pre class="sms-sample">%s</pre>
                %s
                %s
                %s
                <h2>Recipients</h2>
                <table class="people"><thead><tr><th>Person</th><th>Phone</th><th>Status</th><th>Note</th></tr></thead><tbody>%s</tbody></table>""",
                job.name(), job.filter(), job.hours().toString(), gateway ? "" : " — no gateway is configured, so nothing is sent yet",
                rules(job) + (job.test() == null ? senderAndTime(job.text()) : ""), job.body(), variants(job, results), progress(job, progress), cancel, rows));
    }

    private static String rules(SmsJob job) {
        return "Only people with sms consent who have not objected"
                + (job.rules().excludedOrigins().isEmpty() ? "" : "; never data from " + String.join(", ", job.rules().excludedOrigins().stream().sorted().toList()))
                + "." + (job.options().stateOrigin() ? " Each text says where the person's data came from." : "")
                + (job.options().trackLinks() ? " Links are shortened and tracked." : "");
    }

    private static String senderAndTime(SmsJob.Text text) {
        return " From " + (text.sender() == null ? "the gateway's sender" : text.sender())
                + (text.sendAt() == null ? "" : ", not before " + TIME.format(text.sendAt())) + ".";
    }

    /** Per variant: its test group's rate on the test's metric with the always-valid interval the winner rule uses. */
    private static Html variants(SmsJob job, List<SmsStore.VariantResult> results) {
        if (job.test() == null) return Html.EMPTY;
        SmsJob.Test test = job.test();
        List<SequentialTest.Estimate> rates = SequentialTest.standard().decide(results.stream()
                .map(r -> new SequentialTest.Arm(SmsJob.Test.label(r.variant()), r.sent(), r.successes())).toList()).rates();
        Html rows = results.stream().map(r -> {
            SequentialTest.Estimate e = rates.get(r.variant());
            boolean won = Integer.valueOf(r.variant()).equals(test.winner());
            SmsJob.Text text = test.variants().get(r.variant());
            return Html.of("<tr%s><td>%s%s</td><td><pre class=\"sms-sample\">%s</pre></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                    won ? Html.of(" class=\"winner\"") : Html.EMPTY, SmsJob.Test.label(r.variant()), won ? " (winner)" : "",
                    text.body(), text.sender() == null ? "gateway's" : text.sender(), text.sendAt() == null ? "at once" : TIME.format(text.sendAt()), r.sent(), r.successes(), r.sent() == 0 ? "–"
                            : String.format(Locale.ROOT, "%.1f %% (%.1f–%.1f %%)", 100 * e.value(), 100 * Math.max(0, e.low()), 100 * Math.min(1, e.high())));
        }).collect(Html.joining());
        String state = test.winner() != null ? "Decided: " + test.decision()
                : !test.holdsBack() ? "The texts share the audience; no winner is chosen."
                : "Waiting for the winner" + (test.testSentAt() == null ? " (the test groups are being sent)" : "") + ".";
        return Html.of("""
                <h2>A/B test</h2>
                <p>Test share %s %, winner on <span id="sms-metric">%s</span> within %s h. <span id="sms-ab-state">%s</span></p>
                <table class="people" id="sms-variants"><thead><tr><th>Variant</th><th>Text</th><th>Sender</th><th>Not before</th><th>Test sent</th><th>%s</th>
                <th>Rate (always-valid 95 % interval)</th></tr></thead><tbody>%s</tbody></table>""",
                String.format(Locale.ROOT, "%.0f", 100 * test.testFraction()), successes(test.metric()), test.decideWithin().toHours(), state,
                capitalised(successes(test.metric())), rows);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static Html progress(SmsJob job, SmsProgress p) {
        Html poll = job.status() == SmsJob.Status.RUNNING
                ? Html.of(" hx-get=\"/sms/jobs/%s/progress\" hx-trigger=\"every 2s\" hx-swap=\"outerHTML\"", job.id()) : Html.EMPTY;
        return Html.of("""
                <div id="sms-progress" class="card"%s>
                <p>Status: <strong id="sms-status">%s</strong>%s</p>
                <dl class="sms-counts">
                <dt>Sent</dt><dd id="sms-sent">%s</dd>
                <dt>Delivered</dt><dd id="sms-delivered">%s</dd>
                <dt>Failed or undelivered</dt><dd id="sms-failed">%s</dd>
                <dt>Waiting for sending hours</dt><dd id="sms-waiting">%s</dd>
                <dt>To send</dt><dd id="sms-queued">%s</dd>
                <dt>Held for the A/B winner</dt><dd id="sms-held">%s</dd>
                <dt>Opted out</dt><dd id="sms-opted-out">%s</dd>
                <dt>Excluded by the audience rules at sending</dt><dd id="sms-excluded">%s</dd>
                <dt>Covered by household</dt><dd id="sms-covered">%s</dd>
                <dt>Resent after a crash (possible duplicates)</dt><dd id="sms-in-doubt">%s</dd>
                <dt>Clicked a link</dt><dd id="sms-clicked">%s</dd>
                </dl></div>""", poll, job.status().name().toLowerCase(),
                job.finishedAt() == null ? "" : " at " + TIME.format(job.finishedAt()), p.sent(), p.count(RecipientStatus.DELIVERED), p.failed(),
                p.waiting(), p.queued(), p.count(RecipientStatus.HELD), p.count(RecipientStatus.OPTED_OUT), p.count(RecipientStatus.EXCLUDED),
                p.count(RecipientStatus.COVERED), p.inDoubt(), job.options().trackLinks() ? String.valueOf(p.clicked()) : "links not tracked");
    }

    private static String label(SmsStore.RecipientRow r) {
        String s = r.status().name().toLowerCase().replace('_', ' ');
        if (r.status() == RecipientStatus.PENDING && r.notBefore() > System.currentTimeMillis()) {
            s = "waiting until " + TIME.format(Instant.ofEpochMilli(r.notBefore()));
        }
        return r.inDoubt() ? s + " (resent after a crash)" : s;
    }
}
