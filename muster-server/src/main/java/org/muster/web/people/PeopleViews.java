package org.muster.web.people;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.muster.people.Activity;
import org.muster.people.ConsentEntry;
import org.muster.people.ContactCategory;
import org.muster.people.Person;
import org.muster.people.PersonProfile;
import org.muster.people.PersonSummary;
import org.muster.people.PostalAddress;
import org.muster.people.Registration;
import org.muster.voterfile.RegistrationSourceStore;
import org.muster.people.VoteRecord;
import org.muster.web.view.Html;
import org.muster.web.view.Layout;
import org.muster.web.view.PageContext;

/** The people search page, its results table (also served alone to htmx) and the person profile. */
final class PeopleViews {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Html NONE = Html.raw("<span class=\"muted\">—</span>");

    private PeopleViews() {
    }

    static Html searchPage(PageContext page, String query, List<PersonSummary> found) {
        return Layout.page(page, "People", Html.of("""
                <h1>People</h1>
                <p><a href="/people/add" id="add-person">Add person</a></p>
                <form method="get" action="/people" class="searchbar" role="search">
                <input type="search" name="q" value="%s" placeholder="Name, email, phone or street address"
                       aria-label="Search people" autocomplete="off" autofocus
                       hx-get="/people" hx-trigger="input changed delay:250ms, search" hx-target="#results"
                       hx-replace-url="true" hx-indicator="#results">
                <button type="submit">Search</button>
                </form>
                <div id="results" aria-live="polite">%s</div>""", query, results(query, found)));
    }

    static Html results(String query, List<PersonSummary> found) {
        if (query.isEmpty()) {
            return Html.raw("<p class=\"hint\">Type a name (“smith, john”), an email, a phone number or a street "
                    + "address.</p>");
        }
        if (found.isEmpty()) return Html.of("<p class=\"hint\">No one matches “%s”.</p>", query);
        Html rows = found.stream().map(p -> Html.of("""
                <tr><td><a href="/people/%s">%s</a></td><td class="nowrap">%s</td><td>%s</td><td>%s</td>\
                <td class="nowrap">%s</td></tr>
                """, p.id(), p.displayName(), born(p.birthDate(), p.birthYear()), orNone(p.address()), orNone(p.email()),
                orNone(p.phone()))).collect(Html.joining());
        Html more = found.size() < PeopleRoutes.SEARCH_LIMIT ? Html.EMPTY
                : Html.of("<p class=\"hint\">Showing the first %s matches: add words to narrow the search.</p>",
                        PeopleRoutes.SEARCH_LIMIT);
        return Html.of("""
                <table class="people">
                <thead><tr><th>Name</th><th>Born</th><th>Address</th><th>Email</th><th>Phone</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                %s""", rows, more);
    }

    /** @param sources the registrations' original rows as imported, newest first (empty when not to be shown) */
    static Html profilePage(PageContext page, PersonProfile profile, List<RegistrationSourceStore.Stored> sources) {
        Person person = profile.person();
        boolean sensitive = page.user() != null && page.user().role().seesSensitive();
        return Layout.page(page, person.displayName(), Html.of("""
                <nav class="crumbs"><a href="/people">People</a> ›</nav>
                <header class="person-head">
                <h1>%s</h1>
                <p class="facts">%s</p>
                %s
                </header>
                <div class="grid">
                <section class="card"><h2>Contact</h2>%s</section>
                <section class="card"><h2>Consent</h2>%s</section>
                </div>
                <section class="card"><h2>Registrations</h2>%s%s</section>
                <section class="card" id="votes"><h2>Vote history</h2>%s</section>
                %s""", person.displayName(), facts(person), badges(person, profile.tags(), sensitive),
                contact(profile), consent(profile.consent()), registrations(profile.registrations(), sensitive),
                sources(sources), votes(profile.votes(), sensitive), timeline(page, profile)));
    }

