package org.muster.web.security;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.muster.account.AuditLog;
import org.muster.account.User;
import org.muster.account.UserStore;

/** Login and logout. Every outcome is audited; failures all read the same so they reveal no accounts. */
public final class LoginRoutes {

    static final String WRONG_CREDENTIALS = "Wrong email or password.";

    private final UserStore users;
    private final AuditLog audit;
    private final Authentication auth;
    private final LoginThrottle throttle;

    public LoginRoutes(UserStore users, AuditLog audit, Authentication auth, LoginThrottle throttle) {
        this.users = users;
        this.audit = audit;
        this.auth = auth;
        this.throttle = throttle;
    }

    public void register(Javalin app) {
        app.get("/login", this::form);
        app.post("/login", this::logIn);
        app.post("/logout", this::logOut);
    }

    private void form(Context ctx) {
        if (auth.sessionUser(ctx).isPresent()) {
            ctx.redirect("/");
            return;
        }
        ctx.html(LoginView.page(auth.page(ctx), "", safeNext(ctx.queryParam("next")), null).toString());
    }

    private void logIn(Context ctx) {
        String email = Objects.requireNonNullElse(ctx.formParam("email"), "").trim();
        char[] password = Objects.requireNonNullElse(ctx.formParam("password"), "").toCharArray();
        String next = safeNext(ctx.formParam("next"));
        String address = ctx.ip();
        try {
            Duration wait = throttle.retryAfter(email, address);
            if (!wait.isZero()) {
                audit.record(null, "login.throttled", email, "ip=" + address);
                long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
                reject(ctx, 429, email, next, "Too many failed attempts. Try again in " + minutes
                        + (minutes == 1 ? " minute." : " minutes."));
                return;
            }
            Optional<User> user = email.isEmpty() ? Optional.empty()
                    : users.authenticate(email, password).filter(auth::belongsHere);
            if (user.isEmpty()) {
                throttle.failed(email, address);
                audit.record(null, "login.failure", email, "ip=" + address);
                reject(ctx, 401, email, next, WRONG_CREDENTIALS);
                return;
            }
            throttle.succeeded(email);
            auth.logIn(ctx, user.get());
            audit.record(user.get().id(), "login.success", email, "ip=" + address);
            ctx.redirect(next);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void logOut(Context ctx) {
        auth.sessionUser(ctx).ifPresent(u -> audit.record(u.id(), "logout", u.email(), "ip=" + ctx.ip()));
        auth.logOut(ctx);
        ctx.redirect("/login");
    }

    private void reject(Context ctx, int status, String email, String next, String message) {
        ctx.status(status).html(LoginView.page(auth.page(ctx), email, next, message).toString());
    }

    /** Only local paths: "next" comes from the query string and must not become an open redirect. */
    static String safeNext(String next) {
        boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\");
        return local ? next : "/";
    }
}
