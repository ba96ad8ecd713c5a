package org.muster.web.canvass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.muster.account.AuditLog;
import org.muster.account.User;
import org.muster.canvass.Assignment;
import org.muster.canvass.CanvassList;
import org.muster.canvass.CanvassStore;
import org.muster.canvass.Door;
import org.muster.canvass.ListKind;
import org.muster.canvass.NewContact;
import org.muster.canvass.ResultCode;
import org.muster.canvass.Script;
import org.muster.canvass.Submission;
import org.muster.canvass.SubmissionResult;
import org.muster.identity.CanvassContacts;
import org.muster.identity.PersonLinker;
import org.muster.store.Database;
import org.muster.web.security.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canvassing app: its shell, manifest and service worker, and the JSON API it syncs with. New people met at the
 * door are linked through the matcher in the background once their result is in. A volunteer reads
 * only the lists assigned to them (403 otherwise, and from the moment a list is taken back); results come in
 * batches, each with the id the phone gave it, and each gets its own outcome back.
 */
public final class CanvassAppRoutes {

    /** Paths served without a login: the browser fetches them outside any page (install, service worker update). */
    public static final List<String> PUBLIC_PATHS = List.of("/canvass/sw.js", "/canvass/manifest.webmanifest");
    static final int MAX_BATCH = 200;
    private static final Duration CALL_LEASE = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(CanvassAppRoutes.class);

