package org.muster.web.canvass;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jooq.exception.DataAccessException;
import org.muster.account.AuditLog;
import org.muster.account.User;
import org.muster.canvass.CanvassList;
import org.muster.canvass.CanvassStore;
import org.muster.canvass.DoorCsv;
import org.muster.canvass.ListKind;
import org.muster.canvass.StoredScript;
import org.muster.canvass.WalkSheetPdf;
import org.muster.segment.Filter;
import org.muster.segment.SegmentParseException;
import org.muster.segment.SegmentParser;
import org.muster.store.Database;
import org.muster.store.JooqSavedSegmentStore;
import org.muster.store.SegmentSql;
import org.muster.web.security.Authentication;

/** The organiser's side: scripts, lists from a segment, assignment, exports, walk sheets and the live dashboard. */
public final class CanvassRoutes {

    private static final int UNAPPLIED_SHOWN = 100;
    private static final int PENDING_SHOWN = 100;
    private static final Duration DASHBOARD_POLL = Duration.ofSeconds(1);
    private static final Duration DASHBOARD_KEEPALIVE = Duration.ofSeconds(15);

    private final Database db;
    private final CanvassStore store;
    private final AuditLog audit;
    private final Authentication auth;
    private final ListAccess access;
    private final long campaignId;
    private volatile boolean stopping;

    public CanvassRoutes(Database db, Authentication auth, long campaignId) {
        this.db = db;
        this.store = db.canvass();
        this.audit = db.audit();
        this.auth = auth;
        this.access = new ListAccess(store, campaignId);
        this.campaignId = campaignId;
    }

    public void register(Javalin app) {
        app.get("/canvass", this::overview);
        app.get("/canvass/scripts", this::scripts);
        app.post("/canvass/scripts", this::createScript);
        app.post("/canvass/lists", this::createList);
        app.get("/canvass/lists/{id}", this::listPage);
        app.post("/canvass/lists/{id}/assign", this::assign);
        app.post("/canvass/lists/{id}/unassign", this::unassign);
        app.get("/canvass/lists/{id}/export.csv", this::export);
        app.get("/canvass/lists/{id}/sheet", this::sheet);
        app.get("/canvass/lists/{id}/sheet.pdf", this::sheetPdf);
        app.get("/canvass/dashboard", this::dashboard);
        app.get("/canvass/dashboard/events", this::dashboardEvents);
        app.events(events -> events.serverStopping(() -> stopping = true));
    }

    private void overview(Context ctx) {
        ListAccess.requireOrganiser(ctx);
        ctx.html(CanvassViews.overview(auth.page(ctx), store.lists(campaignId), store.scripts(campaignId), store.progress(campaignId),
                store.pendingContacts(campaignId, PENDING_SHOWN)).toString());
    }

    private void scripts(Context ctx) {
        ListAccess.requireOrganiser(ctx);
        ctx.html(CanvassViews.scripts(auth.page(ctx), store.scripts(campaignId)).toString());
    }

    private void createScript(Context ctx) {
        User user = ListAccess.requireOrganiser(ctx);
        StoredScript script;
        try {
            script = store.createScript(campaignId, ctx.formParam("name"), Objects.requireNonNullElse(ctx.formParam("body"), ""));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("The script was not saved: " + e.getMessage());
        }
        audit.record(user.id(), "canvass.script.create", "script:" + script.id(), script.name());
        ctx.redirect("/canvass/scripts");
    }

