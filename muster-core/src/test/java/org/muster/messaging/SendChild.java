package org.muster.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.muster.messaging.email.EmailComposer;
import org.muster.messaging.email.LinkSigner;
import org.muster.messaging.email.SmtpMessenger;
import org.muster.messaging.email.SmtpServer;
import org.muster.segment.SegmentResolver;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import org.muster.store.JooqMessagingStore;
import org.muster.store.SegmentSql;

/**
 * A separate JVM running (or resuming) a send, for the test that kills it with SIGKILL mid-send.
 *
 * <p>Arguments: jdbc-url user password campaign-id send-id smtp-port messages-per-second
 */
public final class SendChild {

    private SendChild() {
    }

    public static void main(String[] args) {
        DatabaseConfig config = new DatabaseConfig(args[0], args[1].isEmpty() ? null : args[1], args[2].isEmpty() ? null : args[2]);
        long campaign = Long.parseLong(args[3]);
        try (Database db = Database.open(config)) {
            JooqMessagingStore store = new JooqMessagingStore(db);
            LinkSigner signer = new LinkSigner(store.signingKey(), "https://muster.example.org");
            Outlet outlet = new Outlet(new SmtpMessenger(List.of(SmtpServer.plain("127.0.0.1", Integer.parseInt(args[5]))), 4, "test"),
                    send -> new EmailComposer(signer, "mail.example.org", true));
            SendJob job = new SendJob(store, Audience.of(new SegmentSql(db, campaign), new SegmentResolver(n -> java.util.Optional.empty())),
                    Map.of(Channel.EMAIL, outlet), SendJob.Settings.of(2, Double.parseDouble(args[6])), Clock.systemUTC());
            SendJob.Step step = job.run(campaign, Long.parseLong(args[4]));
            System.out.println("step " + step);
            if (step.status() != MessagingStore.Status.DONE) System.exit(3);
        }
    }
}
