/**
 * The HTTP server: {@link org.muster.web.MusterServer} wires a database's stores to routes, sessions, security,
 * error pages and metrics. Server-rendered HTML with htmx; handlers stay thin and call the core stores.
 */
package org.muster.web;
