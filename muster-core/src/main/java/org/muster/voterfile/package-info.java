/**
 * State voter files. One import engine, {@link org.muster.voterfile.VoterFileImporter}: persisted jobs whose checkpoint
 * (a byte offset) commits with each batch, re-imports that update people in place by registration, history joined in
 * the database so memory stays flat at any file size, rejected rows reported by file, line, field and reason. Each
 * format is a {@link org.muster.voterfile.VoterFileAdapter} (a reader at a byte offset plus the mapping of a row onto
 * the people model): North Carolina ncvoter/ncvhis, Ohio SWVF (history inline), the Florida extract and its history,
 * and any delimited file through a saved {@link org.muster.voterfile.ColumnMapping}.
 * {@link org.muster.voterfile.FormatDetector} says which format a file is. Normalisation: USPS Publication 28 street
 * lines and ZIP codes, E.164 phones, emails, name case, suffixes, statuses as NC's letters, removal reasons as flags.
 */
package org.muster.voterfile;
