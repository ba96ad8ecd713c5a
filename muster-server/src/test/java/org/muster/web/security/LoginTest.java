package org.muster.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.web.WebClient.form;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.account.AuditLog;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.web.BothServersTest;
import org.muster.web.ServerFixture;
import org.muster.web.WebClient;
import org.muster.web.WebClient.Response;

class LoginTest extends BothServersTest {

    @ParameterizedTest
    @MethodSource("servers")
    void loginStartsANewSessionAndIsAudited(ServerFixture f) {
        User user = f.user(Role.ORGANISER);
        WebClient client = f.client();
        client.get("/login");
        String anonymousSession = client.sessionCookie();

        Response login = client.logIn(user.email(), ServerFixture.PASSWORD);

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).isEqualTo("/");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("muster_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(client.sessionCookie()).isNotNull().isNotEqualTo(anonymousSession);
        Response people = client.get("/people");
        assertThat(people.status()).isEqualTo(200);
        assertThat(people.body()).contains(user.displayName()).contains("Log out");
        assertThat(lastAudit(f, user.email()).action()).isEqualTo("login.success");
        assertThat(lastAudit(f, user.email()).userId()).isEqualTo(user.id());
    }

    @ParameterizedTest
    @MethodSource("servers")
    void wrongPasswordAndUnknownUserGetTheSameMessage(ServerFixture f) {
        User user = f.user(Role.ORGANISER);

        Response wrong = f.client().logIn(user.email(), "not the password");
        Response unknown = f.client().logIn("nobody@example.org", ServerFixture.PASSWORD);

        for (Response r : List.of(wrong, unknown)) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).contains("Wrong email or password.");
        }
        assertThat(lastAudit(f, user.email()).action()).isEqualTo("login.failure");
        assertThat(lastAudit(f, "nobody@example.org").action()).isEqualTo("login.failure");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void userOfAnotherCampaignCannotLogIn(ServerFixture f) {
        User other = f.db.users().create(f.otherCampaign.id(), "rival@example.org", "Rival", Role.ADMIN,
                ServerFixture.PASSWORD.toCharArray());

        assertThat(f.client().logIn(other.email(), ServerFixture.PASSWORD).body())
                .contains("Wrong email or password.");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void pagesNeedALoginAndComeBackAfterIt(ServerFixture f) {
        WebClient client = f.client();

        Response people = client.get("/people?q=ada");
        assertThat(people.status()).isEqualTo(302);
        assertThat(people.location()).isEqualTo("/login?next=%2Fpeople%3Fq%3Dada");
        Response htmx = client.get("/people?q=ada", "HX-Request", "true");
        assertThat(htmx.status()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("HX-Redirect")).hasValue("/login");

        String token = client.csrfToken("/login?next=%2Fpeople%3Fq%3Dada");
        Response login = client.post("/login", form("email", f.user(Role.ADMIN).email(),
                "password", ServerFixture.PASSWORD, "next", "/people?q=ada", "_csrf", token));
        assertThat(login.location()).isEqualTo("/people?q=ada");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void nextNeverRedirectsOffSite(ServerFixture f) {
        WebClient client = f.client();
        String token = client.csrfToken("/login");
        Response login = client.post("/login", form("email", f.user(Role.ADMIN).email(),
                "password", ServerFixture.PASSWORD, "next", "//evil.example/", "_csrf", token));
        assertThat(login.location()).isEqualTo("/");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void logoutEndsTheSessionAndNeedsTheCsrfToken(ServerFixture f) {
        WebClient client = f.loggedIn(Role.ORGANISER);

        Response forged = client.post("/logout", form());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("did not come from this site");
        Response wrongToken = client.post("/logout", form("_csrf", "guess"));
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(client.get("/people").status()).as("still logged in").isEqualTo(200);

        Response logout = client.post("/logout", form("_csrf", client.csrfToken("/people")));
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location()).isEqualTo("/login");
        assertThat(client.get("/people").status()).isEqualTo(302);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void loginWithoutCsrfTokenIsRefused(ServerFixture f) {
        User user = f.user(Role.ADMIN);
        WebClient client = f.client();
        client.get("/login");

        Response r = client.post("/login", form("email", user.email(), "password", ServerFixture.PASSWORD));

        assertThat(r.status()).isEqualTo(403);
        assertThat(client.get("/people").status()).as("not logged in").isEqualTo(302);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void fiveFailuresLockTheAccountEvenForTheRightPassword(ServerFixture f) {
        User user = f.user(Role.ORGANISER);
        WebClient client = f.client();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            assertThat(client.logIn(user.email(), "guess " + i).status()).isEqualTo(401);
        }

        Response locked = client.logIn(user.email(), ServerFixture.PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed attempts. Try again in 15 minutes.");
        assertThat(lastAudit(f, user.email()).action()).isEqualTo("login.throttled");
    }

    private static AuditLog.Entry lastAudit(ServerFixture f, String target) {
        return f.db.audit().recent(100).stream().filter(e -> target.equals(e.target())).findFirst().orElseThrow();
    }
}
