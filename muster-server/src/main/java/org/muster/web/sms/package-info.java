/**
 * SMS pages: compose a text to a segment with a live count and character/segment count, send it as a job, follow
 * its progress; and the callbacks an HTTP SMS gateway posts receipts and inbound messages to. The engine is
 * {@code org.muster.messaging.sms}.
 */
package org.muster.web.sms;
