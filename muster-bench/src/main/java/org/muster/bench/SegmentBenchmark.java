package org.muster.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.muster.segment.Filter;
import org.muster.segment.SegmentExecutor;
import org.muster.segment.SegmentIndex;
import org.muster.segment.SegmentParser;
import org.muster.segment.SegmentSource;
import org.muster.store.Database;
import org.muster.store.JooqSegmentSource;
import org.muster.store.SegmentSql;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./muster bench segment}: twelve representative filters of 1 to 8 clauses on a generated campaign, count and
 * first page (50 lowest ids) latency for the bitmap index, the compiled SQL on SQLite and PostgreSQL, and the same
 * compiled SQL on DuckDB loaded with the same rows in the same run. Every engine's count is checked against the
 * index's, so a fast wrong answer cannot pass. {@code --copies 10} multiplies the campaign (ids offset per copy)
 * for the 10M-people figures: in the index as it is built, in DuckDB after loading, and in a SQLite file and a
 * PostgreSQL schema of their own filled once inside the database ({@link SqlCopies}) and kept for later runs.
 * PostgreSQL holds the SQLite campaign's rows copied over ({@link BenchData#postgresCopy}), so all engines read
 * the same people under the same ids.
 * {@code --sql-timeout} cancels any SQL query running longer, reported as "&gt; N s", so one slow filter cannot
 * stall a run.
 */
@Command(name = "segment", mixinStandardHelpOptions = true, description = "Segment counts: bitmap index vs SQL vs DuckDB.")
final class SegmentBenchmark implements Callable<Integer> {

    static final List<String> FILTERS = List.of(
            "tag(volunteer)",
            "precinct in (92-05, 92-02)",
            "party = DEM and voted(2024-general)",
            "county = WAKE and support <= 2 and not voted(2022-general)",
            "precinct in (92-05, 92-06, 92-07) and not voted(2022-general) and voted(2020-general) and support >= 4 and age >= 30",
            "party in (DEM, UNA) and votes(last 4) >= 3 and age < 35",
            "(tag(donor) or tag(volunteer)) and not tag(yard-sign) and county in (WAKE, DURHAM)",
            "household_size >= 3 and party = REP and voted(2024-general, \"ABSENTEE BY MAIL\")",
            "(support <= 2 or tag(canvassed-2026)) and voted(2024-general) and not voted(2024-primary) "
                    + "and not contacted(30d, canvass) and birth_year >= 1960",
            "county in (WAKE, MECKLENBURG, GUILFORD) and party in (DEM, UNA) and age >= 25 and age < 65 "
                    + "and voted(2020-general) and not voted(2022-general) and votes(last 6) >= 2 and not tag(canvassed-2026)",
            // Filter 5 without its precinct, so no small clause narrows the others: the hardest 5-clause shape.
            "county in (WAKE, DURHAM) and not voted(2022-general) and voted(2020-general) and support >= 4 and age >= 30",
            "within(35.78, -78.64, 10km) and age >= 30 and not voted(2022-general)");

    private static final int PAGE = 50;

    @Option(names = "--people", description = "Generated people per copy (default: ${DEFAULT-VALUE}).")
    int people = 1_000_000;

    @Option(names = "--copies", description = "Copies of the campaign, ids offset per copy, in every engine (default: ${DEFAULT-VALUE}).")
    int copies = 1;

    @Option(names = "--seconds", description = "Measuring time per filter, operation and engine (default: ${DEFAULT-VALUE}).")
    double seconds = 2;

    @Option(names = "--min-samples", description = "Samples per filter, operation and engine at least, however long they take (default: ${DEFAULT-VALUE}).")
    int minSamples = 3;

    @Option(names = "--sql-timeout", description = "Seconds after which an SQL query is cancelled and reported as slower (default: none).")
    double sqlTimeout = 0;

    @Option(names = "--engines", split = ",", description = "Engines (default: ${DEFAULT-VALUE}).")
    List<String> engines = List.of("index", "sqlite", "postgresql", "duckdb");

    @Option(names = "--filters", split = ",", description = "Numbers of the filters to run, from 1 (default: all).")
    List<Integer> only = List.of();

    /** Latencies of one operation, or {@code timedOut} when a call ran past {@code --sql-timeout}. */
    record Stats(int samples, double p50, double p99, boolean timedOut) {
        static Stats of(List<Long> nanos) {
            long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Stats(s.length, s[(s.length - 1) / 2] / 1e6, s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6, false);
        }

