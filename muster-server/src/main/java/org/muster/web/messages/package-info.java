/**
 * The messaging pages ({@code /messages}: compose, preview per person, test send, schedule, live progress and
 * results per variant with intervals; organisers and admins only, every create, schedule, test and cancel
 * audited) and the public links messages carry ({@code /m/...}: open pixel, tracked clicks, one-click unsubscribe,
 * the bounce webhook), which are authorised by their HMAC signature or a bearer token instead of a session.
 */
package org.muster.web.messages;
