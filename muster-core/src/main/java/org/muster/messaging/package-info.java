/**
 * Messaging to segments, independent of the channel: a send is a persisted job ({@link org.muster.messaging.SendJob})
 * with one row per person the segment named, which resumes after any crash with no recipient skipped and none
 * messaged twice.
 *
 * <h2>Pipeline</h2>
 * <ol>
 * <li><b>Audience</b>: the send's segment filter is evaluated by a segment executor ({@link org.muster.messaging.Audience});
 *     each person is then checked against the send's {@link org.muster.messaging.AudienceRules} — consent on the
 *     channel (an objection always wins), contact category (member, regular contact, occasional contact, prospect)
 *     and data origin — and gets a row: PENDING, HELD (waits for an A/B winner) or SKIPPED with the reason.</li>
 * <li><b>A/B/n</b>: with several variants and a test fraction below 1, {@link org.muster.segment.Splits} splits the
 *     eligible people by the send's seed (reproducible); the test groups are sent, then {@link org.muster.messaging.SequentialTest}
 *     (mSPRT, always-valid) watches the chosen {@link org.muster.messaging.Metric} until one variant beats every
 *     other, or the deadline passes, and the held rows go to the winner. The split and the winner rule are
 *     {@link org.muster.messaging.AbTest}, which SMS jobs ({@code messaging.sms}) use too.</li>
 * <li><b>Delivery</b>: threads ("lanes") stage messages on the channel, commit the round in the database
 *     ({@link org.muster.messaging.MessagingStore#commit}: rules re-checked, so an objection recorded a moment ago
 *     is honoured; rows SENT with a timeline entry), then release them. The commit point is the last step before
 *     the irrevocable one (for SMTP: the final dot of DATA).</li>
 * </ol>
 *
 * <h2>Adding a channel</h2>
 * A channel implements {@link org.muster.messaging.Messenger} (lanes that stage, release, abort and report a
 * {@link org.muster.messaging.Delivery}) and a {@link org.muster.messaging.Composer} (recipient and variant to
 * wire bytes), and is handed to {@link org.muster.messaging.SendJob} as an {@link org.muster.messaging.Outlet} for its
 * {@link org.muster.messaging.Channel}. For an HTTP SMS gateway, staging does nothing and releasing is the request;
 * for SMPP, releasing is the submit_sm — but a release that cannot be dropped after the commit makes such a channel
 * at-most-once, so SMS ({@code messaging.sms}) keeps its own SENDING/in-doubt journal and uses only the audience
 * rules, {@link org.muster.messaging.AbTest} and the job loop {@link org.muster.messaging.SendRunner} from here.
 * Email lives in {@code org.muster.messaging.email}.
 */
package org.muster.messaging;
