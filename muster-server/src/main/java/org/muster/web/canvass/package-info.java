/**
 * Canvassing on the web: organiser pages (scripts, lists from a segment, assignment, printable walk sheets, the live
 * field dashboard over SSE) and the volunteers' offline canvassing app (an installable PWA under /canvass/app whose
 * JSON API serves only lists assigned to the caller, and accepts results once per client-generated id).
 */
package org.muster.web.canvass;
