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
import org.muster.segment.SegmentCsv;
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
    private static final int EXPORT_CHUNK = 1_000;

    private final Database db;
    private final SavedSegmentStore saved;
    private final SegmentSql sql;
    private final AuditLog audit;
    private final Authentication auth;
    private final long campaignId;
    private SegmentIndex index;

    public SegmentRoutes(Database db, Authentication auth, long campaignId) {
        this.db = db;
        this.saved = new JooqSavedSegmentStore(db);
        this.sql = new SegmentSql(db, campaignId);
        this.audit = db.audit();
        this.auth = auth;
        this.campaignId = campaignId;
    }

    public void register(Javalin app) {
        app.get("/segments", this::builder);
        app.get("/segments/preview", this::preview);
        app.post("/segments", this::save);
        app.get("/segments/export.csv", this::export);
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
        // Audited before the first byte leaves: an interrupted download was still an export.
        audit.record(user.id(), "segment.export", "segment", ids.length + " people: " + text);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"segment.csv\"");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            SegmentCsv.header(out);
            for (int from = 0; from < ids.length; from += EXPORT_CHUNK) {
                List<Long> chunk = Arrays.stream(ids, from, Math.min(ids.length, from + EXPORT_CHUNK)).boxed().toList();
                for (PersonSummary p : sql.summaries(chunk)) SegmentCsv.row(out, p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