    private void createList(Context ctx) {
        User user = ListAccess.requireOrganiser(ctx);
        String text = Objects.requireNonNullElse(ctx.formParam("filter"), "").strip();
        ListKind kind;
        long scriptId;
        Filter filter;
        try {
            kind = ListKind.valueOf(Objects.requireNonNullElse(ctx.formParam("kind"), ""));
            scriptId = Long.parseLong(Objects.requireNonNullElse(ctx.formParam("script"), ""));
            filter = new JooqSavedSegmentStore(db).resolver(campaignId).resolve(SegmentParser.parse(text));
        } catch (SegmentParseException e) {
            throw new BadRequestResponse("The filter does not parse, " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("The list was not created: " + e.getMessage());
        }
        long[] people = new SegmentSql(db, campaignId).ids(filter, Instant.now());
        CanvassList list;
        try {
            list = store.createList(campaignId, ctx.formParam("name"), kind, scriptId, text, null, people, user.id());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("The list was not created: " + e.getMessage());
        }
        audit.record(user.id(), "canvass.list.create", "list:" + list.id(), list.doors() + " people: " + text);
        ctx.redirect("/canvass/lists/" + list.id());
    }

    private void listPage(Context ctx) {
        CanvassList list = access.managed(ctx);
        ctx.html(CanvassViews.list(auth.page(ctx), list, store.script(campaignId, list.scriptId()).orElseThrow(), store.doors(list.id()),
                store.assignments(list.id()), store.assignableUsers(campaignId), store.unapplied(list.id(), UNAPPLIED_SHOWN)).toString());
    }

    private void assign(Context ctx) {
        CanvassList list = access.managed(ctx);
        User user = Authentication.user(ctx);
        long assignee = userParam(ctx);
        String due = Objects.requireNonNullElse(ctx.formParam("due"), "").strip();
        try {
            store.assign(list.id(), assignee, due.isEmpty() ? null : LocalDate.parse(due), user.id());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("The due date '" + due + "' is not a date (YYYY-MM-DD).");
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("The list was not assigned: " + e.getMessage());
        }
        audit.record(user.id(), "canvass.list.assign", "list:" + list.id(), "user:" + assignee + (due.isEmpty() ? "" : " due " + due));
        ctx.redirect("/canvass/lists/" + list.id());
    }

    private void unassign(Context ctx) {
        CanvassList list = access.managed(ctx);
        User user = Authentication.user(ctx);
        long assignee = userParam(ctx);
        if (store.unassign(list.id(), assignee)) {
            audit.record(user.id(), "canvass.list.unassign", "list:" + list.id(), "user:" + assignee);
        }
        ctx.redirect("/canvass/lists/" + list.id());
    }

    private void export(Context ctx) {
        CanvassList list = access.managed(ctx);
        var doors = store.doors(list.id());
        audit.record(Authentication.user(ctx).id(), "canvass.list.export", "list:" + list.id(), doors.size() + " people, CSV");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"list-" + list.id() + ".csv\"");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            DoorCsv.write(out, doors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The printable walk sheet: readable by whoever may read the list, and audited as an export (it leaves on paper). */
    private void sheet(Context ctx) {
        CanvassList list = access.readable(ctx);
        var doors = store.doors(list.id());
        audit.record(Authentication.user(ctx).id(), "canvass.list.export", "list:" + list.id(), doors.size() + " people, walk sheet");
        ctx.html(CanvassViews.walkSheet(auth.page(ctx).campaignName(), list, store.script(campaignId, list.scriptId()).orElseThrow(), doors)
                .toString());
    }

    /**
     * The walk sheet as PDF, with a drawn map of the route: for whoever may read the list, audited as an export.
     * Party is printed only for roles that see sensitive data.
     */
    private void sheetPdf(Context ctx) {
        CanvassList list = access.readable(ctx);
        User user = Authentication.user(ctx);
        var doors = store.doors(list.id());
        audit.record(user.id(), "canvass.list.export", "list:" + list.id(), doors.size() + " people, PDF walk sheet");
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "inline; filename=\"walk-sheet-" + list.id() + ".pdf\"");
        ctx.header("Cache-Control", "no-store");
        WalkSheetPdf.write(new WalkSheetPdf.Sheet(auth.page(ctx).campaignName(), list, store.script(campaignId, list.scriptId()).orElseThrow()
                .script(), doors, user.role().seesSensitive(), LocalDate.now(ZoneOffset.UTC)), ctx.outputStream());
    }

    private void dashboard(Context ctx) {
        ListAccess.requireOrganiser(ctx);
        ctx.html(CanvassViews.dashboard(auth.page(ctx), store.progress(campaignId)).toString());
    }

    /**
     * Server-sent events: the progress table each time a new result has arrived (checked every second, one indexed
     * max() per check), and a comment line now and then so proxies keep the connection. Runs on a virtual thread
     * until the browser goes away or the server stops.
     */
    private void dashboardEvents(Context ctx) throws IOException {
        ListAccess.requireOrganiser(ctx);
        ctx.contentType("text/event-stream");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Accel-Buffering", "no");
        var out = ctx.res().getOutputStream();
        long seen = -1;
        long quietSince = System.nanoTime();
        try {
            while (!stopping && !Thread.currentThread().isInterrupted()) {
                long latest = store.latestResultId(campaignId);
                if (latest != seen) {
                    seen = latest;
                    String html = CanvassViews.dashboardTables(store.progress(campaignId)).toString();
                    out.write(("event: progress\ndata: " + html.replace("\n", "\ndata: ") + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > DASHBOARD_KEEPALIVE.toNanos()) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    quietSince = System.nanoTime();
                }
                Thread.sleep(DASHBOARD_POLL);
            }
        } catch (IOException | DataAccessException e) {
            // The browser closed the page, or the server is closing its database: the stream is over.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long userParam(Context ctx) {
        try {
            return Long.parseLong(Objects.requireNonNullElse(ctx.formParam("user"), ""));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("Choose a canvasser.");
        }
    }
}
