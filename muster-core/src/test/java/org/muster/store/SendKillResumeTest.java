package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.messaging.SendChild;
import org.muster.messaging.email.SmtpSink;
import org.muster.store.MessagingFixtures.Planted;

/**
 * Kills a sending JVM with SIGKILL mid-send, runs the send again in a new JVM, and counts what a real SMTP server
 * in a third process received: exactly one message per eligible recipient, nobody else, on both databases.
 */
class SendKillResumeTest {

    private static final int PEOPLE = 1_200;

    @TempDir
    Path dir;

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aKilledSendResumesWithNobodySkippedAndNobodyTwice(Supplier<Database> open) throws Exception {
        Path log = dir.resolve("sink.log");
        Process sink = java(List.of(SmtpSink.class.getName(), "0", log.toString()), dir.resolve("sink.out"), false);
        try (Database db = open.get()) {
            int port = port(sink);
            long campaign = db.campaigns().create("Kill", "NC").id();
            List<Planted> people = MessagingFixtures.people(db, campaign, PEOPLE);
            JooqMessagingStore store = new JooqMessagingStore(db);
            long send = store.create(campaign, MessagingFixtures.definition("not tag(nobody)",
                    List.of(MessagingFixtures.variant("A", "Hello {{first_name}}")), 1), null);
            store.schedule(send, Instant.EPOCH);
            long eligible = people.stream().filter(Planted::eligible).count();

            Process first = sender(db, campaign, send, port, "first");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (lines(log).size() < eligible / 4 && first.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(first.isAlive()).as("the sender was still at work when killed").isTrue();
            first.destroyForcibly().waitFor();
            long receivedBeforeKill = lines(log).size();
            assertThat(receivedBeforeKill).isBetween(1L, eligible - 1);

            Process second = sender(db, campaign, send, port, "second");
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.out"))).isZero();

            Map<String, Long> perAddress = lines(log).stream().map(l -> l.substring(0, l.indexOf(' ')))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perAddress.values()).allMatch(n -> n == 1);
            assertThat(perAddress.keySet()).isEqualTo(people.stream().filter(Planted::eligible).map(Planted::email).collect(Collectors.toSet()));
            assertThat(store.counts(send)).containsEntry("SENT", eligible);
        } finally {
            sink.destroyForcibly().waitFor();
        }
    }

    private Process sender(Database db, long campaign, long send, int port, String name) throws Exception {
        DatabaseConfig c = db.config();
        return java(List.of(SendChild.class.getName(), c.url(), Objects.requireNonNullElse(c.user(), ""), Objects.requireNonNullElse(c.password(), ""),
                Long.toString(campaign), Long.toString(send), Integer.toString(port), "200"), dir.resolve(name + ".out"), true);
    }

    private static Process java(List<String> args, Path output, boolean redirect) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (redirect) pb.redirectOutput(output.toFile());
        return pb.start();
    }

    private static int port(Process sink) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(sink.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the SMTP sink starts").startsWith("listening ");
        return Integer.parseInt(line.substring(10).strip());
    }

    private static List<String> lines(Path log) throws Exception {
        if (!Files.exists(log)) return List.of();
        // Only whole lines: the sink may be writing one right now.
        String all = Files.readString(log);
        int end = all.lastIndexOf('\n');
        return end < 0 ? List.of() : all.substring(0, end).lines().toList();
    }
}
