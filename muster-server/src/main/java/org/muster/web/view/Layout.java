package org.muster.web.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.muster.account.Role;

/** The frame around every page: head, nav bar with the user and a logout button, and the main column. */
public final class Layout {

    /** htmx served from its webjar; the version is read from the jar so a dependency bump needs no code change. */
    public static final String HTMX_PATH = "/webjars/htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js";

    private Layout() {
    }

    /*
     * historyCacheSize 0: htmx would otherwise keep snapshots of visited pages, personal data included, in the
     * browser's localStorage; without them, going back refetches the page.
     * includeIndicatorStyles false: htmx would inject an inline <style>, which the Content-Security-Policy forbids.
     */
    public static Html page(PageContext page, String title, Html content) {
        return Html.of("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="csrf-token" content="%s">
                <meta name="htmx-config" content='{"includeIndicatorStyles":false,"historyCacheSize":0}'>
                <title>%s · Muster</title>
                <link rel="stylesheet" href="/static/muster.css">
                <script src="%s" defer></script>
                </head>
                <body hx-headers="%s">
                %s
                <main>
                %s
                </main>
                </body>
                </html>
                """, page.csrfToken(), title, HTMX_PATH, "{\"X-CSRF-Token\":\"" + page.csrfToken() + "\"}",
                topBar(page), content);
    }

    /** The hidden field that carries the CSRF token in forms posted without JavaScript. */
    public static Html csrfField(PageContext page) {
        return Html.of("<input type=\"hidden\" name=\"_csrf\" value=\"%s\">", page.csrfToken());
    }

    /** Human form of a role for the nav bar and messages. */
    public static String roleName(Role role) {
        return switch (role) {
            case ADMIN -> "Admin";
            case ORGANISER -> "Organiser";
            case VOLUNTEER -> "Volunteer";
            case POLL_WATCHER -> "Poll watcher";
        };
    }

    private static Html topBar(PageContext page) {
        if (page.user() == null) {
            return Html.of("<header class=\"topbar\"><span class=\"brand\">Muster</span>"
                    + "<span class=\"campaign\">%s</span></header>", page.campaignName());
        }
        Html nav = page.user().role().readsAllPeople()
                ? Html.raw("<a href=\"/people\">People</a><a href=\"/segments\">Segments</a><a href=\"/imports\">Imports</a><a href=\"/duplicates\">Duplicates</a>"
                        + "<a href=\"/maps\">Map</a><a href=\"/turfs\">Turfs</a><a href=\"/canvass\">Canvassing</a><a href=\"/messages\">Messages</a><a href=\"/sms\">SMS</a>")
                : Html.raw("<a href=\"/canvass/app\">Canvassing app</a>");
        return Html.of("""
                <header class="topbar">
                <a class="brand" href="/">Muster</a><span class="campaign">%s</span>
                <nav>%s</nav>
                <div class="account"><span class="who">%s <small>%s</small></span>
                <form method="post" action="/logout">%s<button type="submit" class="link">Log out</button></form></div>
                </header>""", page.campaignName(), nav, page.user().displayName(),
                roleName(page.user().role()), csrfField(page));
    }

    /** The version of an npm webjar on the class path, read from its pom.properties. */
    public static String webjarVersion(String artifact) {
        String resource = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Layout.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Webjar " + artifact + " is not on the class path");
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
