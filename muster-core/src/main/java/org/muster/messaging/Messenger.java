package org.muster.messaging;

import java.io.IOException;

/**
 * A channel's way out (SMTP for email, SMPP or an HTTP gateway for SMS). {@link SendJob} drives it in rounds so
 * that every message passes one <em>commit point</em>: the job stages messages up to the last irrevocable act,
 * commits their rows as SENT in the database, then releases them. A crash before the commit leaves nothing
 * delivered (an SMTP server discards a DATA that never got its final dot) and the row pending; a crash after it
 * leaves the row SENT, so a resumed job never sends a message twice.
 */
public interface Messenger extends AutoCloseable {

    Channel channel();

    /** A sender for one thread: its own connections. */
    Lane openLane() throws IOException;

    @Override
    default void close() {
    }

    /** Staging and release of messages on connections owned by one thread. */
    interface Lane extends AutoCloseable {

        /** How many messages may be staged at once (one per connection for SMTP). */
        int capacity();

        /**
         * Does everything short of the commit point: for SMTP the envelope and the message body without its final
         * dot. A {@link Rejected} recipient was refused before anything was delivered.
         *
         * @throws IOException when the connection failed: nothing was delivered, the message may be retried
         */
        Staged stage(Outgoing message) throws IOException, Rejected;

        @Override
        void close();
    }

    /** A staged message: {@link #release()} after the commit, or {@link #abort()} to drop it undelivered. */
    interface Staged {

        /** Performs the irrevocable act (writes the final dot). Must not wait for the peer. */
        void release();

        /** Waits for the peer's answer to the release. */
        Delivery outcome();

        /** Drops the message so that the peer never accepts it. */
        void abort();
    }

    /** The peer refused the recipient before the commit point (e.g. SMTP 550 to RCPT TO). */
    final class Rejected extends Exception {
        private final boolean permanent;

        public Rejected(String reply, boolean permanent) {
            super(reply);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
