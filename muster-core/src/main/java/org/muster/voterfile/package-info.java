/**
 * State voter files. The North Carolina ncvoter/ncvhis readers (layouts, header validation, byte-offset cursors,
 * row-level errors with file, line, field and reason), normalisation (USPS Publication 28 street lines and ZIP
 * codes, E.164 phones, name case, suffixes, removal reasons as flags), and {@link org.muster.voterfile.VoterFileImporter},
 * the resumable import engine: persisted jobs whose checkpoint commits with each batch, re-imports that update people
 * in place by registration, and history joined in the database so memory stays flat at any file size.
 * {@link org.muster.voterfile.NcVoterImport} is the demo's quick loader (insert only, history in memory).
 */
package org.muster.voterfile;
