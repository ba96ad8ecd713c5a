/**
 * SMS to segments: jobs that text the people of a segment whom the job's {@link org.muster.messaging.AudienceRules}
 * admit (sms consent in every contact category, objections, excluded data origins) and who have a mobile number, one
 * message per household phone, within each recipient's local sending hours, through SMPP (jsmpp) or an HTTP
 * gateway; delivery receipts; STOP-style replies that opt the number out everywhere at once; other replies on
 * the person's timeline as {@code sms.reply}; short signed tracked links and a data-origin line
 * ({@link org.muster.messaging.sms.SmsLinks}, {@link org.muster.messaging.sms.SmsJob.Options}); A/B/n tests of up to
 * three texts whose winner on replies, clicks, donations or sign-ups ({@link org.muster.messaging.Metric}, attributed as for email) goes to the rest, by the email core's split and sequential test ({@link org.muster.messaging.AbTest}).
 *
 * <p>Durability: a job and one journal row per recipient are written when it is created; rows move PENDING ->
 * SENDING (committed before the submit) -> SENT with the gateway's id. After kill -9, SENDING rows are resent
 * and marked in doubt: at-least-once, with duplicates bounded by one batch (the SMPP window) per crash, because
 * SMPP gives no way to ask whether a message without an id was taken. See {@link org.muster.messaging.sms.SmsJobRunner}.
 *
 * <p>Owns the engine (plain Java); storage is {@code org.muster.store.JooqSmsStore}, pages {@code org.muster.web.sms}.
 * Shares with the messaging core the audience rules, the A/B split and winner rule
 * ({@link org.muster.messaging.AbTest}) and the durable job loop ({@link org.muster.messaging.SendRunner}, which
 * {@link org.muster.messaging.sms.SmsService} feeds its running jobs). Its delivery loop and journal stay its own
 * because its commit point differs (SENDING before an irrevocable submit, not SENT before a droppable release);
 * docs/architecture.md ("Shared with email, and not") says what folding it into {@code SendJob} needs. Variants may
 * differ in body, sender and send time ({@link org.muster.messaging.sms.SmsJob.Text}).
 */
package org.muster.messaging.sms;
