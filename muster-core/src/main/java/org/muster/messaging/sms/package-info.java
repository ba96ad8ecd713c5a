/**
 * SMS to segments: jobs that text the people of a segment who gave sms consent and have a mobile number, one
 * message per household phone, within each recipient's local sending hours, through SMPP (jsmpp) or an HTTP
 * gateway; delivery receipts; STOP-style replies that opt the number out everywhere at once; other replies on
 * the person's timeline as {@code sms.reply}; A/B/n tests of up to three texts whose winner on replies goes to the
 * rest, by the email core's split and sequential test ({@link org.muster.messaging.AbTest}).
 *
 * <p>Durability: a job and one journal row per recipient are written when it is created; rows move PENDING ->
 * SENDING (committed before the submit) -> SENT with the gateway's id. After kill -9, SENDING rows are resent
 * and marked in doubt: at-least-once, with duplicates bounded by one batch (the SMPP window) per crash, because
 * SMPP gives no way to ask whether a message without an id was taken. See {@link org.muster.messaging.sms.SmsJobRunner}.
 *
 * <p>Owns the engine (plain Java); storage is {@code org.muster.store.JooqSmsStore}, pages {@code org.muster.web.sms}.
 * Built to stand alone now and to become the SMS channel of the channel-independent messaging core later: the
 * gateway ({@link org.muster.messaging.sms.SmsGateway}) and the per-recipient journal are what that core will drive.
 */
package org.muster.messaging.sms;
