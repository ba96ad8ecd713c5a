package org.muster.messaging;

import java.time.Instant;

/**
 * One version of a message. Variants of a send may differ in any part. {@code text} may be null (derived from the
 * HTML); {@code sendAt} null means as soon as the send runs. For SMS only {@code text} is used.
 */
public record Variant(long id, String label, String sender, String subject, String html, String text, Instant sendAt) {
}
