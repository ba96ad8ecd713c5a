package org.muster.web.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.people.ContactCategory;
import org.muster.people.Person;
import org.muster.people.PersonProfile;
import org.muster.people.Registration;
import org.muster.people.VoteRecord;
import org.muster.web.view.PageContext;

/** Sensitive fields depend on the viewer's role; no role may open profiles yet without them, so test the view. */
class PeopleViewsTest {

    private final PersonProfile profile = new PersonProfile(
            new Person(7, 1, "Ada", null, "Lovelace", null, LocalDate.of(1985, 12, 10), 1985, "F", "GRN", 4, null,
                    ContactCategory.PROSPECT, "web"),
            List.of(), List.of(), List.of(),
            List.of(new Registration("NC", "R1", "V1", "WAKE", "A", null, null, "LIB", "01", null, null, null,
                    null, null)),
            List.of(new VoteRecord(LocalDate.of(2024, 3, 5), "PRIMARY 2024", "EARLY", "REP", "WAKE")),
            List.of(), List.of(), List.of());

    @Test
    void sensitiveFieldsAreShownToOrganisers() {
        assertThat(render(Role.ORGANISER)).contains("Party GRN", "Support 4", "LIB", "REP");
    }

    @Test
    void sensitiveFieldsAreHiddenFromRolesThatDoNotSeeThem() {
        assertThat(Role.VOLUNTEER.seesSensitive()).isFalse();
        assertThat(render(Role.VOLUNTEER)).contains("PRIMARY 2024")
                .doesNotContain("GRN", "Support", "LIB", "REP", "Party");
    }

    private String render(Role role) {
        User viewer = new User(1, 1, "v@example.org", "Viewer", role, true);
        return PeopleViews.profilePage(new PageContext("Campaign", viewer, "token"), profile, List.of()).toString();
    }
}
