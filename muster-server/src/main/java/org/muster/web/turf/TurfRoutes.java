package org.muster.web.turf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.muster.account.AuditLog;
import org.muster.account.User;
import org.muster.canvass.Assignment;
import org.muster.canvass.CanvassList;
import org.muster.canvass.CanvassStore;
import org.muster.canvass.TurfWalkLists;
import org.muster.geo.HomeStore;
import org.muster.segment.Filter;
import org.muster.segment.SegmentIndex;
import org.muster.segment.SegmentParseException;
import org.muster.segment.SegmentParser;
import org.muster.segment.SegmentResolver;
import org.muster.turf.TurfCuts;
import org.muster.turf.TurfCutter;
import org.muster.turf.TurfStore;
import org.muster.web.maps.MapRoutes;
import org.muster.web.security.Authentication;

/**
 * Cut turfs from a segment, list cuts and turfs with their quality, serve the routes for the map, and turn a cut's
 * turfs into walk lists.
 */
public final class TurfRoutes {

    private final TurfStore turfs;
    private final CanvassStore canvass;
    private final HomeStore homes;
    private final Supplier<SegmentIndex> index;
    private final Supplier<SegmentResolver> resolver;
    private final AuditLog audit;
    private final Authentication auth;
    private final long campaignId;

    public TurfRoutes(TurfStore turfs, CanvassStore canvass, HomeStore homes, Supplier<SegmentIndex> index,
                      Supplier<SegmentResolver> resolver, AuditLog audit, Authentication auth, long campaignId) {
        this.turfs = turfs;
        this.canvass = canvass;
        this.homes = homes;
        this.index = index;
        this.resolver = resolver;
        this.audit = audit;
        this.auth = auth;
        this.campaignId = campaignId;
    }

    public void register(Javalin app) {
        app.get("/turfs", this::list);
        app.post("/turfs", this::cut);
        app.get("/turfs/{cut}", this::cutPage);
        app.get("/turfs/{cut}/routes.json", this::routes);
        app.post("/turfs/{cut}/lists", this::makeLists);
    }

    private void list(Context ctx) {
        MapRoutes.requireReadsAllPeople(ctx);
        ctx.html(TurfViews.listPage(auth.page(ctx), turfs.cuts(campaignId)).toString());
    }

    private void cut(Context ctx) {
        User user = MapRoutes.requireReadsAllPeople(ctx);
        String name = Objects.requireNonNullElse(ctx.formParam("name"), "").strip();
        String text = Objects.requireNonNullElse(ctx.formParam("filter"), "").strip();
        if (name.isEmpty() || name.length() > 100) throw new BadRequestResponse("A turf cut needs a name of 1 to 100 characters.");
        if (text.isEmpty()) throw new BadRequestResponse("A turf cut needs a segment filter, e.g. party = DEM and not voted(2022-general).");
        TurfCutter.Options options;
        try {
            options = new TurfCutter.Options(Integer.parseInt(Objects.requireNonNullElse(ctx.formParam("target"), "").strip()),
                    ctx.formParam("within") != null);
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("Doors per turf must be a whole number between 1 and 10000.");
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Doors per turf: " + e.getMessage() + ".");
        }
        Filter filter;
        try {
            filter = resolver.get().resolve(SegmentParser.parse(text));
        } catch (SegmentParseException e) {
            throw new BadRequestResponse("The filter does not parse, " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        TurfCuts.Result result = new TurfCuts(index.get(), homes, turfs).cut(campaignId, name, text, filter, options, user.id());
        audit.record(user.id(), "turf.cut", "turf_cut:" + result.cutId(), result.turfs() + " turfs, " + result.doors()
                + " doors, " + result.people() + " people (" + result.unplaced() + " without a located home): " + text);
        ctx.redirect("/turfs/" + result.cutId());
    }

    private void cutPage(Context ctx) {
        MapRoutes.requireReadsAllPeople(ctx);
        TurfStore.Cut cut = findCut(ctx);
        Map<Long, CanvassList> listByTurf = new HashMap<>();
        for (CanvassList l : canvass.lists(campaignId)) if (l.turfId() != null) listByTurf.putIfAbsent(l.turfId(), l);
        String made = ctx.queryParam("made");
        String notice = made == null || !made.matches("\\d{1,6}") ? null : "Made " + made + " walk list(s)"
                + (Objects.requireNonNullElse(ctx.queryParam("skipped"), "0").equals("0") ? "." : "; turfs that had one already kept it.");
        ctx.html(TurfViews.cutPage(auth.page(ctx), cut, turfs.turfs(campaignId, cut.id()), listByTurf, canvass.scripts(campaignId),
                canvass.assignableUsers(campaignId), notice).toString());
    }

    /** Every turf of the cut without a walk list gets one, handed out to the chosen canvassers in turn; each list audited. */
    private void makeLists(Context ctx) {
        User user = MapRoutes.requireReadsAllPeople(ctx);
        TurfStore.Cut cut = findCut(ctx);
        long scriptId;
        List<Long> assignees = new ArrayList<>();
        LocalDate due;
        String dueText = Objects.requireNonNullElse(ctx.formParam("due"), "").strip();
        try {
            scriptId = Long.parseLong(Objects.requireNonNullElse(ctx.formParam("script"), "").strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("Choose the script the walk lists are read from.");
        }
        for (String id : ctx.formParams("user")) {
            try {
                assignees.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new BadRequestResponse("Canvasser '" + id + "' is not a user id.");
            }
        }
        try {
            due = dueText.isEmpty() ? null : LocalDate.parse(dueText);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("The due date '" + dueText + "' is not a date (YYYY-MM-DD).");
        }
        TurfWalkLists.Made made;
        try {
            made = new TurfWalkLists(turfs, canvass).make(campaignId, cut.id(), scriptId, assignees, due, user.id());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("No walk list was made: " + e.getMessage());
        }
        for (CanvassList l : made.created()) {
            audit.record(user.id(), "canvass.list.create", "list:" + l.id(), l.doors() + " people from turf:" + l.turfId());
            canvass.assignments(l.id()).stream().filter(Assignment::active).forEach(a -> audit.record(user.id(), "canvass.list.assign",
                    "list:" + l.id(), "user:" + a.userId() + (a.dueOn() == null ? "" : " due " + a.dueOn())));
        }
        ctx.redirect("/turfs/" + cut.id() + "?made=" + made.created().size() + "&skipped=" + made.skipped());
    }

    private void routes(Context ctx) {
        MapRoutes.requireReadsAllPeople(ctx);
        TurfStore.Cut cut = findCut(ctx);
        List<TurfStore.Turf> all = turfs.turfs(campaignId, cut.id());
        Map<Long, List<double[]>> routes = turfs.routes(campaignId, cut.id());
        ctx.contentType("application/json; charset=utf-8");
        try (JsonGenerator json = new JsonFactory().createGenerator(ctx.outputStream())) {
            json.writeStartObject();
            json.writeArrayFieldStart("turfs");
            for (TurfStore.Turf t : all) {
                json.writeStartObject();
                json.writeNumberField("id", t.id());
                json.writeStringField("name", t.name());
                json.writeNumberField("doors", t.doors());
                json.writeNumberField("routeMetres", Math.round(t.routeMetres()));
                json.writeArrayFieldStart("route");
                for (double[] p : routes.getOrDefault(t.id(), List.of())) {
                    json.writeStartArray();
                    json.writeNumber(p[0]);
                    json.writeNumber(p[1]);
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TurfStore.Cut findCut(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("cut"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        return turfs.cut(campaignId, id).orElseThrow(NotFoundResponse::new);
    }
}
