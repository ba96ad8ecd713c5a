/**
 * Identity resolution pages (admins and organisers): the review queue of uncertain pairs, the pair page with both
 * records side by side and the matcher's per-field evidence, Merge / Not the same person, the merges list with
 * undo, and the "Add person" form that goes through {@link org.muster.identity.PersonLinker}.
 */
package org.muster.web.match;