        String cell(double millis, double timeoutSeconds) {
            return timedOut ? "> " + new java.text.DecimalFormat("0.###").format(timeoutSeconds) + " s" : String.format("%.2f", millis);
        }
    }

    @Override
    public Integer call() throws Exception {
        Instant now = Instant.now();
        List<Filter> filters = FILTERS.stream().map(SegmentParser::parse).toList();
        if (!only.isEmpty() && only.stream().anyMatch(n -> n < 1 || n > FILTERS.size())) {
            throw new IllegalArgumentException("--filters takes numbers from 1 to " + FILTERS.size() + ": " + only);
        }
        Database sqlite = BenchData.open("sqlite", people);
        long campaign = sqlite.campaigns().all().get(0).id();
        long stride = 1L + ((Number) sqlite.dsl().fetchValue("select max(id) from person")).longValue();
        long householdStride = 1L + ((Number) sqlite.dsl().fetchValue("select coalesce(max(id), 0) from household")).longValue();

        System.gc();
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        SegmentIndex index = SegmentIndex.build(new Copies(new JooqSegmentSource(sqlite), copies, stride, householdStride), campaign);
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        long heapAfter = usedHeap();
        long total = index.count(SegmentParser.parse("not tag(no-such-tag)"), now);
        System.out.printf("index: %,d people built in %.1f s; bitmaps %,d bytes (%.1f B/person); heap growth %,d bytes (%.1f B/person)%n",
                total, buildSeconds, index.sizeInBytes(), index.sizeInBytes() / (double) total, heapAfter - heapBefore,
                (heapAfter - heapBefore) / (double) total);

        QueryTimeout timeouts = new QueryTimeout(sqlTimeout);
        Map<String, SegmentExecutor> executors = new LinkedHashMap<>();
        List<AutoCloseable> open = new ArrayList<>();
        for (String engine : engines) {
            switch (engine) {
                case "index" -> executors.put(engine, index);
                case "sqlite", "postgresql" -> {
                    Database db = copies > 1 ? BenchData.openCopies(engine, people, copies, stride, householdStride)
                            : engine.equals("sqlite") ? sqlite : BenchData.postgresCopy(people);
                    executors.put(engine, new SegmentSql(timeouts.apply(db.dsl()), campaign));
                }
                case "duckdb" -> {
                    long t = System.nanoTime();
                    Connection duck = duckdb(sqlite, stride, householdStride);
                    open.add(duck);
                    System.out.printf("duckdb: loaded in %.1f s%n", (System.nanoTime() - t) / 1e9);
                    executors.put(engine, new SegmentSql(timeouts.apply(DSL.using(duck, SQLDialect.DUCKDB)), campaign));
                }
                default -> throw new IllegalArgumentException("unknown engine " + engine);
            }
        }

        System.out.println();
        System.out.println("| # | clauses | matches | engine | count p50 ms | count p99 ms | page p50 ms | page p99 ms | samples |");
        System.out.println("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < filters.size(); i++) {
            if (!only.isEmpty() && !only.contains(i + 1)) continue;
            Filter f = filters.get(i);
            int number = i + 1;
            long expected = index.count(f, now);
            long[] expectedPage = index.firstIds(f, now, PAGE);
            for (var e : executors.entrySet()) {
                SegmentExecutor ex = e.getValue();
                Stats count = measure(() -> ex.count(f, now), got -> {
                    if ((Long) got != expected) throw disagreement(e.getKey(), number, got + " people vs " + expected);
                });
                Stats page = measure(() -> ex.firstIds(f, now, PAGE), got -> {
                    if (!Arrays.equals((long[]) got, expectedPage)) throw disagreement(e.getKey(), number, "a different first page");
                });
                System.out.printf("| %d | %d | %,d | %s | %s | %s | %s | %s | %d / %d |%n", number, clauses(f), expected, e.getKey(),
                        count.cell(count.p50(), sqlTimeout), count.cell(count.p99(), sqlTimeout), page.cell(page.p50(), sqlTimeout),
                        page.cell(page.p99(), sqlTimeout), count.samples(), page.samples());
            }
        }
        timeouts.close();
        for (AutoCloseable c : open) c.close();
        return 0;
    }

