package org.muster.web.messages;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.muster.account.AuditLog;
import org.muster.account.User;
import org.muster.messaging.Audience;
import org.muster.messaging.AudienceRules;
import org.muster.messaging.Channel;
import org.muster.messaging.MessagingStore;
import org.muster.messaging.Metric;
import org.muster.messaging.Outgoing;
import org.muster.messaging.Recipient;
import org.muster.messaging.SendJob;
import org.muster.messaging.SendRunner;
import org.muster.messaging.SequentialTest;
import org.muster.messaging.Variant;
import org.muster.messaging.email.BounceProcessor;
import org.muster.messaging.email.EmailComposer;
import org.muster.messaging.email.EmailOutlet;
import org.muster.messaging.email.LinkSigner;
import org.muster.messaging.email.MailSettings;
import org.muster.messaging.email.Mailbox;
import org.muster.messaging.email.ReplyProcessor;
import org.muster.messaging.email.SmtpConnection;
import org.muster.messaging.Outlet;
import org.muster.people.ContactCategory;
import org.muster.segment.SegmentIndex;
import org.muster.segment.SegmentParseException;
import org.muster.segment.SegmentParser;
import org.muster.segment.SegmentResolver;
import org.muster.store.Database;
import org.muster.store.JooqMessagingStore;
import org.muster.web.maps.MapRoutes;
import org.muster.web.security.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Compose, preview, test-send, schedule and follow email sends; runs them in the background. */
public final class MessageRoutes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MessageRoutes.class);
    private static final List<String> LABELS = List.of("A", "B", "C");

    private final MessagingStore store;
    private final MailSettings settings;
    private final Supplier<SegmentIndex> index;
    private final Supplier<SegmentResolver> resolver;
    private final AuditLog audit;
    private final Authentication auth;
    private final long campaignId;
    private final LinkSigner signer;
    private final SendRunner runner;
    private final TrackingRoutes tracking;

    public MessageRoutes(Database db, MailSettings settings, Supplier<SegmentIndex> index, Supplier<SegmentResolver> resolver,
                         Authentication auth, long campaignId, String campaignName) {
        this.store = new JooqMessagingStore(db);
        this.settings = settings;
        this.index = index;
        this.resolver = resolver;
        this.audit = db.audit();
        this.auth = auth;
        this.campaignId = campaignId;
        this.signer = new LinkSigner(store.signingKey(), settings.publicUrl());
        Clock clock = Clock.systemUTC();
        Audience audience = (campaign, filter, now) -> index.get().ids(resolver.get().resolve(SegmentParser.parse(filter)), now);
        Outlet email = EmailOutlet.create(settings, store);
        SendJob job = new SendJob(store, audience, Map.of(Channel.EMAIL, email),
                new SendJob.Settings(settings.threads(), 2_000, settings.ratePerSecond(), 3, SequentialTest.standard()), clock);
        BounceProcessor bounces = new BounceProcessor(store, signer, campaignId, clock);
        ReplyProcessor replies = new ReplyProcessor(store, signer, campaignId, clock);
        this.runner = new SendRunner(job, store, campaignId, clock).start(Duration.ofSeconds(2), () -> pollMailboxes(bounces, replies),
                Duration.ofMinutes(1));
        this.tracking = new TrackingRoutes(store, signer, bounces, settings.bounceToken(), campaignName, clock);
    }

    /** The signer of the links inside messages; texts' tracked links are signed with it too. */
    public LinkSigner signer() {
        return signer;
    }

    private void pollMailboxes(BounceProcessor bounces, ReplyProcessor replies) {
        for (String mailbox : settings.bounceMailboxes()) poll("bounces", mailbox, bounces::process);
        if (settings.replyMailbox() != null) poll("replies", settings.replyMailbox(), replies::process);
    }

    private static void poll(String what, String mailbox, java.util.function.Consumer<byte[]> processor) {
        try {
            Mailbox.poll(mailbox, processor);
        } catch (IOException | RuntimeException e) {
            // One mailbox down must not stop the others; the next minute tries again.
            LOG.warn("Reading {} failed: {}", what, e.getMessage());
        }
    }

    public void register(Javalin app) {
        app.get("/messages", this::list);
        app.get("/messages/new", this::composePage);
        app.post("/messages", this::create);
        app.get("/messages/{id}", this::sendPage);
        app.get("/messages/{id}/progress", this::progress);
        app.get("/messages/{id}/preview", this::preview);
        app.post("/messages/{id}/test", this::testSend);
        app.post("/messages/{id}/schedule", this::schedule);
        app.post("/messages/{id}/cancel", this::cancel);
        tracking.register(app);
    }

    private void list(Context ctx) {
        MapRoutes.requireReadsAllPeople(ctx);
        List<MessageViews.Row> rows = store.sends(campaignId).stream().map(s -> new MessageViews.Row(s, store.counts(s.id()))).toList();
        ctx.html(MessageViews.listPage(auth.page(ctx), rows).toString());
    }

    private void composePage(Context ctx) {
        MapRoutes.requireReadsAllPeople(ctx);
        ctx.html(MessageViews.composePage(auth.page(ctx), null, Map.of()).toString());
    }

    private void create(Context ctx) {
        User user = MapRoutes.requireReadsAllPeople(ctx);
        MessagingStore.SendDefinition definition;
        try {
            definition = definition(ctx);
        } catch (IllegalArgumentException e) {
            ctx.status(400).html(MessageViews.composePage(auth.page(ctx), e.getMessage(), ctx.formParamMap()).toString());
            return;
        }
        long id = store.create(campaignId, definition, user.id());
        audit.record(user.id(), "message.create", "message_send:" + id, definition.variants().size() + " variant(s) to: " + definition.filter());
        ctx.redirect("/messages/" + id);
    }

    /** Reads and checks the compose form; every error names its field. */
    private MessagingStore.SendDefinition definition(Context ctx) {
        String name = param(ctx, "name");
        if (name.isEmpty() || name.length() > 200) throw new IllegalArgumentException("Name: 1 to 200 characters.");
        String filter = param(ctx, "filter");
        if (filter.isEmpty()) throw new IllegalArgumentException("Segment: a filter is needed, e.g. tag(volunteer) and county = WAKE.");
        try {
            resolver.get().resolve(SegmentParser.parse(filter));
        } catch (SegmentParseException e) {
            throw new IllegalArgumentException("Segment: the filter does not parse, " + e.getMessage());
        }
        Set<ContactCategory> withoutConsent = EnumSet.noneOf(ContactCategory.class);
        for (String c : ctx.formParams("without_consent")) {
            try {
                withoutConsent.add(ContactCategory.valueOf(c));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Contact without consent: unknown category " + c + ".");
            }
        }
        Set<String> excluded = Set.copyOf(Arrays.stream(param(ctx, "exclude_origins").split("\\|"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        List<Variant> variants = new ArrayList<>();
        for (String label : LABELS) {
            String subject = param(ctx, "subject_" + label);
            String html = param(ctx, "html_" + label);
            if (!label.equals("A") && subject.isEmpty() && html.isEmpty()) continue;
            String text = param(ctx, "text_" + label);
            Instant sendAt = null;
            String at = param(ctx, "send_at_" + label);
            if (!at.isEmpty()) {
                try {
                    sendAt = LocalDateTime.parse(at).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Send time of variant " + label + ": not a date and time (" + at + ").");
                }
            }
            Variant v = new Variant(0, label, param(ctx, "sender_" + label).isEmpty() ? param(ctx, "sender_A") : param(ctx, "sender_" + label),
                    subject, html, text.isEmpty() ? null : text, sendAt);
            EmailComposer.validate(v);
            variants.add(v);
        }
        double fraction = 1;
        Metric metric = Metric.OPEN;
        long hours = 24;
        if (variants.size() > 1) {
            try {
                fraction = Double.parseDouble(param(ctx, "test_percent")) / 100;
                hours = Long.parseLong(param(ctx, "decide_hours"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Test share and decision time must be numbers.");
            }
            if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("Test share: between 1 and 100 percent.");
            if (hours < 1 || hours > 24 * 14) throw new IllegalArgumentException("Decide within: 1 hour to 14 days.");
            try {
                metric = Metric.valueOf(param(ctx, "metric"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Winner metric: one of " + Arrays.toString(Metric.values()) + ".");
            }
        }
        return new MessagingStore.SendDefinition(name, Channel.EMAIL, filter, new AudienceRules(withoutConsent, excluded),
                ctx.formParam("state_origin") != null, fraction, metric, new java.security.SecureRandom().nextLong(),
                Duration.ofHours(hours), variants);
    }

    private static String param(Context ctx, String name) {
        return Objects.requireNonNullElse(ctx.formParam(name), "").strip();
    }

    private MessagingStore.Send find(Context ctx) {
        try {
            return store.send(campaignId, Long.parseLong(ctx.pathParam("id"))).orElseThrow(NotFoundResponse::new);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    private void sendPage(Context ctx) {
        MapRoutes.requireReadsAllPeople(ctx);
        MessagingStore.Send send = find(ctx);
        ctx.html(MessageViews.sendPage(auth.page(ctx), send, progressView(send)).toString());
    }

    private void progress(Context ctx) {
        MapRoutes.requireReadsAllPeople(ctx);
        ctx.html(MessageViews.progress(progressView(find(ctx))).toString());
    }

    private MessageViews.Progress progressView(MessagingStore.Send send) {
        SequentialTest test = SequentialTest.standard();
        List<MessagingStore.VariantResult> results = store.results(send.id(), send.definition().metric(), send.abTest());
        List<SequentialTest.Arm> arms = results.stream().map(r -> new SequentialTest.Arm(r.label(), r.sent(), r.successes())).toList();
        return new MessageViews.Progress(send, store.counts(send.id()), results, test.decide(arms));
    }

    private void preview(Context ctx) {
        MapRoutes.requireReadsAllPeople(ctx);
        MessagingStore.Send send = find(ctx);
        long person;
        try {
            person = Long.parseLong(Objects.requireNonNullElse(ctx.queryParam("person"), "").strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("Preview: give a person id (from the person's profile address).");
        }
        var candidates = store.candidates(campaignId, new long[] {person}, Channel.EMAIL);
        if (candidates.isEmpty()) throw new BadRequestResponse("Preview: there is no person " + person + " in this campaign.");
        var c = candidates.getFirst();
        AudienceRules.Exclusion why = SendJob.exclusion(c, send.definition().rules());
        String label = Objects.requireNonNullElse(ctx.queryParam("variant"), "A");
        Variant v = send.variants().stream().filter(x -> x.label().equals(label)).findFirst().orElse(send.variants().getFirst());
        Outgoing message = composer(send).compose(new Recipient(0, send.id(), person, v.id(),
                Objects.requireNonNullElse(c.address(), "(no address)"), c.firstName(), c.lastName(), c.origin()), v);
        ctx.html(MessageViews.previewPage(auth.page(ctx), send, v, person, why, message).toString());
    }

    private EmailComposer composer(MessagingStore.Send send) {
        return new EmailComposer(signer, settings.mailDomain(), send.definition().stateOrigin());
    }

    /** A test send goes to the address typed in, with the first person of the segment as the sample, no tracking row. */
    private void testSend(Context ctx) {
        User user = MapRoutes.requireReadsAllPeople(ctx);
        MessagingStore.Send send = find(ctx);
        String address = param(ctx, "address");
        if (!address.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) throw new BadRequestResponse("Test send: \"" + address + "\" is not an email address.");
        List<String> sent = new ArrayList<>();
        try {
            SmtpConnection c = new SmtpConnection(settings.servers().getFirst(), settings.mailDomain());
            for (Variant v : send.variants()) {
                Outgoing m = composer(send).compose(new Recipient(0, send.id(), 0, v.id(), address, user.displayName(), "", "test send"), v);
                SmtpConnection.Reply r = c.send(EmailComposer.address(v.sender()), address, m.content());
                sent.add(v.label() + ": " + r);
            }
            c.quit();
        } catch (IOException | org.muster.messaging.Messenger.Rejected e) {
            throw new BadRequestResponse("Test send failed: " + e.getMessage());
        }
        audit.record(user.id(), "message.test", "message_send:" + send.id(), "to " + address);
        ctx.html(MessageViews.sendPage(auth.page(ctx), send, progressView(send), "Test sent to " + address + " (" + String.join("; ", sent) + ").").toString());
    }

    private void schedule(Context ctx) {
        User user = MapRoutes.requireReadsAllPeople(ctx);
        MessagingStore.Send send = find(ctx);
        String at = param(ctx, "at");
        Instant when;
        try {
            when = at.isEmpty() ? Instant.now() : LocalDateTime.parse(at).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("Schedule: \"" + at + "\" is not a date and time.");
        }
        try {
            store.schedule(send.id(), when);
        } catch (IllegalStateException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        long audience = index.get().count(resolver.get().resolve(SegmentParser.parse(send.definition().filter())), Instant.now());
        audit.record(user.id(), "message.schedule", "message_send:" + send.id(), "at " + when + ", segment of " + audience
                + " people: " + send.definition().filter());
        runner.wake(send.id());
        ctx.redirect("/messages/" + send.id());
    }

    private void cancel(Context ctx) {
        User user = MapRoutes.requireReadsAllPeople(ctx);
        MessagingStore.Send send = find(ctx);
        if (send.status() == MessagingStore.Status.DONE) throw new BadRequestResponse("This send is finished.");
        store.setStatus(send.id(), MessagingStore.Status.CANCELLED);
        audit.record(user.id(), "message.cancel", "message_send:" + send.id(), send.status().name());
        ctx.redirect("/messages/" + send.id());
    }

    @Override
    public void close() {
        runner.close();
    }
}
