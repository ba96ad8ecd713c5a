package org.muster.web.view;

import org.muster.account.User;

/**
 * What every page's frame needs to know about the request.
 *
 * @param user      the logged-in user, null on the login page and on errors before login
 * @param csrfToken the session's CSRF token, written into every form and into htmx's request headers
 */
public record PageContext(String campaignName, User user, String csrfToken) {
}
