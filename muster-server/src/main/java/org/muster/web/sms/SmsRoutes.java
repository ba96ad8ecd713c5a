package org.muster.web.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.muster.account.AuditLog;
import org.muster.account.User;
import org.muster.messaging.AudienceRules;
import org.muster.messaging.Metric;
import org.muster.messaging.sms.SendHours;
import org.muster.messaging.sms.SmsAudience;
import org.muster.messaging.sms.SmsJob;
import org.muster.messaging.sms.SmsService;
import org.muster.messaging.sms.SmsSettings;
import org.muster.messaging.sms.SmsStore;
import org.muster.segment.SegmentParseException;
import org.muster.segment.SegmentParser;
import org.muster.store.Database;
import org.muster.store.JooqSavedSegmentStore;
import org.muster.store.SegmentSql;
import org.muster.voterfile.Phones;
import org.muster.web.security.Authentication;

/** Compose, send and follow SMS jobs (organisers and admins), and the HTTP gateway's callbacks (bearer token). */
public final class SmsRoutes {

    /** Posted by an HTTP gateway, not by a browser: no session, no CSRF token; a bearer token instead. */
    public static final String RECEIPT_CALLBACK = "/sms/gateway/receipt";
    public static final String INBOUND_CALLBACK = "/sms/gateway/inbound";
    private static final int RECIPIENTS_SHOWN = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Authentication auth;
    private final long campaignId;
    private final SmsService sms;
    private final SmsSettings settings;
    private final AuditLog audit;

    public SmsRoutes(Database db, Authentication auth, long campaignId, SmsService sms, SmsSettings settings) {
        this.db = db;
        this.auth = auth;
        this.campaignId = campaignId;
        this.sms = sms;
        this.settings = settings;
        this.audit = db.audit();
    }

    /** A text's tracked link, followed by whoever got the text: authorised by its signature. */
    public static final String LINK_PREFIX = "/s/";

    /** Paths without a session: the gateway's callbacks (bearer token) and tracked links (signature). */
    public static boolean isPublic(String path) {
        return path.equals(RECEIPT_CALLBACK) || path.equals(INBOUND_CALLBACK) || path.startsWith(LINK_PREFIX);
    }

    public void register(Javalin app) {
        app.get("/sms", this::overview);
        app.post("/sms/preview", this::preview);
        app.post("/sms/test", this::testSend);
        app.post("/sms/jobs", this::create);
        app.get("/sms/jobs/{id}", this::jobPage);
        app.get("/sms/jobs/{id}/progress", this::progress);
        app.post("/sms/jobs/{id}/cancel", this::cancel);
        app.post(RECEIPT_CALLBACK, this::receiptCallback);
        app.post(INBOUND_CALLBACK, this::inboundCallback);
        app.get(LINK_PREFIX + "{token}", this::followLink);
    }

    /** A tracked link: redirects to the link the text carried and records the click; anything else is not ours. */
    private void followLink(Context ctx) {
        String target = sms.click(ctx.pathParam("token")).orElseThrow(() -> new NotFoundResponse(
                "This link is not valid. It may have been cut short when the text was copied."));
        ctx.redirect(target);
    }

    private static User requireOrganiser(Context ctx) {
        User user = Authentication.user(ctx);
        if (!user.role().readsAllPeople()) throw new ForbiddenResponse("Only organisers and admins send texts.");
        return user;
    }

    private void overview(Context ctx) {
        requireOrganiser(ctx);
        ctx.html(SmsViews.overview(auth.page(ctx), sms.store().jobs(campaignId), settings.describe(), settings.hours()).toString());
    }

    private void preview(Context ctx) {
        requireOrganiser(ctx);
        String filter = form(ctx, "filter");
        String body = form(ctx, "body");
        try {
            long[] ids = audience(filter);
            SmsAudience.Plan plan = sms.preview(ids, body.isBlank() ? " " : body, rules(ctx), options(ctx));
            ctx.html(SmsViews.preview(ids.length, plan, body).toString());
        } catch (IllegalArgumentException e) {
            ctx.html(SmsViews.problem(e.getMessage()).toString());
        }
    }

