package org.muster.web.security;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.muster.account.User;
import org.muster.account.UserStore;
import org.muster.campaign.Campaign;
import org.muster.web.view.PageContext;

/**
 * Who is logged in: the user id lives in the server-side session; the user is reloaded on every request so that a
 * deactivated account or a changed role takes effect at once.
 */
public final class Authentication {

    private static final String SESSION_USER_ID = "muster.userId";
    private static final String REQUEST_USER = "muster.user";

    private final UserStore users;
    private final Campaign campaign;

    public Authentication(UserStore users, Campaign campaign) {
        this.users = users;
        this.campaign = campaign;
    }

    /** Before-handler for pages behind the login: loads the user, or sends the browser to the login page. */
    public void requireUser(Context ctx) {
        Optional<User> user = sessionUser(ctx);
        if (user.isPresent()) {
            ctx.attribute(REQUEST_USER, user.get());
            return;
        }
        if (ctx.header("HX-Request") != null) {
            // htmx would swap the login page into the results table; ask it to navigate instead.
            ctx.header("HX-Redirect", "/login").status(401);
        } else {
            String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
            String back = ctx.method() == HandlerType.GET ? ctx.path() + query : "/";
            ctx.redirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        }
        ctx.skipRemainingHandlers();
    }

    /** The user loaded by {@link #requireUser}; only valid on pages behind the login. */
    public static User user(Context ctx) {
        User user = ctx.attribute(REQUEST_USER);
        if (user == null) throw new IllegalStateException("No logged-in user on " + ctx.path());
        return user;
    }

    /** The frame data for a page; works before login too (then without a user). */
    public PageContext page(Context ctx) {
        return new PageContext(campaign.name(), ctx.attribute(REQUEST_USER), Csrf.token(ctx));
    }

    Optional<User> sessionUser(Context ctx) {
        HttpSession session = ctx.req().getSession(false);
        if (session == null || !(session.getAttribute(SESSION_USER_ID) instanceof Long id)) return Optional.empty();
        return users.find(id).filter(this::belongsHere);
    }

    /** Active and of the campaign this server serves: a user of another campaign cannot log in here. */
    boolean belongsHere(User user) {
        return user.active() && user.campaignId() == campaign.id();
    }

    /** Starts an authenticated session under a new id, so an id planted before login (fixation) is useless. */
    void logIn(Context ctx, User user) {
        ctx.req().getSession(true);
        ctx.req().changeSessionId();
        ctx.req().getSession().setAttribute(SESSION_USER_ID, user.id());
        Csrf.rotate(ctx);
    }

    void logOut(Context ctx) {
        HttpSession session = ctx.req().getSession(false);
        if (session != null) session.invalidate();
    }
}