    /** The timeline card with its note form; htmx swaps it whole after a note is added. */
    static Html timeline(PageContext page, PersonProfile profile) {
        Html entries = profile.timeline().isEmpty() ? Html.raw("<p class=\"hint\">Nothing recorded yet.</p>")
                : Html.of("<ol class=\"timeline\">%s</ol>", profile.timeline().stream().map(PeopleViews::activity)
                        .collect(Html.joining()));
        String action = "/people/" + profile.person().id() + "/notes";
        return Html.of("""
                <section class="card" id="timeline"><h2>Timeline</h2>
                <form method="post" action="%s" hx-post="%s" hx-target="#timeline" hx-swap="outerHTML" class="note">
                %s<textarea name="note" rows="2" maxlength="%s" placeholder="Add a note" aria-label="Note" required>\
                </textarea><button type="submit">Add note</button>
                </form>
                %s
                </section>""", action, action, Layout.csrfField(page), PeopleRoutes.NOTE_MAX_LENGTH, entries);
    }

    private static Html activity(Activity a) {
        return Html.of("<li><time datetime=\"%s\">%s</time><span class=\"kind\">%s</span> %s "
                + "<span class=\"muted\">%s</span></li>", a.at(), TIME.format(a.at()), a.type(), a.summary(),
                a.actor() == null ? "" : "by " + a.actor());
    }

    private static String facts(Person person) {
        return Stream.of(
                        person.birthYear() == null ? null : "Born " + born(person.birthDate(), person.birthYear()),
                        person.gender() == null ? null : "Gender " + person.gender(),
                        person.contactCategory() == null ? null : category(person.contactCategory()),
                        person.origin() == null ? null : "Source: " + person.origin())
                .filter(s -> s != null).reduce((a, b) -> a + " · " + b).orElse("");
    }

    private static Html badges(Person person, List<String> tags, boolean sensitive) {
        Html secret = !sensitive ? Html.EMPTY : Html.of("%s%s",
                person.party() == null ? Html.EMPTY : Html.of("<span class=\"badge party\">Party %s</span>",
                        person.party()),
                person.supportLevel() == null ? Html.EMPTY
                        : Html.of("<span class=\"badge support-%s\">Support %s · %s</span>", person.supportLevel(),
                                person.supportLevel(), support(person.supportLevel())));
        Html tagList = tags.stream().map(t -> Html.of("<span class=\"tag\">%s</span>", t)).collect(Html.joining());
        return Html.of("<p class=\"badges\">%s%s</p>", secret, tagList);
    }

    private static Html contact(PersonProfile p) {
        return Html.of("<dl class=\"contact\"><dt>Email</dt>%s<dt>Phone</dt>%s<dt>Address</dt>%s</dl>",
                items(p.emails(), s -> s), items(p.phones(), s -> s),
                items(p.addresses(), PeopleViews::address));
    }

    private static <T> Html items(List<T> values, Function<? super T, ?> show) {
        if (values.isEmpty()) return Html.of("<dd>%s</dd>", NONE);
        return values.stream().map(v -> Html.of("<dd>%s</dd>", show.apply(v))).collect(Html.joining());
    }

    private static Html address(PostalAddress a) {
        return Html.of("%s%s", a.oneLine(), a.kind() == null ? Html.EMPTY
                : Html.of(" <span class=\"muted\">(%s)</span>", a.kind().toLowerCase(Locale.ROOT)));
    }

    private static Html consent(List<ConsentEntry> entries) {
        if (entries.isEmpty()) return Html.raw("<p class=\"hint\">No consent recorded for any channel.</p>");
        return table(List.of("Channel", "Status", "Source", "Recorded"), entries.stream().map(c -> Html.of(
                "<td>%s</td><td><span class=\"consent %s\">%s</span></td><td>%s</td><td class=\"nowrap\">%s</td>",
                c.channel(), c.status() == null ? "" : c.status().toLowerCase(Locale.ROOT), c.status(),
                orNone(c.source()), c.recordedAt() == null ? NONE : TIME.format(c.recordedAt()))));
    }

