package org.muster.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.muster.messaging.Audience;
import org.muster.messaging.AudienceRules;
import org.muster.messaging.Channel;
import org.muster.messaging.MessagingStore;
import org.muster.messaging.Metric;
import org.muster.messaging.Outlet;
import org.muster.messaging.Recipient;
import org.muster.messaging.SendJob;
import org.muster.messaging.Variant;
import org.muster.messaging.email.EmailComposer;
import org.muster.messaging.email.LinkSigner;
import org.muster.messaging.email.SmtpConnection;
import org.muster.messaging.email.SmtpMessenger;
import org.muster.messaging.email.SmtpServer;
import org.muster.messaging.email.SmtpSink;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.segment.SegmentResolver;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import org.muster.store.JooqMessagingStore;
import org.muster.store.SegmentSql;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./muster bench email}: N people with an email each, an SMTP server in a JVM of its own (the
 * {@link SmtpSink}), and two runs against it: the anchor, the same SMTP client pushing one pre-composed message N
 * times over the same number of connections with no database; and a whole Muster send (audience resolution under
 * the consent rules, per-recipient composition with tracked links, the commit point per round, outcomes recorded).
 * Messages per hour and the peak heap (sampled every 20 ms) of each.
 */
@Command(name = "email", mixinStandardHelpOptions = true, description = "Email sending: whole Muster sends vs raw SMTP pushes.")
final class EmailBench implements Callable<Integer> {

    @Option(names = "--recipients", split = ",", description = "Audience sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> recipients = List.of(100_000);

    @Option(names = "--threads", description = "Sending threads (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--connections", description = "SMTP connections per thread (default: ${DEFAULT-VALUE}).")
    int connections = 8;

    @Option(names = "--dir", description = "Where the SQLite databases go (default: a temporary folder).")
    Path dir;

    @Option(names = "--postgres", description = "Run on PostgreSQL at this JDBC URL instead of SQLite, in a fresh schema "
            + "email_bench_N (user postgres, or MUSTER_DB_USER / MUSTER_DB_PASSWORD).")
    String postgres;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("muster-email-bench");
        Process sink = startSink();
        try {
            int port = port(sink);
            System.out.printf(Locale.ROOT, "SMTP sink on 127.0.0.1:%d (own JVM); %d threads x %d connections; %d cores%n", port, threads,
                    connections, Runtime.getRuntime().availableProcessors());
            System.out.println("| run | messages | seconds | messages/hour | vs raw SMTP | peak heap |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            for (int n : recipients) {
                Result anchor = measure(() -> anchor(port, n));
                print("raw SMTP, pre-composed", n, anchor, anchor);
                try (Database db = Database.open(database(work, n))) {
                    long campaign = db.campaigns().create("Bench", "NC").id();
                    load(db, campaign, n);
                    JooqMessagingStore store = new JooqMessagingStore(db);
                    long before = count(port);
                    Result muster = measure(() -> send(db, store, campaign, port));
                    long received = count(port) - before;
                    if (received != n) throw new IllegalStateException("the sink received " + received + " messages, expected " + n);
                    print("Muster send (" + (postgres == null ? "SQLite" : "PostgreSQL") + ", resolution included)", n, muster, anchor);
                }
            }
        } finally {
            sink.destroyForcibly().waitFor();
        }
        return 0;
    }

    private DatabaseConfig database(Path work, int n) throws java.sql.SQLException {
        if (postgres == null) return DatabaseConfig.sqlite(work.resolve("email-" + n + ".db"));
        String user = System.getenv().getOrDefault("MUSTER_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("MUSTER_DB_PASSWORD", "");
        String schema = "email_bench_" + n;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres, user, password); java.sql.Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
            st.execute("create schema " + schema);
        }
        return DatabaseConfig.postgres(postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }

    private record Result(double seconds, long peakHeap) {
    }

