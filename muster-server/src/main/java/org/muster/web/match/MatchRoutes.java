package org.muster.web.match;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.muster.account.AuditLog;
import org.muster.account.User;
import org.muster.identity.LinkResult;
import org.muster.identity.MatchStore;
import org.muster.identity.MergeRecord;
import org.muster.identity.PersonLinker;
import org.muster.identity.ReviewItem;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PersonProfile;
import org.muster.people.PersonStore;
import org.muster.people.PostalAddress;
import org.muster.store.Database;
import org.muster.store.JooqMatchStore;
import org.muster.voterfile.Phones;
import org.muster.web.security.Authentication;
import org.muster.web.view.Layout;

/** Review queue, pair decisions, merges with undo, and "Add person" through the linker. */
public final class MatchRoutes {

    static final int QUEUE_SHOWN = 100;
    static final int MERGES_SHOWN = 100;
    /** Longest value accepted in any field of the Add person form. */
    static final int MAX_FIELD = 200;

    private final MatchStore store;
    private final PersonStore people;
    private final PersonLinker linker;
    private final AuditLog audit;
    private final Authentication auth;
    private final long campaignId;

    public MatchRoutes(Database db, Authentication auth, long campaignId) {
        this.store = new JooqMatchStore(db);
        this.people = db.people();
        this.linker = new PersonLinker(store, people);
        this.audit = db.audit();
        this.auth = auth;
        this.campaignId = campaignId;
    }

    /** The server's linker: every feature that meets a new person (forms, API, canvassing) goes through it. */
    public PersonLinker linker() {
        return linker;
    }

    public void register(Javalin app) {
        app.get("/duplicates", this::queue);
        app.get("/duplicates/merges", this::merges);
        app.get("/duplicates/{id}", this::pair);
        app.post("/duplicates/{id}/merge", this::merge);
        app.post("/duplicates/{id}/reject", this::reject);
        app.post("/duplicates/merges/{id}/undo", this::undo);
        app.get("/people/add", this::addForm);
        app.post("/people/add", this::add);
    }

    private void queue(Context ctx) {
        requireReadsAllPeople(ctx);
        List<ReviewItem> items = store.openReviews(campaignId, QUEUE_SHOWN);
        String notice = ctx.queryParam("merged") != null ? "Merged. A merge can be undone from the Merges list."
                : ctx.queryParam("rejected") != null ? "Recorded as two different people: this pair will not be proposed again."
                : null;
        java.util.function.LongFunction<String> names = names(items.stream()
                .flatMapToLong(i -> java.util.stream.LongStream.of(i.leftPersonId(), i.rightPersonId())).toArray());
        ctx.html(MatchViews.queuePage(auth.page(ctx), items, store.countOpen(campaignId), notice, names).toString());
    }

    private void pair(Context ctx) {
        User user = requireReadsAllPeople(ctx);
        ReviewItem item = item(ctx);
        PersonProfile left = people.profile(campaignId, item.leftPersonId()).orElse(null);
        PersonProfile right = people.profile(campaignId, item.rightPersonId()).orElse(null);
        // two profiles shown, two profile reads, as on the profile page
        for (PersonProfile p : new PersonProfile[] {left, right}) {
            if (p != null) audit.record(user.id(), "person.read", "person:" + p.person().id(), "review item " + item.id());
        }
        ctx.html(MatchViews.pairPage(auth.page(ctx), item, left, right).toString());
    }

    private void merge(Context ctx) {
        User user = requireReadsAllPeople(ctx);
        ReviewItem item = item(ctx);
        long keep = parseId(ctx.formParam("keep"), "keep");
        if (keep != item.leftPersonId() && keep != item.rightPersonId()) {
            throw new BadRequestResponse("The person to keep must be one of the pair (" + item.leftPersonId() + " or "
                    + item.rightPersonId() + ").");
        }
        long other = keep == item.leftPersonId() ? item.rightPersonId() : item.leftPersonId();
        MergeRecord merge = decided(() -> store.merge(campaignId, keep, other, item.id(), user.id()));
        ctx.redirect("/duplicates?merged=" + merge.id());
    }

    private void reject(Context ctx) {
        User user = requireReadsAllPeople(ctx);
        ReviewItem item = item(ctx);
        decided(() -> {
            store.reject(campaignId, item.id(), user.id());
            return null;
        });
        ctx.redirect("/duplicates?rejected=" + item.id());
    }

    private void merges(Context ctx) {
        requireReadsAllPeople(ctx);
        String notice = ctx.queryParam("undone") != null ? "Merge undone: both people are as they were before it." : null;
        List<MergeRecord> merges = store.merges(campaignId, MERGES_SHOWN);
        ctx.html(MatchViews.mergesPage(auth.page(ctx), merges, notice,
                names(merges.stream().mapToLong(MergeRecord::survivorId).toArray())).toString());
    }

