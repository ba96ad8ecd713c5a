/**
 * Who may do what: login and logout, server sessions, CSRF tokens, login throttling and the per-request user.
 */
package org.muster.web.security;
