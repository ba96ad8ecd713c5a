package org.muster.web.maps;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.muster.account.User;
import org.muster.geo.GeoJsonShapes;
import org.muster.geo.Home;
import org.muster.geo.HomeStore;
import org.muster.geo.PrecinctMeasure;
import org.muster.geo.PrecinctShape;
import org.muster.geo.PrecinctShapeStore;
import org.muster.segment.Filter;
import org.muster.segment.SegmentIndex;
import org.muster.segment.SegmentParseException;
import org.muster.segment.SegmentResolver;
import org.muster.segment.SegmentParser;
import org.muster.web.security.Authentication;
import org.muster.web.view.Layout;

/** The map page and its data: precinct shapes with a measure per precinct, and sampled address points. */
public final class MapRoutes {

    /** Points drawn at most: beyond this a segment is shown as an even sample of its people (and says so). */
    static final int MAX_POINTS = 5_000;
    /** A tile server is optional; its URL template comes from the environment, e.g. https://tile.example/{z}/{x}/{y}.png */
    static final String TILE_URL_VARIABLE = "MUSTER_MAP_TILE_URL";

    private final PrecinctShapeStore shapes;
    private final HomeStore homes;
    private final Supplier<SegmentIndex> index;
    private final Supplier<SegmentResolver> resolver;
    private final Authentication auth;
    private final long campaignId;
    private final String tileUrl;

    public MapRoutes(PrecinctShapeStore shapes, HomeStore homes, Supplier<SegmentIndex> index,
                     Supplier<SegmentResolver> resolver, Authentication auth, long campaignId) {
        this.shapes = shapes;
        this.homes = homes;
        this.index = index;
        this.resolver = resolver;
        this.auth = auth;
        this.campaignId = campaignId;
        this.tileUrl = Objects.requireNonNullElse(System.getenv(TILE_URL_VARIABLE), "").strip();
    }

    public void register(Javalin app) {
        app.get("/maps", this::page);
        app.get("/maps/precincts.json", this::precincts);
        app.get("/maps/points.json", this::points);
    }

    private void page(Context ctx) {
        requireReadsAllPeople(ctx);
        if (!tileUrl.isEmpty()) {
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: " + tileSource(tileUrl)
                    + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
        }
        ctx.html(MapViews.page(auth.page(ctx), shapes.count(campaignId), tileUrl).toString());
    }

    private void precincts(Context ctx) {
        requireReadsAllPeople(ctx);
        PrecinctMeasure measure = measure(ctx.queryParam("measure"));
        String argument = measure == PrecinctMeasure.TURNOUT ? ctx.queryParam("election")
                : measure == PrecinctMeasure.CONTACT ? ctx.queryParam("days") + "," + Objects.requireNonNullElse(ctx.queryParam("type"), "")
                : null;
        Map<String, PrecinctMeasure.Value> values;
        try {
            values = measure.compute(index.get(), segment(ctx), argument, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        List<PrecinctShape> all = shapes.list(campaignId);
        writeJson(ctx, json -> {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeStringField("measure", measure.name().toLowerCase(Locale.ROOT));
            json.writeStringField("label", measure.label() + (argument == null ? "" : " (" + argument.strip()
                    .replace(",", " days, ").replaceAll(", $", "") + ")"));
            json.writeArrayFieldStart("features");
            for (PrecinctShape s : all) {
                PrecinctMeasure.Value v = values.get(s.precinct());
                json.writeStartObject();
                json.writeStringField("type", "Feature");
                json.writeObjectFieldStart("properties");
                json.writeStringField("precinct", s.precinct());
                json.writeStringField("name", s.name());
                json.writeStringField("county", s.county());
                if (v == null) {
                    json.writeNullField("value");
                } else {
                    json.writeNumberField("value", v.value());
                    json.writeNumberField("numerator", v.numerator());
                    json.writeNumberField("denominator", v.denominator());
                }
                json.writeEndObject();
                json.writeFieldName("geometry");
                GeoJsonShapes.write(json, s.geometry());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private void points(Context ctx) {
        requireReadsAllPeople(ctx);
        Filter filter = segment(ctx);
        if (filter == null) throw new BadRequestResponse("Address points need a segment filter.");
        long[] ids = index.get().ids(filter, Instant.now());
        long[] shown = evenSample(ids, MAX_POINTS);
        List<Home> found = homes.homes(campaignId, shown);
        writeJson(ctx, json -> {
            json.writeStartObject();
            json.writeNumberField("people", ids.length);
            json.writeNumberField("sampled", shown.length);
            json.writeBooleanField("sample", shown.length < ids.length);
            json.writeArrayFieldStart("points");
            for (Home h : found) {
                json.writeStartArray();
                json.writeNumber(h.latitude());
                json.writeNumber(h.longitude());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /**
     * The CSP source of a tile URL template: the page may load images from the tile server too, nothing more.
     * A {s} subdomain (a.tile..., b.tile...) becomes a wildcard.
     */
    static String tileSource(String template) {
        URI tiles = URI.create(template.replace("{s}", "s").replaceAll("\\{[a-z]+}", "0"));
        String host = template.contains("//{s}.") ? "*" + tiles.getAuthority().substring(1) : tiles.getAuthority();
        return tiles.getScheme() + "://" + host;
    }

    /** Every k-th id: person ids carry no geography, so an even stride is an unbiased spatial sample. */
    static long[] evenSample(long[] ids, int max) {
        if (ids.length <= max) return ids;
        long[] out = new long[max];
        for (int i = 0; i < max; i++) out[i] = ids[(int) ((long) i * ids.length / max)];
        return out;
    }

    private Filter segment(Context ctx) {
        String text = Objects.requireNonNullElse(ctx.queryParam("filter"), "").strip();
        if (text.isEmpty()) return null;
        try {
            return resolver.get().resolve(SegmentParser.parse(text));
        } catch (SegmentParseException e) {
            throw new BadRequestResponse("The filter does not parse, " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    private static PrecinctMeasure measure(String name) {
        try {
            return PrecinctMeasure.valueOf(Objects.requireNonNullElse(name, "density").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Unknown measure '" + name + "': use density, turnout, support or contact.");
        }
    }

    private interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    private static void writeJson(Context ctx, JsonBody body) {
        ctx.contentType("application/json; charset=utf-8");
        try (JsonGenerator json = new JsonFactory().createGenerator(ctx.outputStream())) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Maps and turf cutting show the whole database by precinct and address, so only roles that read all people
     * use them (volunteers will see their assigned turf through walk lists instead).
     */
    public static User requireReadsAllPeople(Context ctx) {
        User user = Authentication.user(ctx);
        if (!user.role().readsAllPeople()) {
            throw new ForbiddenResponse("As a " + Layout.roleName(user.role()).toLowerCase(Locale.ROOT)
                    + " you cannot see maps or turfs of the whole people database.");
        }
        return user;
    }
}
