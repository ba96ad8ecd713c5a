package org.muster.messaging;

import java.time.Instant;

/**
 * One version of a message. Variants of a send may differ in any part. {@code text} may be null (derived from the
 * HTML); {@code sendAt} null means as soon as the send runs. For SMS only {@code text} is used.
 *
 * <p>Send time: a variant's test group goes out at its {@code sendAt}, never before. The A/B test starts when the
 * last test group has gone out, and an earlier variant's outcomes count only up to the same time after its start
 * as the latest variant has had since its own, so an earlier variant does not win on having been read longer. The people
 * held back get the winner as soon as it is chosen, or at the winner's {@code sendAt} if that is still ahead.
 */
public record Variant(long id, String label, String sender, String subject, String html, String text, Instant sendAt) {
}