    private void undo(Context ctx) {
        User user = requireReadsAllPeople(ctx);
        long id = parseId(ctx.pathParam("id"), "merge");
        store.mergeRecord(campaignId, id).orElseThrow(() -> new NotFoundResponse("There is no merge " + id + "."));
        decided(() -> store.undo(campaignId, id, user.id()));
        ctx.redirect("/duplicates/merges?undone=" + id);
    }

    private void addForm(Context ctx) {
        requireReadsAllPeople(ctx);
        ctx.html(MatchViews.addPage(auth.page(ctx), Map.of(), null, null).toString());
    }

    private void add(Context ctx) {
        requireReadsAllPeople(ctx);
        Map<String, String> form = MatchViews.ADD_FIELDS.stream().collect(java.util.stream.Collectors.toMap(
                f -> f, f -> Objects.requireNonNullElse(ctx.formParam(f), "").strip()));
        NewPerson person;
        try {
            person = newPerson(form);
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            ctx.html(MatchViews.addPage(auth.page(ctx), form, e.getMessage(), null).toString());
            return;
        }
        LinkResult result = linker.link(campaignId, person, "form");
        ctx.html(MatchViews.addPage(auth.page(ctx), Map.of(), null,
                new MatchViews.Linked(result, name(result.personId()))).toString());
    }

    /** The person the form describes; an {@link IllegalArgumentException} names the field that is wrong. */
    static NewPerson newPerson(Map<String, String> form) {
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (e.getValue().length() > MAX_FIELD) {
                throw new IllegalArgumentException(MatchViews.label(e.getKey()) + " is longer than " + MAX_FIELD + " characters.");
            }
        }
        if (form.get("first").isEmpty() && form.get("last").isEmpty()) {
            throw new IllegalArgumentException("Give at least a first or a last name.");
        }
        LocalDate birth = null;
        if (!form.get("birth").isEmpty()) {
            try {
                birth = LocalDate.parse(form.get("birth"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Birth date: write it as YYYY-MM-DD (e.g. 1981-04-12).");
            }
            if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1880) {
                throw new IllegalArgumentException("Birth date: " + birth + " is not a plausible birth date.");
            }
        }
        String email = form.get("email");
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("Email: “" + email + "” is not an email address.");
        }
        String phone = null;
        if (!form.get("phone").isEmpty()) {
            phone = Phones.e164(form.get("phone"), "US");
            if (phone == null) throw new IllegalArgumentException("Phone: “" + form.get("phone") + "” is not a phone number.");
        }
        List<PostalAddress> addresses = form.get("street").isEmpty() && form.get("zip").isEmpty() ? List.of()
                : List.of(new PostalAddress("home", orNull(form.get("street")), null, orNull(form.get("city")),
                        orNull(form.get("state")), orNull(form.get("zip")), "US", null, null));
        return new NewPerson(orNull(form.get("first")), null, orNull(form.get("last")), null, birth, null, null, null,
                null, ContactCategory.PROSPECT, "Added by hand", null, email.isEmpty() ? List.of() : List.of(email),
                phone == null ? List.of() : List.of(phone), addresses, List.of(), List.of(), List.of());
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** Display names of many people in a few queries (a page lists up to 200), for {@link #name} otherwise. */
    private java.util.function.LongFunction<String> names(long[] personIds) {
        Map<Long, String> names = new java.util.HashMap<>();
        store.scan(campaignId, java.util.Arrays.stream(personIds).distinct().toArray(), p -> names.put(p.id(),
                String.join(" ", java.util.stream.Stream.of(p.firstName(), p.lastName()).filter(Objects::nonNull).toList())));
        return id -> names.getOrDefault(id, "(person " + id + ", merged away)");
    }

    /** The display name of a person, or a note that they are gone (merged away since). */
    private String name(long personId) {
        return people.profile(campaignId, personId).map(p -> p.person().displayName())
                .orElse("(person " + personId + ", merged away)");
    }

    private ReviewItem item(Context ctx) {
        long id = parseId(ctx.pathParam("id"), "review item");
        return store.review(campaignId, id).orElseThrow(() -> new NotFoundResponse("There is no review item " + id + "."));
    }

    private static long parseId(String value, String what) {
        try {
            return Long.parseLong(Objects.requireNonNullElse(value, ""));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("“" + value + "” is not a " + what + " number.");
        }
    }

    /** Runs a decision; one already taken (by someone else meanwhile) or impossible is a clear 409. */
    private static <T> T decided(java.util.function.Supplier<T> decision) {
        try {
            return decision.get();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ConflictResponse(e.getMessage());
        }
    }

    private static User requireReadsAllPeople(Context ctx) {
        User user = Authentication.user(ctx);
        if (!user.role().readsAllPeople()) {
            throw new ForbiddenResponse("As a " + Layout.roleName(user.role()).toLowerCase()
                    + " you cannot review duplicates or add people here: that is for organisers and admins.");
        }
        return user;
    }
}
