package org.muster.web.security;

import org.muster.web.view.Html;
import org.muster.web.view.Layout;
import org.muster.web.view.PageContext;

/** The login form. */
final class LoginView {

    private LoginView() {
    }

    static Html page(PageContext page, String email, String next, String error) {
        Html alert = error == null ? Html.EMPTY : Html.of("<p class=\"alert\" role=\"alert\">%s</p>", error);
        return Layout.page(page, "Log in", Html.of("""
                <section class="card login">
                <h1>Log in</h1>
                %s
                <form method="post" action="/login">
                %s
                <input type="hidden" name="next" value="%s">
                <label>Email <input type="email" name="email" value="%s" autocomplete="username" required autofocus></label>
                <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
                <button type="submit">Log in</button>
                </form>
                </section>""", alert, Layout.csrfField(page), next, email));
    }
}
