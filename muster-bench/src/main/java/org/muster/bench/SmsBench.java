package org.muster.bench;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.muster.MusterException;
import org.muster.messaging.sms.SendHours;
import org.muster.messaging.sms.SmppGateway;
import org.muster.messaging.sms.SmppTestPeer;
import org.muster.messaging.sms.SmsFixtures;
import org.muster.messaging.sms.SmsJob;
import org.muster.messaging.sms.SmsJobRunner;
import org.muster.messaging.sms.SmsService;
import org.muster.messaging.sms.SmsText;
import org.muster.messaging.sms.TimeZones;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import org.muster.store.JooqSmsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./muster bench sms}: a durable SMS job (journal rows committed before and after every batch, consent
 * re-read at each commit point) sending to an in-process SMPP peer over real TCP, against the anchor: a raw jsmpp
 * submit loop with the same window to the same peer, no database.
 */
@Command(name = "sms", mixinStandardHelpOptions = true, description = "SMS job throughput vs a raw jsmpp submit loop.")
final class SmsBench implements Callable<Integer> {

    @Option(names = "--messages", description = "Recipients (default: ${DEFAULT-VALUE}).")
    int messages = 20_000;

    @Option(names = "--window", description = "SMPP window: submits in flight (default: ${DEFAULT-VALUE}).")
    int window = 10;

    @Option(names = "--database", description = "sqlite or postgresql (default: ${DEFAULT-VALUE}).")
    String database = "sqlite";

    @Option(names = "--pg-url", description = "PostgreSQL to use; a schema sms_bench_* is made and dropped (default: ${DEFAULT-VALUE}).")
    String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";

    @Option(names = "--pg-user", description = "PostgreSQL user (default: ${DEFAULT-VALUE}).")
    String pgUser = "postgres";

    @Override
    public Integer call() throws Exception {
        String schema = "sms_bench_" + System.nanoTime();
        boolean postgres = switch (database) {
            case "sqlite" -> false;
            case "postgresql", "postgres" -> true;
            default -> throw new MusterException("--database must be sqlite or postgresql, not " + database);
        };
        try (SmppTestPeer peer = new SmppTestPeer()) {
            double anchor = rawLoop(peer);
            int before = peer.received().size();
            DatabaseConfig config;
            if (postgres) {
                execute("create schema " + schema);
                config = DatabaseConfig.postgres(pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema, pgUser, "");
            } else {
                config = DatabaseConfig.sqlite(Files.createTempDirectory("muster-sms-bench-").resolve("muster.db"));
            }
            try (Database db = Database.open(config)) {
                long campaign = db.campaigns().create("Bench", "NC").id();
                SmsFixtures.consentingCrowd(db, campaign, messages);
                JooqSmsStore store = new JooqSmsStore(db);
                SmsJob job = new SmsService(store, null, campaign, TimeZones.forCampaignState("NC"), "", Clock.systemUTC())
                        .create("Bench", "tag(sms-list)", SmsFixtures.audience(db, campaign, java.time.Instant.now()), "Hi {{first_name}}, polls close at 7:30pm",
                                new SendHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT), null).job();
                try (SmppGateway gateway = new SmppGateway(peer.settings(window))) {
                    long start = System.nanoTime();
                    SmsJobRunner.Pass pass = new SmsJobRunner(store, gateway, Clock.systemUTC()).runDue(job);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (!pass.finished() || peer.received().size() - before != messages) {
                        throw new IllegalStateException("the job did not send every message: " + (peer.received().size() - before));
                    }
                    double muster = messages / seconds;
                    System.out.printf(Locale.ROOT, "raw jsmpp submit loop (anchor), window %d: %,.0f messages/s%n", window, anchor);
                    System.out.printf(Locale.ROOT, "Muster SMS job on %s, window %d: %,.0f messages/s (%.2f of the anchor), %,.0f messages/hour%n",
                            postgres ? "PostgreSQL" : "SQLite", window, muster, muster / anchor, muster * 3600);
                }
            }
        } finally {
            if (postgres) execute("drop schema if exists " + schema + " cascade");
        }
        return 0;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** {@code window} threads sharing one bound session, each submitting its share synchronously. */
    private double rawLoop(SmppTestPeer peer) throws Exception {
        SMPPSession session = new SMPPSession();
        session.connectAndBind("127.0.0.1", peer.port(), new BindParameter(BindType.BIND_TRX, "muster", "secret", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        byte[] text = SmsText.encode("Hi Ann, polls close at 7:30pm", SmsText.Encoding.GSM7);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < window; t++) {
                done.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        session.submitShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "19195550000",
                                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, SmsFixtures.phone(i).substring(1), new ESMClass(),
                                (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), (byte) 0, text);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        session.unbindAndClose();
        return messages / seconds;
    }
}
