package org.muster.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.Record;
import org.muster.people.PersonSummary;
import org.muster.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * People search as the search box runs it (first page of 50, summaries included) on a generated campaign, by
 * each kind of query, beside the anchor: the same last-name prefix answered the way a naive CRM does it,
 * {@code lower(last_name) like 'smi%'}, which no plain index serves.
 *
 * <p>Run: {@code ./muster bench jmh PeopleSearch -p people=1000000 -p database=sqlite,postgresql}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
public class PeopleSearchBenchmark {

    private static final int PAGE = 50;
    private static final int SAMPLES = 1_000;

    @Param({"100000"})
    public int people;

    @Param({"sqlite"})
    public String database;

    private Database db;
    private long campaign;
    private String[] lastNamePrefixes;
    private String[] fullNames;
    private String[] emails;
    private String[] phones;
    private String[] streets;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        db = BenchData.open(database, people);
        campaign = db.campaigns().all().get(0).id();
        // Queries are drawn from real rows so every one finds someone, spread over the whole table. The coalesce
        // keeps SQLite from typing a column by a first row that happens to be null.
        List<Record> sample = db.dsl().resultQuery("select p.first_name, p.last_name, "
                + "coalesce((select min(email) from person_email e where e.person_id = p.id), '') as email, "
                + "coalesce((select min(number_e164) from person_phone f where f.person_id = p.id), '') as phone, "
                + "coalesce((select min(line1) from person_address a where a.person_id = p.id), '') as street "
                + "from person p where p.id % ? = 0 limit ?", Math.max(1, people / SAMPLES), SAMPLES).fetch();
        lastNamePrefixes = sample.stream().map(r -> r.get(1, String.class))
                .map(n -> n.substring(0, Math.min(4, n.length()))).toArray(String[]::new);
        fullNames = sample.stream().map(r -> r.get(0, String.class) + " " + r.get(1, String.class)).toArray(String[]::new);
        emails = sample.stream().map(r -> r.get(2, String.class)).filter(e -> !e.isEmpty()).toArray(String[]::new);
        phones = sample.stream().map(r -> r.get(3, String.class)).filter(p -> !p.isEmpty())
                .map(p -> "(" + p.substring(2, 5) + ") " + p.substring(5, 8) + "-" + p.substring(8)).toArray(String[]::new);
        streets = sample.stream().map(r -> r.get(4, String.class)).filter(s -> !s.isEmpty())
                .map(s -> s.split(" ")[0] + " " + s.split(" ")[1]).toArray(String[]::new);
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    private String pick(String[] queries) {
        return queries[next++ % queries.length];
    }

    @Benchmark
    public List<PersonSummary> lastNamePrefix() {
        return db.people().search(campaign, pick(lastNamePrefixes), PAGE);
    }

    @Benchmark
    public List<PersonSummary> fullName() {
        return db.people().search(campaign, pick(fullNames), PAGE);
    }

    @Benchmark
    public List<PersonSummary> email() {
        return db.people().search(campaign, pick(emails), PAGE);
    }

    @Benchmark
    public List<PersonSummary> phone() {
        return db.people().search(campaign, pick(phones), PAGE);
    }

    @Benchmark
    public List<PersonSummary> streetAddress() {
        return db.people().search(campaign, pick(streets), PAGE);
    }

    /** The anchor: the same last-name prefix, ids only, by a case-insensitive LIKE that scans the table. */
    @Benchmark
    public List<Long> anchorLowerLikeScan() {
        return db.dsl().resultQuery("select id from person where campaign_id = ? and lower(last_name) like ? "
                        + "order by last_name, first_name limit ?", campaign, pick(lastNamePrefixes).toLowerCase() + "%", PAGE)
                .fetch(0, Long.class);
    }
}