    private static IllegalStateException disagreement(String engine, int filter, String what) {
        return new IllegalStateException(engine + " disagrees with the index on filter " + filter + ": " + what);
    }

    /**
     * Samples for {@code seconds} (at least {@code --min-samples}, at most 2,000) after one untimed warm-up call,
     * whose answer is checked against the index's. A call cancelled by {@code --sql-timeout} ends the sampling: the
     * operation is reported as slower than the timeout, never dropped (an unchecked answer is not timed either).
     */
    private Stats measure(Supplier<Object> op, java.util.function.Consumer<Object> check) {
        List<Long> nanos = new ArrayList<>();
        long end = 0;
        while (nanos.size() < minSamples || (System.nanoTime() < end && nanos.size() < 2_000)) {
            long t = System.nanoTime();
            Object answer;
            try {
                answer = op.get();
            } catch (RuntimeException ex) {
                if (!QueryTimeout.cancelled()) throw ex;
                return new Stats(nanos.size(), Double.NaN, Double.NaN, true);
            }
            if (end == 0) {
                check.accept(answer);
                end = System.nanoTime() + (long) (seconds * 1e9);
            } else {
                nanos.add(System.nanoTime() - t);
            }
        }
        return Stats.of(nanos);
    }

    static int clauses(Filter f) {
        return switch (f) {
            case Filter.And a -> a.parts().stream().mapToInt(SegmentBenchmark::clauses).sum();
            case Filter.Or o -> o.parts().stream().mapToInt(SegmentBenchmark::clauses).sum();
            case Filter.Not n -> clauses(n.inner());
            default -> 1;
        };
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /**
     * An in-memory DuckDB with the tables segments read, copied from the SQLite database through the appender,
     * then multiplied into {@code copies} copies with offset ids.
     */
    private Connection duckdb(Database sqlite, long stride, long householdStride) throws Exception {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            s.execute("set threads = 2");
            s.execute("create table person (id bigint, campaign_id bigint, party varchar, birth_year bigint, support_level bigint, household_id bigint)");
            s.execute("create table voter_registration (person_id bigint, campaign_id bigint, precinct varchar, ward varchar, county varchar, "
                    + "municipality varchar, congressional_district varchar, state_senate_district varchar, state_house_district varchar)");
            s.execute("create table vote_history_text (person_id bigint, election_date varchar, election_name varchar, method varchar)");
            s.execute("create table tag (id bigint, campaign_id bigint, name varchar)");
            s.execute("create table tagging (person_id bigint, tag_id bigint)");
            s.execute("create table activity (id bigint, person_id bigint, \"at\" bigint, type varchar)");
            s.execute("create table consent (id bigint, person_id bigint, channel varchar, status varchar, recorded_at bigint)");
            s.execute("create table custom_field (id bigint, campaign_id bigint, name varchar)");
            s.execute("create table custom_field_value (person_id bigint, field_id bigint, value varchar)");
            s.execute("create table person_address (person_id bigint, latitude double, longitude double)");
        }
        try (Connection src = sqlite.dataSource().getConnection()) {
            copy(src, duck, "person", "select id, campaign_id, party, birth_year, support_level, household_id from person");
            copy(src, duck, "voter_registration", "select person_id, campaign_id, precinct, ward, county, municipality, "
                    + "congressional_district, state_senate_district, state_house_district from voter_registration");
            copy(src, duck, "vote_history_text", "select person_id, election_date, election_name, method from vote_history");
            copy(src, duck, "tag", "select id, campaign_id, name from tag");
            copy(src, duck, "tagging", "select person_id, tag_id from tagging");
            copy(src, duck, "activity", "select id, person_id, at, type from activity");
            copy(src, duck, "consent", "select id, person_id, channel, status, recorded_at from consent");
            copy(src, duck, "custom_field", "select id, campaign_id, name from custom_field");
            copy(src, duck, "custom_field_value", "select person_id, field_id, value from custom_field_value");
            copy(src, duck, "person_address", "select person_id, latitude, longitude from person_address");
        }
        try (Statement s = duck.createStatement()) {
            s.execute("create table vote_history as select person_id, cast(election_date as date) as election_date, election_name, method "
                    + "from vote_history_text");
            s.execute("drop table vote_history_text");
            for (int k = 1; k < copies; k++) {
                long o = k * stride;
                long h = k * householdStride;
                s.execute("insert into person select id + " + o + ", campaign_id, party, birth_year, support_level, household_id + " + h
                        + " from person where id < " + stride);
                s.execute("insert into voter_registration select person_id + " + o + ", campaign_id, precinct, ward, county, municipality, "
                        + "congressional_district, state_senate_district, state_house_district from voter_registration where person_id < " + stride);
                s.execute("insert into vote_history select person_id + " + o + ", election_date, election_name, method from vote_history where person_id < " + stride);
                s.execute("insert into tagging select person_id + " + o + ", tag_id from tagging where person_id < " + stride);
                s.execute("insert into activity select id + " + o + ", person_id + " + o + ", \"at\", type from activity where person_id < " + stride);
                s.execute("insert into person_address select person_id + " + o + ", latitude, longitude from person_address where person_id < " + stride);
            }
        }
        return duck;
    }

