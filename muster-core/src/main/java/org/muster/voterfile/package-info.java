/**
 * Reading state voter files: today the North Carolina ncvoter/ncvhis files (layouts, streaming readers with header
 * validation and row-level error reports) and their mapping onto {@link org.muster.people.NewPerson}. The resumable,
 * streaming ingestion engine builds on these readers.
 */
package org.muster.voterfile;
