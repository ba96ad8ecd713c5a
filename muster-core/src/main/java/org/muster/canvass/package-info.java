/**
 * Canvassing: walk lists and call lists built from a segment, chosen people or a cut turf, their scripts (questions,
 * answers with branching, result codes), assignment to volunteers with due dates, results submitted once per
 * client-generated idempotency key with explicit conflicts, and the phone bank's leased claims.
 *
 * <p>A walk list is ordered by street then house number ({@link org.muster.canvass.WalkOrder}); a list made from a
 * turf ({@link org.muster.canvass.TurfWalkLists}) carries its {@code turf_id} and the turf's route order instead.
 * {@link org.muster.canvass.WalkSheetPdf} prints a list as a PDF walk sheet with a drawn map of its route.
 *
 * <p>Applied results write back to the person in the same transaction: the list entry, a timeline activity (so {@code contacted(30d)} segments see it), support
 * level, tags, and outbox events. People met at the door who are not on the list are held as pending
 * {@link org.muster.canvass.NewContact}s for identity resolution (org.muster.match) to link; nothing here matches.
 */
package org.muster.canvass;