    private static void copy(Connection src, Connection duck, String table, String select) throws Exception {
        try (Statement st = src.createStatement(); ResultSet rs = st.executeQuery(select);
                DuckDBAppender appender = duck.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                appender.beginRow();
                for (int c = 1; c <= columns; c++) {
                    Object v = rs.getObject(c);
                    if (v == null) appender.appendNull();
                    else if (v instanceof Double d) appender.append(d.doubleValue());
                    else if (v instanceof Number n) appender.append(n.longValue());
                    else appender.append(v.toString());
                }
                appender.endRow();
            }
        }
    }

    /**
     * The campaign {@code copies} times over, ids and households offset per copy: a bigger campaign of the same
     * shape. One scan fans each fact out to every copy, so the build time it yields is the bitmap work for all
     * copies plus one scan, not {@code copies} scans.
     */
    private record Copies(SegmentSource source, int copies, long stride, long householdStride) implements SegmentSource {
        @Override
        public void scan(long campaignId, long[] personIds, Sink sink) {
            source.scan(campaignId, personIds, new Sink() {
                public void person(long id, String party, Integer birthYear, Integer supportLevel, Long householdId) {
                    for (int k = 0; k < copies; k++) {
                        sink.person(id + k * stride, party, birthYear, supportLevel, householdId == null ? null : householdId + k * householdStride);
                    }
                }

                public void registration(long personId, String precinct, String ward, String county, String municipality,
                        String congressional, String stateSenate, String stateHouse) {
                    for (int k = 0; k < copies; k++) {
                        sink.registration(personId + k * stride, precinct, ward, county, municipality, congressional, stateSenate, stateHouse);
                    }
                }

                public void vote(long personId, LocalDate electionDate, String electionName, String method) {
                    for (int k = 0; k < copies; k++) sink.vote(personId + k * stride, electionDate, electionName, method);
                }

                public void tag(long personId, String tag) {
                    for (int k = 0; k < copies; k++) sink.tag(personId + k * stride, tag);
                }

                public void activity(long personId, String type, long at) {
                    for (int k = 0; k < copies; k++) sink.activity(personId + k * stride, type, at);
                }

                public void consent(long personId, String channel, String status) {
                    for (int k = 0; k < copies; k++) sink.consent(personId + k * stride, channel, status);
                }

                public void customField(long personId, String field, String value) {
                    for (int k = 0; k < copies; k++) sink.customField(personId + k * stride, field, value);
                }

                public void score(long personId, String name, double value) {
                    for (int k = 0; k < copies; k++) sink.score(personId + k * stride, name, value);
                }

                public void location(long personId, double latitude, double longitude) {
                    for (int k = 0; k < copies; k++) sink.location(personId + k * stride, latitude, longitude);
                }

                public void donation(long personId, long amountCents, long donatedAt) {
                    for (int k = 0; k < copies; k++) sink.donation(personId + k * stride, amountCents, donatedAt);
                }

                public void attended(long personId, long eventId, String eventName, long eventStartsAt) {
                    for (int k = 0; k < copies; k++) sink.attended(personId + k * stride, eventId, eventName, eventStartsAt);
                }
            });
        }

        @Override
        public long lastEventId() {
            return source.lastEventId();
        }

        @Override
        public Changes changesAfter(long afterEventId, int limit) {
            return new Changes(afterEventId, List.of());
        }

        @Override
        public Map<Long, Integer> householdSizes(long[] householdIds) {
            throw new UnsupportedOperationException("a benchmark index is never updated");
        }
    }
}