    private void create(Context ctx) {
        User user = requireOrganiser(ctx);
        String filter = form(ctx, "filter");
        SmsService.Created created;
        try {
            SendHours hours = SendHours.parse("sending hours", form(ctx, "hours").isBlank() ? settings.hours().toString() : form(ctx, "hours"));
            SmsJob.Test test = test(ctx);
            created = test == null ? sms.create(form(ctx, "name"), filter, audience(filter), text(ctx, ""), hours, rules(ctx), options(ctx), user.id())
                    : sms.create(form(ctx, "name"), filter, audience(filter), test, hours, rules(ctx), options(ctx), user.id());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("The text was not sent: " + e.getMessage());
        }
        SmsJob job = created.job();
        audit.record(user.id(), "sms.job.create", "sms_job:" + job.id(), created.plan().recipients().size() + " recipients, segment: "
                + filter + ", message: " + job.body() + (job.sender() == null ? "" : ", from " + job.sender())
                + (job.test() == null ? "" : ", A/B test of " + job.test().variants().size() + " texts on " + SmsViews.successes(job.test().metric())) + ", rules: " + job.rules().format()
                + (job.options().stateOrigin() ? ", states data origin" : "") + (job.options().trackLinks() ? ", links tracked" : ""));
        ctx.redirect("/sms/jobs/" + job.id());
    }

    /** Each text once to the organiser's own phone, with their own name in the placeholders; audited. */
    private void testSend(Context ctx) {
        User user = requireOrganiser(ctx);
        String phone = Phones.e164(form(ctx, "test_phone"), "US");
        if (phone == null) {
            ctx.html(SmsViews.problem("Test text: \"" + form(ctx, "test_phone") + "\" is not a phone number.").toString());
            return;
        }
        List<String> results;
        try {
            results = sms.testSend(phone, texts(ctx), testValues(user));
        } catch (IllegalArgumentException | IllegalStateException e) {
            ctx.html(SmsViews.problem("Test text not sent: " + e.getMessage()).toString());
            return;
        }
        audit.record(user.id(), "sms.test", phone, String.join("; ", results));
        ctx.html(SmsViews.testResults(phone, results).toString());
    }

    /** The placeholders filled from the tester's display name, so the test shows a real name's length. */
    private static Map<String, String> testValues(User user) {
        String[] parts = user.displayName().strip().split("\\s+", 2);
        return Map.of("first_name", parts[0], "last_name", parts.length > 1 ? parts[1] : "");
    }

    /** SMS audience rules: consent always required, plus the origins the form excludes. */
    private static AudienceRules rules(Context ctx) {
        return SmsJob.rulesExcluding(Arrays.stream(form(ctx, "exclude_origins").split("\\|")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()));
    }

    /**
     * What the job adds to its texts. A form that shows the check boxes says so ({@code options_shown}), since an
     * unchecked box is not posted; a post without them (an API client) sends texts as written.
     */
    private static SmsJob.Options options(Context ctx) {
        boolean shown = !form(ctx, "options_shown").isEmpty();
        return new SmsJob.Options(shown && ctx.formParam("state_origin") != null, shown && ctx.formParam("track_links") != null);
    }