    private static void print(String what, int n, Result r, Result anchor) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2f | %d MiB |%n", what, n, r.seconds(), n / r.seconds() * 3600,
                anchor.seconds() / r.seconds(), r.peakHeap() >> 20);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Result measure(Work work) throws Exception {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        return new Result(seconds, peak.get());
    }

    private static Variant variant() {
        return new Variant(0, "A", "Campaign <news@example.org>", "{{first_name}}, the plan for your town",
                "<h1>Hello {{first_name|friend}}</h1><p>Here is <a href=\"https://example.org/plan\">our plan</a> and "
                        + "<a href=\"https://example.org/donate\">how to help</a>.</p><p>Thank you, {{full_name}}.</p>", null, null);
    }

    /** The anchor: one message composed once, pushed N times by the same client over the same connections. */
    private void anchor(int port, int n) throws Exception {
        EmailComposer composer = new EmailComposer(new LinkSigner(new byte[32], "https://muster.example.org"), "mail.example.org", true);
        Variant v = new Variant(1, "A", variant().sender(), variant().subject(), variant().html(), null, null);
        byte[] message = composer.compose(new Recipient(1, 1, 1, 1, "p1@example.org", "Ann", "Smith", "sign-up form"), v).content();
        int lanes = threads * connections;
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        List<Future<?>> done = new ArrayList<>();
        for (int l = 0; l < lanes; l++) {
            int share = n / lanes + (l < n % lanes ? 1 : 0);
            done.add(pool.submit(() -> {
                SmtpConnection c = new SmtpConnection(SmtpServer.plain("127.0.0.1", port), "bench");
                for (int i = 0; i < share; i++) {
                    if (c.send("bounce@mail.example.org", "p" + i + "@example.org", message).code() != 250) throw new IllegalStateException();
                }
                c.quit();
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
    }

    private void send(Database db, MessagingStore store, long campaign, int port) {
        LinkSigner signer = new LinkSigner(store.signingKey(), "https://muster.example.org");
        Outlet outlet = new Outlet(new SmtpMessenger(List.of(SmtpServer.plain("127.0.0.1", port)), connections, "bench"),
                s -> new EmailComposer(signer, "mail.example.org", true));
        long send = store.create(campaign, new MessagingStore.SendDefinition("Bench", Channel.EMAIL, "not tag(nobody)", AudienceRules.DEFAULT,
                true, 1, Metric.OPEN, 1, Duration.ofHours(24), List.of(variant())), null);
        store.schedule(send, Instant.EPOCH);
        SendJob job = new SendJob(store, Audience.of(new SegmentSql(db, campaign), new SegmentResolver(name -> Optional.empty())),
                Map.of(Channel.EMAIL, outlet), SendJob.Settings.of(threads, 0), Clock.systemUTC());
        Instant start = Instant.now();
        SendJob.Step step = job.run(campaign, send);
        if (step.status() != MessagingStore.Status.DONE) throw new IllegalStateException("the send ended " + step);
        MessagingStore.Send done = store.send(campaign, send).orElseThrow();
        System.out.printf(Locale.ROOT, "  (audience resolution %.1f s, delivery %.1f s)%n", Duration.between(start, done.resolvedAt()).toMillis() / 1e3,
                Duration.between(done.resolvedAt(), done.finishedAt()).toMillis() / 1e3);
    }

    /** Members (the default rules admit them without explicit consent), one email each. */
    private static void load(Database db, long campaign, int n) {
        long start = System.nanoTime();
        List<NewPerson> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(new NewPerson("First" + i, null, "Last" + i, null, null, null, null, null, null, ContactCategory.MEMBER,
                    i % 3 == 0 ? "NC voter file" : "sign-up form", null, List.of("p" + i + "@example.org"), List.of(), List.of(), List.of(),
                    List.of(), List.of()));
            if (batch.size() == 10_000 || i == n - 1) {
                db.people().insert(campaign, batch);
                batch.clear();
            }
        }
        System.out.printf(Locale.ROOT, "loaded %,d people in %.1f s (not timed below)%n", n, (System.nanoTime() - start) / 1e9);
    }

    private static Process startSink() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), SmtpSink.class.getName(), "0")
                .redirectErrorStream(true).start();
    }

    private static int port(Process sink) throws IOException {
        String line = new BufferedReader(new InputStreamReader(sink.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith("listening ")) throw new IllegalStateException("the SMTP sink did not start: " + line);
        return Integer.parseInt(line.substring(10).strip());
    }

    /** Messages the sink has taken so far (its XCOUNT command). */
    private static long count(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            in.readLine();
            out.write("XCOUNT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = in.readLine();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return Long.parseLong(reply.substring(4).strip());
        }
    }
}
