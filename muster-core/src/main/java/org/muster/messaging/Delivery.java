package org.muster.messaging;

/** What the peer said after a message was released. */
public record Delivery(Kind kind, String reply) {

    public enum Kind {
        /** Accepted for delivery. */
        ACCEPTED,
        /** Refused for good: the row becomes FAILED. */
        REJECTED,
        /** Refused for now: nothing was accepted, so the row goes back to PENDING and is tried again. */
        DEFERRED,
        /** The connection broke after the release: the peer may or may not have it; the row stays SENT. */
        UNCONFIRMED
    }

    public static Delivery accepted(String reply) {
        return new Delivery(Kind.ACCEPTED, reply);
    }
}