    /** The text of fields {@code body}, {@code from}, {@code send_at} with the variant's suffix ("", "_b", "_c"). */
    private static SmsJob.Text text(Context ctx, String suffix) {
        String label = suffix.isEmpty() ? "" : SmsJob.Test.prefix(suffix.charAt(1) - 'a');
        String at = form(ctx, "send_at" + suffix).strip();
        Instant sendAt;
        try {
            sendAt = at.isEmpty() ? null : LocalDateTime.parse(at).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(label + "not before: \"" + at + "\" is not a date and time (yyyy-mm-ddThh:mm)");
        }
        try {
            return new SmsJob.Text(form(ctx, "body" + suffix), form(ctx, "from" + suffix), sendAt);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + e.getMessage());
        }
    }

    /** The first text and, when given, the second and third. */
    private static List<SmsJob.Text> texts(Context ctx) {
        List<SmsJob.Text> texts = new ArrayList<>(List.of(text(ctx, "")));
        for (String suffix : List.of("_b", "_c")) if (!form(ctx, "body" + suffix).isBlank()) texts.add(text(ctx, suffix));
        return texts;
    }

    /** An A/B/n test when a second or third text is given; its split seed is drawn here and kept with the job. */
    private static SmsJob.Test test(Context ctx) {
        List<SmsJob.Text> variants = texts(ctx);
        if (variants.size() == 1) return null;
        return SmsJob.Test.ofTexts(variants, number(ctx, "test_percent", 20) / 100, new SecureRandom().nextLong(),
                Duration.ofMinutes(Math.round(number(ctx, "decide_hours", 24) * 60)), metric(ctx));
    }

    /** The winner metric (empty: replies); open is refused by {@link SmsJob.Test}, click without tracked links by the service. */
    private static Metric metric(Context ctx) {
        String value = form(ctx, "metric").strip();
        if (value.isEmpty()) return Metric.REPLY;
        try {
            return Metric.valueOf(value.replace("-", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metric: \"" + value + "\" is not one of reply, click, donation, sign-up");
        }
    }

    private static double number(Context ctx, String field, double otherwise) {
        String value = form(ctx, field);
        if (value.isBlank()) return otherwise;
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field.replace('_', ' ') + ": \"" + value + "\" is not a number");
        }
    }

    private void jobPage(Context ctx) {
        requireOrganiser(ctx);
        SmsJob job = job(ctx);
        List<SmsStore.VariantResult> results = job.test() == null ? List.of() : sms.store().testResults(job.id(), job.test().variants().size());
        ctx.html(SmsViews.job(auth.page(ctx), job, sms.store().progress(job.id(), System.currentTimeMillis()), results,
                sms.store().recipients(job.id(), null, RECIPIENTS_SHOWN), sms.hasGateway()).toString());
    }

    private void progress(Context ctx) {
        requireOrganiser(ctx);
        SmsJob job = job(ctx);
        ctx.html(SmsViews.progress(job, sms.store().progress(job.id(), System.currentTimeMillis())).toString());
    }

    private void cancel(Context ctx) {
        User user = requireOrganiser(ctx);
        SmsJob job = job(ctx);
        if (sms.store().cancel(campaignId, job.id(), System.currentTimeMillis())) {
            audit.record(user.id(), "sms.job.cancel", "sms_job:" + job.id(), job.name());
        }
        ctx.redirect("/sms/jobs/" + job.id());
    }

    private void receiptCallback(Context ctx) {
        JsonNode body = callback(ctx);
        sms.inbox().receipt(text(body, "id"), text(body, "status"), body.hasNonNull("error") ? body.get("error").asText() : null);
        ctx.status(204);
    }

    private void inboundCallback(Context ctx) {
        JsonNode body = callback(ctx);
        sms.inbox().inbound(text(body, "from"), text(body, "text"));
        ctx.status(204);
    }

    /** The callback's JSON, once its bearer token matches MUSTER_SMS_CALLBACK_TOKEN (unset: callbacks are off). */
    private JsonNode callback(Context ctx) {
        String expected = settings.callbackToken();
        if (expected == null || expected.isBlank()) throw new NotFoundResponse("SMS callbacks are not enabled");
        String given = Objects.requireNonNullElse(ctx.header("Authorization"), "");
        if (!MessageDigest.isEqual(("Bearer " + expected).getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedResponse("wrong or missing bearer token");
        }
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body == null || !body.isObject()) throw new BadRequestResponse("the body is not a JSON object");
            return body;
        } catch (IOException e) {
            throw new BadRequestResponse("the body is not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.asText().isBlank()) throw new BadRequestResponse("field '" + field + "' is missing");
        return value.asText();
    }

    private long[] audience(String filterText) {
        if (filterText.isBlank()) throw new IllegalArgumentException("segment: give a filter, e.g. tag(volunteer) and consent(sms)");
        try {
            return new SegmentSql(db, campaignId).ids(new JooqSavedSegmentStore(db).resolver(campaignId).resolve(SegmentParser.parse(filterText)),
                    Instant.now());
        } catch (SegmentParseException e) {
            throw new IllegalArgumentException("segment: the filter does not parse, " + e.getMessage());
        }
    }

    private SmsJob job(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        return sms.store().job(campaignId, id).orElseThrow(NotFoundResponse::new);
    }

    private static String form(Context ctx, String name) {
        return Objects.requireNonNullElse(ctx.formParam(name), "").strip();
    }
}
