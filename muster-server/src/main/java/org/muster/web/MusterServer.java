package org.muster.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.SessionTrackingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.session.SessionHandler;
import org.muster.MusterException;
import org.muster.campaign.Campaign;
import org.muster.messaging.email.MailSettings;
import org.muster.messaging.sms.SmsLinks;
import org.muster.messaging.sms.SmsService;
import org.muster.messaging.sms.SmsSettings;
import org.muster.messaging.sms.TimeZones;
import org.muster.store.JooqSmsStore;
import org.muster.store.Database;
import org.muster.store.JooqHomeStore;
import org.muster.store.JooqPrecinctShapeStore;
import org.muster.store.JooqTurfStore;
import org.muster.web.canvass.CanvassAppRoutes;
import org.muster.web.canvass.CanvassRoutes;
import org.muster.store.JooqColumnMappingStore;
import org.muster.store.JooqRegistrationSourceStore;
import org.muster.identity.ContactListImporter;
import org.muster.web.imports.ImportRoutes;
import org.muster.web.maps.MapRoutes;
import org.muster.web.messages.MessageRoutes;
import org.muster.web.messages.TrackingRoutes;
import org.muster.web.turf.TurfRoutes;
import org.muster.web.match.MatchRoutes;
import org.muster.web.ops.Metrics;
import org.muster.web.ops.OpsRoutes;
import org.muster.web.people.PeopleRoutes;
import org.muster.web.segments.SegmentRoutes;
import org.muster.web.sms.SmsRoutes;
import org.muster.web.security.Authentication;
import org.muster.web.security.Csrf;
import org.muster.web.security.LoginRoutes;
import org.muster.web.security.LoginThrottle;
import org.muster.web.view.ErrorView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: wires the stores of one {@link Database} to the routes, sessions, security and metrics. */
public final class MusterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MusterServer.class);
    private static final Duration SESSION_IDLE_TIMEOUT = Duration.ofHours(8);
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final Javalin app;
    private final Metrics metrics;
    private final String host;

    private MusterServer(Javalin app, Metrics metrics, String host) {
        this.app = app;
        this.metrics = metrics;
        this.host = host;
    }

    /**
     * Starts serving the campaign {@code options.campaignId()} and returns once the port is bound.
     *
     * @throws MusterException when the campaign does not exist or the address cannot be bound
     */
    public static MusterServer start(Database db, ServerOptions options) {
        SmsSettings sms;
        try {
            sms = SmsSettings.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            throw new MusterException("SMS settings: " + e.getMessage(), e);
        }
        return start(db, options, sms);
    }

    /** As {@link #start(Database, ServerOptions)} with SMS settings given rather than read from the environment. */
    public static MusterServer start(Database db, ServerOptions options, SmsSettings smsSettings) {
        Campaign campaign = db.campaigns().find(options.campaignId()).orElseThrow(() -> new MusterException(
                "There is no campaign with id " + options.campaignId() + " in this database."));
        Metrics metrics = new Metrics();
        Authentication auth = new Authentication(db.users(), campaign);
        Javalin app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            config.jetty.defaultHost = options.host();
            config.jetty.defaultPort = options.port();
            config.jetty.modifyServletContextHandler(handler -> handler.setSessionHandler(sessionHandler()));
            ImportRoutes.configureUploads(config.jetty.multipartConfig, options.importDir());
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
            });
            config.requestLogger.http(metrics::record);
        });
        // beforeMatched, not before: the route is then known, so requests stopped here are timed under their route.
        app.beforeMatched(MusterServer::securityHeaders);
        app.beforeMatched(ctx -> {
            // Links inside messages are authorised by their signature (one-click unsubscribe is a POST from a mail
            // program); SMS gateways authenticate with a bearer token.
            if (!TrackingRoutes.isPublic(ctx.path()) && !SmsRoutes.isPublic(ctx.path())) Csrf.verify(ctx);
        });
        app.beforeMatched(ctx -> {
            if (!isPublic(ctx.path())) auth.requireUser(ctx);
        });
        new LoginRoutes(db.users(), db.audit(), auth, new LoginThrottle(Clock.systemUTC())).register(app);
        // before PeopleRoutes: /people/add must not be taken for the profile of a person with id "add"
        MatchRoutes match = new MatchRoutes(db, auth, campaign.id());
        match.register(app);
        new PeopleRoutes(db.people(), new JooqRegistrationSourceStore(db), db.audit(), auth, campaign.id()).register(app);
        SegmentRoutes segments = new SegmentRoutes(db, auth, campaign.id());
        segments.register(app);
        JooqHomeStore homes = new JooqHomeStore(db);
        new MapRoutes(new JooqPrecinctShapeStore(db), homes, segments::index, segments::resolver, auth, campaign.id()).register(app);
        new TurfRoutes(new JooqTurfStore(db), db.canvass(), homes, segments::index, segments::resolver, db.audit(), auth, campaign.id()).register(app);
        new CanvassRoutes(db, auth, campaign.id()).register(app);
        new CanvassAppRoutes(db, auth, campaign.id(), match.linker()).register(app);
        MessageRoutes messages = new MessageRoutes(db, mailSettings(), segments::index, segments::resolver, auth, campaign.id(), campaign.name());
        messages.register(app);
        app.events(events -> events.serverStopped(messages::close));
        ImportRoutes imports = new ImportRoutes(db.imports(), new JooqColumnMappingStore(db),
                new JooqRegistrationSourceStore(db), new ContactListImporter(db.imports(), match.linker(), db.people(),
                        ContactListImporter.DEFAULT_BATCH), db.audit(), auth, campaign.id(), options.importDir());
        imports.register(app);
        app.events(events -> events.serverStopped(imports::close));
        SmsService sms = new SmsService(new JooqSmsStore(db), smsSettings.gateway(), new SmsLinks(messages.signer()), campaign.id(),
                TimeZones.forCampaignState(campaign.state()), smsSettings.stopReply(), Clock.systemUTC()).start();
        new SmsRoutes(db, auth, campaign.id(), sms, smsSettings).register(app);
        app.events(events -> events.serverStopped(sms::close));
        new OpsRoutes(db::isHealthy, metrics).register(app);
        app.exception(HttpResponseException.class, (e, ctx) -> errorPage(auth, ctx, e.getStatus(), message(e)));
        app.exception(Exception.class, (e, ctx) -> {
            // The browser gets an incident id to quote, the log gets the stack trace.
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Request {} {} failed, incident {}", ctx.method(), ctx.path(), incident, e);
            errorPage(auth, ctx, 500, "The error was logged as incident " + incident + ". Try again; if it "
                    + "happens again, tell your administrator the incident number.");
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            metrics.close();
            sms.close();
            throw new MusterException("Cannot serve on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
        LOG.info("Muster serving campaign '{}' on http://{}:{}", campaign.name(), options.host(), app.port());
        return new MusterServer(app, metrics, options.host());
    }

    /** The bound port, the chosen one when the options asked for port 0. */
    public int port() {
        return app.port();
    }

    /** Where a browser on this machine reaches the server, e.g. http://127.0.0.1:8080 (no trailing slash). */
    public String baseUrl() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port();
    }

    public void stop() {
        app.stop();
        metrics.close();
    }

    @Override
    public void close() {
        stop();
    }

    private static MailSettings mailSettings() {
        try {
            return MailSettings.fromSystem();
        } catch (IllegalArgumentException e) {
            throw new MusterException("Email settings: " + e.getMessage() + ".", e);
        }
    }

    private static SessionHandler sessionHandler() {
        SessionHandler sessions = new SessionHandler();
        sessions.setSessionCookie("muster_session");
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);
        sessions.setSecureRequestOnly(true);  // Secure flag whenever the request came over HTTPS
        sessions.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));  // never a session id in a URL
        sessions.setMaxInactiveInterval((int) SESSION_IDLE_TIMEOUT.toSeconds());
        return sessions;
    }

    private static boolean isPublic(String path) {
        return path.equals("/login") || path.equals("/health") || path.equals("/metrics")
                || path.startsWith("/static/") || path.startsWith("/webjars/") || CanvassAppRoutes.PUBLIC_PATHS.contains(path)
                || TrackingRoutes.isPublic(path) || SmsRoutes.isPublic(path);
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        if (!ctx.path().startsWith("/static/") && !ctx.path().startsWith("/webjars/")) {
            ctx.header("Cache-Control", "no-store");  // pages carry personal data: keep them out of caches
        }
    }

    private static String message(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> "There is nothing at this address. The link may be out of date.";
            case 403, 400 -> e.getMessage();
            default -> "The request could not be handled (" + e.getMessage() + ").";
        };
    }

    private static void errorPage(Authentication auth, Context ctx, int status, String message) {
        ctx.status(status).html(ErrorView.page(auth.page(ctx), status, message).toString());
    }
}
