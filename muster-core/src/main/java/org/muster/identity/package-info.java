/**
 * Identity resolution against the database: the one entry point every feature that meets a person calls, and
 * what happens after a match.
 *
 * <ul>
 *   <li>{@link org.muster.identity.PersonLinker#link} takes one incoming person (a form, an API call, a canvass
 *   entry "new person met at the door", a row of a generic import) and answers in milliseconds: MATCH (at or
 *   above the campaign's match threshold: the existing person, with a timeline entry), REVIEW (the uncertain
 *   band: the person is created so nothing entered is lost, and each uncertain pair goes to the review queue with
 *   its explanation) or NEW (created). It keeps one {@link org.muster.match.MatchIndex} per campaign in memory,
 *   built at first use and caught up from {@code outbox_event} like the segment index, so people added, changed or
 *   merged by anyone are matched against at once.</li>
 *   <li>{@link org.muster.identity.MatchStore} (jOOQ in {@code org.muster.store}, tables of V4__matching.sql)
 *   holds the review queue, the remembered decisions (a rejected pair is never proposed again) and the merges:
 *   a merge moves every identity and history row of one person to the survivor and keeps a snapshot so that an
 *   undo restores exactly the rows as they were; merge, undo and reject are audited and emit outbox events.</li>
 *   <li>{@link org.muster.identity.CampaignDedupe} runs the batch matcher over a whole campaign: auto-merges the
 *   clusters above the match threshold (when asked) and queues the uncertain pairs, reporting progress.</li>
 *   <li>{@link org.muster.identity.CanvassContacts} links the new people met while canvassing: each goes through the
 *   linker, and the result recorded at the door is written back to the person found or created.</li>
 *   <li>{@link org.muster.identity.ContactListImporter} imports a contact list (a generic file whose mapping has no
 *   registration id) row by row through the linker, resumable from per-batch checkpoints.</li>
 * </ul>
 *
 * The model (m and u) is trained on the campaign's own people at first use; a small campaign is padded with a
 * background population drawn from the Census name frequencies so that chance agreement is estimated sensibly.
 */
package org.muster.identity;
