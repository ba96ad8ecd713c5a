/**
 * HTML rendering: {@link org.muster.web.view.Html} escapes every value by construction, {@link
 * org.muster.web.view.Layout} frames each page, and the shared error page.
 */
package org.muster.web.view;
