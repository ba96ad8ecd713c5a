package org.muster.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import org.muster.store.JooqSmsStore;
import org.muster.store.TestDatabases;

/**
 * kill -9 of a separate sending process mid-send, then a new process finishes the job: the SMPP peer (in this
 * process) received every recipient at least once, and a number twice only if its row was in flight at the kill.
 */
class SmsKillResumeTest {

    private static final int PEOPLE = 1_000;
    private static final int WINDOW = 10;
    private static final int RATE = 500;

    static java.util.stream.Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void killedSenderResumesWithNoRecipientSkippedAndDuplicatesOnlyFromTheInFlightWindow(Supplier<Database> database) throws Exception {
        try (Database db = database.get(); SmppTestPeer peer = new SmppTestPeer()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            SmsFixtures.consentingCrowd(db, campaign, PEOPLE);
            JooqSmsStore store = new JooqSmsStore(db);
            long[] audience = SmsFixtures.audience(db, campaign, java.time.Instant.now());
            SmsJob job = new SmsService(store, null, campaign, TimeZones.forCampaignState("NC"), "", Clock.systemUTC())
                    .create("Kill", "tag(sms-list)", audience, "Hi {{first_name}}", new SendHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT), null).job();
            Path logs = Files.createTempDirectory("sms-kill-");

            Process first = child(db, campaign, peer, logs.resolve("first.log"));
            try {
                Await.until("a third of the texts are out", 120, () -> peer.received().size() >= PEOPLE / 3 || !first.isAlive());
                assertThat(first.isAlive()).as("the sender is still running when killed: " + Files.readString(logs.resolve("first.log"))).isTrue();
            } finally {
                first.destroyForcibly().waitFor();
            }
            int atKill = peer.received().size();
            assertThat(atKill).isLessThan(PEOPLE);

            Process second = child(db, campaign, peer, logs.resolve("second.log"));
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the restarted sender finishes").isTrue();
            assertThat(second.exitValue()).as(Files.readString(logs.resolve("second.log"))).isZero();

            List<String> to = peer.recipients();
            Set<String> distinct = Set.copyOf(to);
            assertThat(distinct).hasSize(PEOPLE);
            long duplicates = to.size() - distinct.size();
            assertThat(duplicates).isLessThanOrEqualTo(WINDOW);
            SmsProgress progress = store.progress(job.id(), System.currentTimeMillis());
            assertThat(progress.count(RecipientStatus.SENT)).isEqualTo(PEOPLE);
            assertThat(progress.inDoubt()).isLessThanOrEqualTo(WINDOW).isGreaterThanOrEqualTo(duplicates);
            Set<String> inDoubt = store.recipients(job.id(), RecipientStatus.SENT, PEOPLE).stream().filter(SmsStore.RecipientRow::inDoubt)
                    .map(SmsStore.RecipientRow::phone).collect(Collectors.toSet());
            Map<String, Long> times = to.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            assertThat(times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)).allMatch(inDoubt::contains);
            assertThat(store.job(campaign, job.id()).orElseThrow().status()).isEqualTo(SmsJob.Status.DONE);
        }
    }

    private static Process child(Database db, long campaign, SmppTestPeer peer, Path log) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        DatabaseConfig c = db.config();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath, SmsSendChild.class.getName(),
                c.url(), Objects.requireNonNullElse(c.user(), ""), Objects.requireNonNullElse(c.password(), ""), Long.toString(campaign),
                Integer.toString(peer.port()), Integer.toString(WINDOW), Integer.toString(RATE))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
