package org.muster.web.segments;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.muster.account.AuditLog;
import org.muster.account.User;
import org.muster.people.PersonSummary;
import org.muster.segment.Filter;
import org.muster.segment.SavedSegmentStore;
import org.muster.segment.SegmentExport;
import org.muster.segment.Splits;
import org.muster.segment.SegmentIndex;
import org.muster.segment.SegmentParseException;
import org.muster.segment.SegmentParser;
import org.muster.segment.SegmentResolver;
import org.muster.store.Database;
import org.muster.store.JooqSavedSegmentStore;
import org.muster.store.JooqSegmentSource;
import org.muster.store.SegmentSql;
import org.muster.web.security.Authentication;
import org.muster.web.view.Layout;

/** Segment builder, live preview, save and export. Counts come from the bitmap index, rows from SQL. */
public final class SegmentRoutes {

    static final int SAMPLE = 20;
    static final int PRECINCTS_SHOWN = 15;

    private final Database db;
    private final SavedSegmentStore saved;
    private final SegmentSql sql;
    private final AuditLog audit;
    private final Authentication auth;
    private final long campaignId;
    private final int exportCap;
    private SegmentIndex index;

    public SegmentRoutes(Database db, Authentication auth, long campaignId) {
        this.db = db;
        this.saved = new JooqSavedSegmentStore(db);
        this.sql = new SegmentSql(db, campaignId);
        this.audit = db.audit();
        this.auth = auth;
        this.campaignId = campaignId;
        this.exportCap = SegmentExport.cap(System.getenv());
    }

    public void register(Javalin app) {
        app.get("/segments", this::builder);
        app.get("/segments/preview", this::preview);
        app.post("/segments", this::save);
        app.get("/segments/export.csv", this::export);
        app.get("/segments/splits", this::splits);
    }

    /**
     * Built on first use (servers that never open segments pay nothing), then caught up from the outbox per request.
     * Shared with the map and turf pages, so the server holds one index.
     */
    public synchronized SegmentIndex index() {
        if (index == null) index = SegmentIndex.build(new JooqSegmentSource(db), campaignId);
        index.catchUp();
        return index;
    }

    private void builder(Context ctx) {
        requireReadsAllPeople(ctx);
        String text = filterParam(ctx);
        ctx.html(SegmentViews.builderPage(auth.page(ctx), text, saved.list(campaignId), text.isEmpty() ? null : evaluate(text)).toString());
    }

    private void preview(Context ctx) {
        requireReadsAllPeople(ctx);
        String text = filterParam(ctx);
        ctx.html(SegmentViews.preview(text.isEmpty() ? null : evaluate(text)).toString());
    }

    private void save(Context ctx) {
        User user = requireReadsAllPeople(ctx);
        String name = Objects.requireNonNullElse(ctx.formParam("name"), "").strip();
        String text = Objects.requireNonNullElse(ctx.formParam("filter"), "").strip();
        if (name.isEmpty() || name.length() > 100) throw new BadRequestResponse("A segment name must have between 1 and 100 characters.");
        try {
            saved.save(campaignId, name, text, user.id());
        } catch (SegmentParseException e) {
            throw new BadRequestResponse("The filter does not parse, " + e.getMessage());
        }
        audit.record(user.id(), "segment.save", "segment:" + name, text);
        ctx.redirect("/segments?filter=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    private void export(Context ctx) {
        User user = requireReadsAllPeople(ctx);
        String text = filterParam(ctx);
        Filter filter;
        try {
            filter = resolve(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("The filter cannot be exported: " + e.getMessage());
        }
        long[] ids = index().ids(filter, Instant.now());
        try {
            SegmentExport.checkCap(ids.length, exportCap);
        } catch (SegmentExport.TooLarge e) {
            throw new BadRequestResponse(e.getMessage());
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"segment.csv\"");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            SegmentExport.write(audit, user.id(), text, ids, sql::summaries, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A/B/control groups of the filter by seed: each group's filter and count (open it to save or export it). */
    private void splits(Context ctx) {
        requireReadsAllPeople(ctx);
        String text = filterParam(ctx);
        String seedText = Objects.requireNonNullElse(ctx.queryParam("seed"), "").strip();
        String spec = Objects.requireNonNullElse(ctx.queryParam("groups"), "").strip();
        List<SegmentViews.SplitRow> rows = new java.util.ArrayList<>();
        String error = null;
        try {
            if (!seedText.matches("\\d{1,9}")) throw new IllegalArgumentException("The seed must be a whole number of up to 9 digits");
            long seed = Long.parseLong(seedText);
            Filter filter = resolve(text);
            Instant now = Instant.now();
            for (Splits.Group g : Splits.groups(spec)) {
                String groupText = g.filter(SegmentParser.parse(text), seed).toString();
                rows.add(new SegmentViews.SplitRow(g, groupText, index().count(g.filter(filter, seed), now)));
            }
        } catch (SegmentParseException e) {
            error = "The filter does not parse, " + e.getMessage();
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        ctx.html(SegmentViews.splits(rows, error).toString());
    }

    /** Resolves segment(name) clauses against this campaign's saved segments. */
    public SegmentResolver resolver() {
        return saved.resolver(campaignId);
    }

    private Filter resolve(String text) {
        return saved.resolver(campaignId).resolve(SegmentParser.parse(text));
    }

    /** The count, breakdown and sample of a filter, or why it cannot be evaluated. */
    private SegmentViews.Result evaluate(String text) {
        Filter filter;
        try {
            filter = resolve(text);
        } catch (SegmentParseException e) {
            return SegmentViews.Result.error(text, e.reason(), e.position());
        } catch (IllegalArgumentException e) {
            return SegmentViews.Result.error(text, e.getMessage(), -1);
        }
        Instant now = Instant.now();
        SegmentIndex idx = index();
        Map<String, Long> precincts = idx.countByPrecinct(filter, now);
        List<PersonSummary> sample = sql.summaries(Arrays.stream(idx.firstIds(filter, now, SAMPLE)).boxed().toList());
        return SegmentViews.Result.of(text, idx.count(filter, now), precincts, sample);
    }

    private static String filterParam(Context ctx) {
        return Objects.requireNonNullElse(ctx.queryParam("filter"), "").strip();
    }

    /** Counts and exports reveal the whole database, so only roles that read all people get them. */
    private static User requireReadsAllPeople(Context ctx) {
        User user = Authentication.user(ctx);
        if (!user.role().readsAllPeople()) {
            throw new ForbiddenResponse("As a " + Layout.roleName(user.role()).toLowerCase()
                    + " you cannot build segments of the whole people database.");
        }
        return user;
    }
}
