package org.muster.web.security;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchronizer-token CSRF protection: one random token per session, sent back by forms as a hidden field and
 * by htmx as a header. A SameSite=Lax cookie alone would still let a sibling subdomain post forms.
 */
public final class Csrf {

    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String SESSION_KEY = "muster.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** The session's token, created (with the session) on first use. */
    public static String token(Context ctx) {
        HttpSession session = ctx.req().getSession(true);
        Object token = session.getAttribute(SESSION_KEY);
        return token instanceof String t ? t : rotate(ctx);
    }

    /** Replaces the token, e.g. at login so a token seen before authentication is worthless after it. */
    static String rotate(Context ctx) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.req().getSession(true).setAttribute(SESSION_KEY, token);
        return token;
    }

    /** Before-handler: a state-changing request must carry its session's token, or it gets 403 untouched. */
    public static void verify(Context ctx) {
        HandlerType method = ctx.method();
        if (method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS) return;
        HttpSession session = ctx.req().getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_KEY);
        String given = ctx.header(HEADER);
        if (given == null) given = ctx.formParam(FORM_FIELD);
        if (!(expected instanceof String e) || given == null
                || !MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("This form has expired or did not come from this site. "
                    + "Reload the page and try again.");
        }
    }
}
