package org.muster.web.people;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.muster.account.AuditLog;
import org.muster.account.User;
import org.muster.people.PersonProfile;
import org.muster.people.PersonStore;
import org.muster.people.Registration;
import org.muster.voterfile.RegistrationSourceStore;
import org.muster.people.PersonSummary;
import org.muster.web.security.Authentication;
import org.muster.web.view.Layout;

/** People search, profile and notes. Thin: the store does the work, this checks roles and picks the view. */
public final class PeopleRoutes {

    static final int SEARCH_LIMIT = 50;
    static final int NOTE_MAX_LENGTH = 2000;

    private final PersonStore people;
    /** Source rows shown per registration: the latest few imports that changed it. */
    private static final int SOURCES_SHOWN = 3;
    private final AuditLog audit;
    private final Authentication auth;
    private final long campaignId;
    private final RegistrationSourceStore sources;

    /** @param sources the registrations' original values as imported, shown to roles that see sensitive data */
    public PeopleRoutes(PersonStore people, RegistrationSourceStore sources, AuditLog audit, Authentication auth,
                        long campaignId) {
        this.people = people;
        this.sources = sources;
        this.audit = audit;
        this.auth = auth;
        this.campaignId = campaignId;
    }

    public void register(Javalin app) {
        app.get("/", ctx -> ctx.redirect(Authentication.user(ctx).role().readsAllPeople() ? "/people" : "/canvass/app"));
        app.get("/people", this::search);
        app.get("/people/{id}", this::profile);
        app.post("/people/{id}/notes", this::addNote);
    }

    private void search(Context ctx) {
        requireReadsAllPeople(ctx);
        String query = Objects.requireNonNullElse(ctx.queryParam("q"), "").strip();
        List<PersonSummary> found = query.isEmpty() ? List.of() : people.search(campaignId, query, SEARCH_LIMIT);
        // htmx asks for the results table only, except when restoring history, which needs the whole page.
        boolean fragment = ctx.header("HX-Request") != null && ctx.header("HX-History-Restore-Request") == null;
        ctx.header("Vary", "HX-Request");
        ctx.html((fragment ? PeopleViews.results(query, found)
                : PeopleViews.searchPage(auth.page(ctx), query, found)).toString());
    }

    private void profile(Context ctx) {
        User user = requireReadsAllPeople(ctx);
        PersonProfile profile = find(ctx);
        audit.record(user.id(), "person.read", "person:" + profile.person().id(), null);
        List<RegistrationSourceStore.Stored> original = new ArrayList<>();
        if (user.role().seesSensitive()) {
            for (Registration r : profile.registrations()) {
                original.addAll(sources.history(campaignId, r.state(), r.registrationId(), SOURCES_SHOWN));
            }
        }
        ctx.html(PeopleViews.profilePage(auth.page(ctx), profile, original).toString());
    }

    private void addNote(Context ctx) {
        User user = requireReadsAllPeople(ctx);
        PersonProfile profile = find(ctx);
        String note = Objects.requireNonNullElse(ctx.formParam("note"), "").strip();
        if (note.isEmpty() || note.length() > NOTE_MAX_LENGTH) {
            throw new BadRequestResponse("A note must have between 1 and " + NOTE_MAX_LENGTH + " characters.");
        }
        long personId = profile.person().id();
        people.addActivity(personId, "note", note, user.displayName());
        if (ctx.header("HX-Request") != null) {
            PersonProfile updated = people.profile(campaignId, personId).orElseThrow();
            ctx.html(PeopleViews.timeline(auth.page(ctx), updated).toString());
        } else {
            ctx.redirect("/people/" + personId);  // post/redirect/get: a reload does not post the note twice
        }
    }

    /** Scoped to the served campaign: another campaign's person is as unknown as a made-up id. */
    private PersonProfile find(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        return people.profile(campaignId, id).orElseThrow(NotFoundResponse::new);
    }

    private static User requireReadsAllPeople(Context ctx) {
        User user = Authentication.user(ctx);
        if (!user.role().readsAllPeople()) {
            throw new ForbiddenResponse("As a " + Layout.roleName(user.role()).toLowerCase()
                    + " you cannot search or open the whole people database. Volunteers and poll watchers will see "
                    + "the people of the turf assigned to them; that arrives in a coming release.");
        }
        return user;
    }
}
