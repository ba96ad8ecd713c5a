package org.muster.messaging.email;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.muster.messaging.Channel;
import org.muster.messaging.Delivery;
import org.muster.messaging.Messenger;
import org.muster.messaging.Outgoing;

/**
 * Email out through one or more SMTP servers. Each lane holds {@code connectionsPerLane} connections, each to a
 * server drawn by weight (a server of weight 3 gets three connections for every one of a server of weight 1), and
 * stages at most one message per connection; broken connections are reopened at the next message.
 */
public final class SmtpMessenger implements Messenger {

    private final List<SmtpServer> servers;
    private final int connectionsPerLane;
    private final String heloName;
    private final int totalWeight;
    private final AtomicLong draws = new AtomicLong();

    public SmtpMessenger(List<SmtpServer> servers, int connectionsPerLane, String heloName) {
        if (servers.isEmpty()) throw new IllegalArgumentException("no SMTP server");
        this.servers = List.copyOf(servers);
        this.connectionsPerLane = connectionsPerLane;
        this.heloName = heloName;
        this.totalWeight = servers.stream().mapToInt(SmtpServer::weight).sum();
    }

    public SmtpMessenger(MailSettings settings) {
        this(settings.servers(), settings.connectionsPerThread(), settings.mailDomain());
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** The server for the next connection: deterministic weighted rotation (0..w1-1 → first, and so on). */
    SmtpServer nextServer() {
        long slot = Math.floorMod(draws.getAndIncrement(), totalWeight);
        for (SmtpServer s : servers) {
            slot -= s.weight();
            if (slot < 0) return s;
        }
        throw new IllegalStateException();
    }

    @Override
    public Lane openLane() {
        return new SmtpLane();
    }

    private final class SmtpLane implements Lane {
        private final SmtpConnection[] connections = new SmtpConnection[connectionsPerLane];
        private final boolean[] busy = new boolean[connectionsPerLane];

        @Override
        public int capacity() {
            return connectionsPerLane;
        }

        @Override
        public Staged stage(Outgoing m) throws IOException, Rejected {
            int slot = 0;
            while (slot < busy.length && busy[slot]) slot++;
            if (slot == busy.length) throw new IllegalStateException("every connection of this lane holds a staged message");
            if (connections[slot] == null) connections[slot] = new SmtpConnection(nextServer(), heloName);
            SmtpConnection c = connections[slot];
            try {
                c.stage(m.envelopeSender(), m.address(), m.content());
            } catch (IOException e) {
                drop(slot);
                throw e;
            }
            busy[slot] = true;
            return new SmtpStaged(slot, c);
        }

        private void drop(int slot) {
            if (connections[slot] != null) connections[slot].close();
            connections[slot] = null;
            busy[slot] = false;
        }

        @Override
        public void close() {
            for (int i = 0; i < connections.length; i++) {
                if (connections[i] != null && !busy[i]) connections[i].quit();
                else drop(i);
            }
        }

        private final class SmtpStaged implements Staged {
            private final int slot;
            private final SmtpConnection connection;
            private IOException releaseFailure;

            SmtpStaged(int slot, SmtpConnection connection) {
                this.slot = slot;
                this.connection = connection;
            }

            @Override
            public void release() {
                try {
                    connection.release();
                } catch (IOException e) {
                    releaseFailure = e;
                }
            }

            @Override
            public Delivery outcome() {
                if (releaseFailure != null) {
                    drop(slot);
                    return new Delivery(Delivery.Kind.UNCONFIRMED, releaseFailure.getMessage());
                }
                try {
                    SmtpConnection.Reply r = connection.outcome();
                    busy[slot] = false;
                    if (r.code() / 100 == 2) return Delivery.accepted(r.toString());
                    return new Delivery(r.code() / 100 == 4 ? Delivery.Kind.DEFERRED : Delivery.Kind.REJECTED, r.toString());
                } catch (IOException e) {
                    drop(slot);
                    return new Delivery(Delivery.Kind.UNCONFIRMED, e.getMessage());
                }
            }

            @Override
            public void abort() {
                // Closing mid-DATA is the only way to withdraw: the server discards a message without its dot.
                drop(slot);
            }
        }
    }
}