    private static Html registrations(List<Registration> regs, boolean sensitive) {
        if (regs.isEmpty()) return Html.raw("<p class=\"hint\">No voter registration on file.</p>");
        return table(Stream.of("State", "County", "Voter id", "Status", "Registered", sensitive ? "Party" : null,
                        "Precinct", "Ward", "Municipality", "Districts").filter(h -> h != null).toList(),
                regs.stream().map(r -> Html.of("<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"nowrap\">%s"
                                + "</td>%s<td>%s</td><td>%s</td><td>%s</td><td class=\"nowrap\">%s</td>",
                        r.state(), orNone(r.county()), orNone(r.stateVoterId() != null ? r.stateVoterId()
                                : r.registrationId()),
                        status(r), date(r.registeredOn()),
                        sensitive ? Html.of("<td>%s</td>", orNone(r.party())) : Html.EMPTY,
                        orNone(r.precinct()), orNone(r.ward()), orNone(r.municipality()), districts(r))));
    }

    /** The rows as the voter files gave them, folded away: for checking what normalisation did. */
    private static Html sources(List<RegistrationSourceStore.Stored> sources) {
        if (sources.isEmpty()) return Html.EMPTY;
        return Html.of("<details class=\"sources\"><summary>As the voter file gave it</summary>%s</details>",
                sources.stream().map(s -> Html.of("<p class=\"hint\">%s line %s, import %s, %s</p><pre>%s</pre>",
                        s.fileName(), s.line(), s.jobId(), TIME.format(s.at()), s.source())).collect(Html.joining()));
    }

    private static Html status(Registration r) {
        if (r.status() == null) return NONE;
        return Html.of("<span class=\"status status-%s\">%s</span>%s", r.status().toLowerCase(Locale.ROOT),
                r.status(), r.reasonCode() == null ? Html.EMPTY
                        : Html.of(" <span class=\"muted\" title=\"Reason code\">%s</span>", r.reasonCode()));
    }

    private static Html districts(Registration r) {
        Html parts = Stream.of(
                        r.congressionalDistrict() == null ? null : "CD " + r.congressionalDistrict(),
                        r.stateSenateDistrict() == null ? null : "SD " + r.stateSenateDistrict(),
                        r.stateHouseDistrict() == null ? null : "HD " + r.stateHouseDistrict())
                .filter(s -> s != null).map(s -> Html.of("<span class=\"district\">%s</span>", s))
                .collect(Html.joining());
        return parts.equals(Html.EMPTY) ? NONE : parts;
    }

    private static Html votes(List<VoteRecord> votes, boolean sensitive) {
        if (votes.isEmpty()) return Html.raw("<p class=\"hint\">No votes on file.</p>");
        return table(Stream.of("Date", "Election", "Method", sensitive ? "Ballot" : null, "County")
                        .filter(h -> h != null).toList(),
                votes.stream().map(v -> Html.of("<td class=\"nowrap\">%s</td><td>%s</td><td>%s</td>%s<td>%s</td>",
                        date(v.electionDate()), v.electionName(), orNone(v.method()),
                        sensitive ? Html.of("<td>%s</td>", orNone(v.partyBallot())) : Html.EMPTY,
                        orNone(v.county()))));
    }

    private static Html table(List<String> headings, Stream<Html> rows) {
        return Html.of("<table><thead><tr>%s</tr></thead><tbody>%s</tbody></table>",
                headings.stream().map(h -> Html.of("<th>%s</th>", h)).collect(Html.joining()),
                rows.map(r -> Html.of("<tr>%s</tr>", r)).collect(Html.joining()));
    }

    private static Object orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    private static Object date(LocalDate date) {
        return date == null ? NONE : DATE.format(date);
    }

    /** The full birth date where known; voter files often publish only the year. */
    private static Object born(LocalDate date, Integer year) {
        return date != null || year == null ? date(date) : year;
    }

    private static String category(ContactCategory category) {
        return switch (category) {
            case MEMBER -> "Member";
            case REGULAR_CONTACT -> "Regular contact";
            case OCCASIONAL_CONTACT -> "Occasional contact";
            case PROSPECT -> "Prospect";
        };
    }

    private static String support(int level) {
        return switch (level) {
            case 1 -> "strong support";
            case 2 -> "leaning support";
            case 3 -> "undecided";
            case 4 -> "leaning against";
            case 5 -> "strong opposition";
            default -> "unknown";
        };
    }
}
