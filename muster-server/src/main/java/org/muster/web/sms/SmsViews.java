package org.muster.web.sms;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
                <p class="hint">Placeholders: {{first_name}}, {{last_name}}, with a fallback: {{first_name|friend}}. Only people with sms
                consent and a mobile number are texted, once per household phone, between the sending hours of their own time zone.</p>
                <label for="sms-hours">Sending hours (recipient's local time)</label>
                <input id="sms-hours" name="hours" value="%s" pattern="\\d{2}:\\d{2}-\\d{2}:\\d{2}">
                <div id="sms-preview" aria-live="polite"><p class="hint">Type a segment and a message to see who gets it.</p></div>
                <button type="submit">Send</button>
                </form>
                <h2>Sends</h2>
                <table class="people"><thead><tr><th>Name</th><th>Status</th><th>Segment</th><th>Created</th></tr></thead><tbody>%s</tbody></table>
                """, gateway, Layout.csrfField(page), hours.toString(), rows));
    }

    static Html preview(int segmentSize, SmsAudience.Plan plan, String body) {
        SmsStore.PlannedRecipient first = plan.recipients().stream().filter(r -> r.status() == RecipientStatus.PENDING).findFirst().orElse(null);
        String sample = first == null ? body : first.body();
        SmsText text = SmsText.of(sample);
        return Html.of("""
                <dl class="sms-counts">
                <dt>In the segment</dt><dd id="sms-segment-count">%s</dd>
                <dt>Will be texted</dt><dd id="sms-send-count">%s</dd>
                <dt>Covered by a household member's text</dt><dd>%s</dd>
                <dt>Opted out by STOP</dt><dd>%s</dd>
                <dt>No sms consent</dt><dd>%s</dd>
                <dt>No mobile number</dt><dd>%s</dd>
                </dl>
                <p id="sms-length">%s characters, %s, %s %s</p>
                <pre class="sms-sample">%s</pre>""", segmentSize, plan.count(RecipientStatus.PENDING), plan.count(RecipientStatus.COVERED),
                plan.count(RecipientStatus.OPTED_OUT), plan.withoutConsent(), plan.withoutMobile(), text.units(),
                text.encoding() == SmsText.Encoding.GSM7 ? "GSM-7" : "UCS-2 (a character outside GSM-7 halves the length per segment)",
                text.segments(), text.segments() == 1 ? "segment" : "segments", sample);
    }

    static Html problem(String message) {
        return Html.of("<p class=\"segment-error\" role=\"alert\">%s</p>", message);
    }

    static Html job(PageContext page, SmsJob job, SmsProgress progress, List<SmsStore.RecipientRow> recipients, boolean gateway) {
        Html rows = recipients.stream().map(r -> Html.of("<tr><td><a href=\"/people/%s\">%s</a></td><td>%s</td><td>%s</td><td>%s</td></tr>",
                r.personId(), r.name(), r.phone(), label(r), r.error())).collect(Html.joining());
        Html cancel = job.status() == SmsJob.Status.RUNNING
                ? Html.of("<form method=\"post\" action=\"/sms/jobs/%s/cancel\">%s<button type=\"submit\">Cancel the rest</button></form>",
                job.id(), Layout.csrfField(page)) : Html.EMPTY;
        return Layout.page(page, "SMS: " + job.name(), Html.of("""
                <p><a href="/sms">SMS</a></p>
                <h1>%s</h1>
                <p>Segment <code>%s</code>, sending hours %s local time%s</p>
                <pre class="sms-sample">%s</pre>
                %s
                %s
                <h2>Recipients</h2>
                <table class="people"><thead><tr><th>Person</th><th>Phone</th><th>Status</th><th>Note</th></tr></thead><tbody>%s</tbody></table>""",
                job.name(), job.filter(), job.hours().toString(), gateway ? "" : " — no gateway is configured, so nothing is sent yet",
                job.body(), progress(job, progress), cancel, rows));
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
                <dt>Opted out</dt><dd id="sms-opted-out">%s</dd>
                <dt>Covered by household</dt><dd id="sms-covered">%s</dd>
                <dt>Resent after a crash (possible duplicates)</dt><dd id="sms-in-doubt">%s</dd>
                </dl></div>""", poll, job.status().name().toLowerCase(),
                job.finishedAt() == null ? "" : " at " + TIME.format(job.finishedAt()), p.sent(), p.count(RecipientStatus.DELIVERED), p.failed(),
                p.waiting(), p.queued(), p.count(RecipientStatus.OPTED_OUT), p.count(RecipientStatus.COVERED), p.inDoubt());
    }

    private static String label(SmsStore.RecipientRow r) {
        String s = r.status().name().toLowerCase().replace('_', ' ');
        if (r.status() == RecipientStatus.PENDING && r.notBefore() > System.currentTimeMillis()) {
            s = "waiting until " + TIME.format(Instant.ofEpochMilli(r.notBefore()));
        }
        return r.inDoubt() ? s + " (resent after a crash)" : s;
    }
}
