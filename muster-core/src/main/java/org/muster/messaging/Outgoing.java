package org.muster.messaging;

/**
 * A composed message for one recipient, ready for a {@link Messenger}: the channel's wire form of the content
 * (for email a complete, dot-stuffed MIME message ending in CRLF).
 */
public record Outgoing(long recipientId, String address, String envelopeSender, byte[] content) {
}