    private final CanvassStore store;
    private final AuditLog audit;
    private final Authentication auth;
    private final ListAccess access;
    private final long campaignId;
    private final CanvassContacts contacts;
    /** Linking new people runs here, one run at a time, so a phone's sync never waits for the matcher. */
    private final ExecutorService linking = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("canvass-contacts").factory());

    public CanvassAppRoutes(Database db, Authentication auth, long campaignId, PersonLinker linker) {
        this.store = db.canvass();
        this.audit = db.audit();
        this.auth = auth;
        this.access = new ListAccess(store, campaignId);
        this.campaignId = campaignId;
        this.contacts = new CanvassContacts(linker, store);
    }

    public void register(Javalin app) {
        app.get("/canvass/app", ctx -> ctx.html(CanvassViews.appShell(auth.page(ctx)).toString()));
        app.get("/canvass/sw.js", ctx -> resource(ctx, "sw.js", "text/javascript"));
        app.get("/canvass/manifest.webmanifest", ctx -> resource(ctx, "manifest.webmanifest", "application/manifest+json"));
        app.get("/canvass/api/lists", this::assignedLists);
        app.get("/canvass/api/lists/{id}", this::download);
        app.post("/canvass/api/results", this::results);
        app.post("/canvass/api/lists/{id}/next", this::next);
        app.post("/canvass/api/lists/{id}/skip", this::skip);
        app.events(events -> {
            events.serverStarted(this::linkNewPeople);  // any left pending when the server last stopped
            events.serverStopping(linking::shutdownNow);
        });
    }

    /** New people met at the door, through the matcher, in the background; the canvassing overview lists those waiting. */
    private void linkNewPeople() {
        try {
            linking.execute(() -> {
                try {
                    contacts.linkPending(campaignId);
                } catch (RuntimeException e) {
                    LOG.warn("New people met while canvassing could not be linked now; they stay pending", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // The server is stopping: they stay pending until the next start.
        }
    }

    /** A file of the app; {@code __LEAFLET__} in it becomes the path of the Leaflet webjar the server ships. */
    private static void resource(Context ctx, String name, String type) {
        try (InputStream in = CanvassAppRoutes.class.getResourceAsStream("/web/canvass/" + name)) {
            if (in == null) throw new NotFoundResponse();
            // Revalidated every time: a new service worker must reach phones at their next visit.
            ctx.header("Cache-Control", "no-cache");
            ctx.contentType(type).result(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("__LEAFLET__", CanvassViews.leafletPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assignedLists(Context ctx) {
        User user = Authentication.user(ctx);
        List<Map<String, Object>> lists = new ArrayList<>();
        for (CanvassList l : store.assignedLists(campaignId, user.id())) {
            Optional<Assignment> mine = store.assignments(l.id()).stream().filter(a -> a.active() && a.userId() == user.id()).findFirst();
            lists.add(ordered("id", l.id(), "name", l.name(), "kind", l.kind().name(), "doors", l.doors(), "done", l.done(),
                    "dueOn", mine.map(a -> a.dueOn() == null ? null : a.dueOn().toString()).orElse(null)));
        }
        ctx.json(ordered("user", user.displayName(), "lists", lists));
    }

    /** A list with its script and people, for the phone to keep offline: audited, it is an export to a device. */
    private void download(Context ctx) {
        CanvassList list = access.readable(ctx);
        User user = Authentication.user(ctx);
        Script script = store.script(campaignId, list.scriptId()).orElseThrow().script();
        List<Door> doors = list.kind() == ListKind.WALK ? store.doors(list.id()) : List.of();
        audit.record(user.id(), "canvass.list.download", "list:" + list.id(), doors.size() + " people to the canvassing app");
        List<Map<String, Object>> questions = script.questions().stream().map(q -> ordered("prompt", q.prompt(), "answers",
                q.answers().stream().map(a -> ordered("label", a.label(), "next", a.next())).toList())).toList();
        List<Map<String, Object>> codes = Arrays.stream(ResultCode.values())
                .map(c -> ordered("code", c.name(), "label", c.label(), "contact", c.contact())).toList();
        ctx.json(ordered("id", list.id(), "name", list.name(), "kind", list.kind().name(),
                "script", ordered("intro", script.intro(), "questions", questions), "resultCodes", codes,
                "doors", doors.stream().map(CanvassAppRoutes::door).toList()));
    }

    private static Map<String, Object> door(Door d) {
        return ordered("position", d.position(), "personId", d.personId(), "name", d.name(), "address", d.address(),
                "phone", d.phone(), "open", d.open(), "resultCode", d.resultCode(), "lat", d.latitude(), "lon", d.longitude());
    }

    /** A batch of results; a malformed one is answered INVALID with the reason and does not stop the others. */
    private void results(Context ctx) {
        User user = Authentication.user(ctx);
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("The body is not JSON: " + e.getOriginalMessage());
        }
        JsonNode items = body == null ? null : body.get("results");
        if (items == null || !items.isArray()) throw new BadRequestResponse("The body needs a \"results\" array.");
        if (items.size() > MAX_BATCH) throw new BadRequestResponse("At most " + MAX_BATCH + " results per request.");
        List<Map<String, Object>> out = new ArrayList<>();
        boolean newPeople = false;
        for (JsonNode item : items) {
            String id = item.path("id").asText("");
            try {
                Submission submission = submission(item);
                SubmissionResult r = store.submit(campaignId, user, submission);
                newPeople |= submission.newContact() != null && !r.repeat();
                out.add(ordered("id", id, "outcome", r.outcome().name(), "message", r.outcome().message(), "repeat", r.repeat()));
            } catch (IllegalArgumentException e) {
                out.add(ordered("id", id, "outcome", "INVALID", "message", "Not saved: " + e.getMessage(), "repeat", false));
            }
        }
        if (newPeople) linkNewPeople();
        ctx.json(ordered("results", out));
    }

    private static Submission submission(JsonNode item) {
        Map<Integer, Integer> answers = new HashMap<>();
        JsonNode a = item.path("answers");
        if (!a.isMissingNode() && !a.isNull() && !a.isObject()) throw new IllegalArgumentException("answers must be an object");
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("\\d{1,3}") || !e.getValue().canConvertToInt()) {
                throw new IllegalArgumentException("answer '" + e.getKey() + "' is not a question number with an answer number");
            }
            answers.put(Integer.parseInt(e.getKey()), e.getValue().asInt());
        }
        JsonNode p = item.path("newPerson");
        NewContact contact = p.isObject() ? new NewContact(text(p, "firstName"), text(p, "lastName"), text(p, "phone"),
                text(p, "email"), text(p, "address")) : null;
        JsonNode recorded = item.path("recordedAt");
        return new Submission(item.path("id").asText(null), number(item, "listId"),
                item.hasNonNull("personId") ? number(item, "personId") : null, ResultCode.parse(item.path("code").asText(null)),
                answers, text(item, "note"), recorded.canConvertToLong() ? Instant.ofEpochMilli(recorded.asLong()) : null, contact);
    }

    private static long number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.canConvertToLong()) throw new IllegalArgumentException(field + " must be a number");
        return v.asLong();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    /** Phone bank: the next person to call, leased to this caller. */
    private void next(Context ctx) {
        CanvassList list = access.readable(ctx);
        User user = Authentication.user(ctx);
        Optional<Door> door = store.claimNext(list.id(), user.id(), CALL_LEASE);
        door.ifPresent(d -> audit.record(user.id(), "canvass.call.claim", "list:" + list.id(), "person:" + d.personId()));
        ctx.json(door.<Map<String, Object>>map(d -> ordered("door", door(d))).orElse(ordered("done", true)));
    }

    private void skip(Context ctx) {
        CanvassList list = access.readable(ctx);
        long personId;
        try {
            personId = number(JSON.readTree(ctx.body()), "personId");
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new BadRequestResponse("The body needs a numeric \"personId\".");
        }
        ctx.json(ordered("skipped", store.skip(list.id(), personId, Authentication.user(ctx).id())));
    }

    /** A JSON object with its keys in the order given (nulls allowed, unlike Map.of). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }
}
