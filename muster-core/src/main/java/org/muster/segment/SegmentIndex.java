package org.muster.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.muster.segment.Filter.DistrictKind;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * One campaign's people as compressed bitmaps (one per tag, district, party, election and method, activity day,
 * consent channel, custom field value, event and map cell; cumulative ones per birth year, support level, household
 * size and score value, see {@link Ranked}), plus the few facts a bitmap cannot hold exactly (address coordinates,
 * donations). A filter is a handful of bitmap operations: milliseconds at millions of people. Built from a
 * {@link SegmentSource} and kept current by {@link #catchUp()}, which re-reads every person named by new outbox
 * events. Thread-safe: queries share a read lock, updates take the write lock.
 *
 * <p>An {@code and} is evaluated without materialising its parts: every part contributes bitmaps to intersect,
 * bitmaps to subtract ({@code not x}, {@code age < 30}) and exact tests; the smallest bitmap is copied once, the
 * others are intersected in increasing size, the subtractions follow, and the tests run only on what is left.
 */
public final class SegmentIndex implements SegmentExecutor {

    private static final long DAY_MILLIS = 86_400_000L;
    /** Map cells of 0.02 degrees (about 2 km): a 5 km radius reads a few dozen cells, then tests their people. */
    private static final double CELL_DEGREES = 0.02;
    private static final RoaringBitmap EMPTY = new RoaringBitmap();

    private final SegmentSource source;
    private final long campaignId;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private final RoaringBitmap universe = new RoaringBitmap();
    private final Map<String, RoaringBitmap> tags = new HashMap<>();
    private final Map<DistrictKind, Map<String, RoaringBitmap>> districts = new EnumMap<>(DistrictKind.class);
    private final Map<String, RoaringBitmap> parties = new HashMap<>();
    private final Ranked<Integer> birthYears = new Ranked<>();
    private final Ranked<Integer> supportLevels = new Ranked<>();
    private final Ranked<Integer> householdSizes = new Ranked<>();
    private final Map<String, Ranked<Double>> scores = new HashMap<>();
    private final Map<VoteKey, RoaringBitmap> votes = new HashMap<>();
    private final Map<ElectionKey, RoaringBitmap> votesByElection = new HashMap<>();
    private final TreeMap<LocalDate, RoaringBitmap> votesByDate = new TreeMap<>();
    private final TreeMap<Long, RoaringBitmap> activityDays = new TreeMap<>();
    private final Map<String, TreeMap<Long, RoaringBitmap>> activityDaysByType = new HashMap<>();
    private final Map<String, RoaringBitmap> consentGranted = new HashMap<>();
    private final Map<String, Map<String, RoaringBitmap>> customFields = new HashMap<>();
    private final Map<Long, RoaringBitmap> attendedByEvent = new HashMap<>();
    private final Map<Long, String> eventNames = new HashMap<>();
    private final Map<Long, Long> eventStarts = new HashMap<>();
    private final Map<Long, RoaringBitmap> cells = new HashMap<>();
    private final Locations locations = new Locations();
    private final Donations donations = new Donations();
    /** Household id of each person (0: none), indexed by person id: what a change must re-size. */
    private int[] householdOf = new int[1024];
    private volatile long lastEventId;

    private record VoteKey(LocalDate date, String name, String method) {
    }

    private record ElectionKey(LocalDate date, String name) {
    }

    /**
     * What one clause, or an {@code and} of clauses, contributes: people in every {@code in} bitmap (everyone when
     * there is none), in no {@code out} bitmap, and passing every test. The bitmaps may be the index's own.
     */
    private record Term(List<RoaringBitmap> in, List<RoaringBitmap> out, List<IntPredicate> tests) {
        static Term of(RoaringBitmap b) {
            return new Term(List.of(b == null ? EMPTY : b), List.of(), List.of());
        }

        boolean single() {
            return in.size() == 1 && out.isEmpty() && tests.isEmpty();
        }
    }

    private SegmentIndex(SegmentSource source, long campaignId) {
        this.source = source;
        this.campaignId = campaignId;
        for (DistrictKind kind : DistrictKind.values()) districts.put(kind, new HashMap<>());
    }

    /** Reads every person of the campaign; changes committed after the build are picked up by {@link #catchUp()}. */
    public static SegmentIndex build(SegmentSource source, long campaignId) {
        SegmentIndex index = new SegmentIndex(source, campaignId);
        // The event id is read first: a change racing with the scan is then read again, never missed.
        index.lastEventId = source.lastEventId();
        // Household sizes counted in an array indexed by household id: a map would cost ~50 bytes a household.
        int[][] sizes = {new int[1024]};
        Loader loader = index.new Loader(hh -> {
            int h = Math.toIntExact(hh);
            if (h >= sizes[0].length) sizes[0] = Arrays.copyOf(sizes[0], Math.max(h + 1, sizes[0].length * 2));
            sizes[0][h]++;
        });
        source.scan(campaignId, null, loader);
        loader.finish();
        index.resize(index.universe, hh -> sizes[0][hh]);
        return index;
    }

    /** Applies the outbox events committed since the last call; returns how many people were re-read. */
    public synchronized int catchUp() {
        int reread = 0;
        while (true) {
            SegmentSource.Changes changes = source.changesAfter(lastEventId, 10_000);
            if (changes.lastEventId() == lastEventId) return reread;
            long[] ids = changes.personIds().stream().mapToLong(Long::longValue).distinct().sorted().toArray();
            if (ids.length > 0) {
                lock.writeLock().lock();
                try {
                    reload(ids);
                } finally {
                    lock.writeLock().unlock();
                }
            }
            lastEventId = changes.lastEventId();
            reread += ids.length;
        }
    }

    private void reload(long[] ids) {
        RoaringBitmap changed = new RoaringBitmap();
        List<Long> households = new ArrayList<>();
        for (long id : ids) {
            changed.add((int) id);
            int hh = id < householdOf.length ? householdOf[(int) id] : 0;
            if (hh != 0) households.add((long) hh);
            locations.forEach((int) id, (lat, lon) -> {
                RoaringBitmap cell = cells.get(cell(lat, lon));
                if (cell != null) cell.remove((int) id);
            });
            locations.clear((int) id);
        }
        allBitmaps(b -> b.andNot(changed));
        donations.removeAll(changed);
        for (long id : ids) {
            if (id < householdOf.length) householdOf[(int) id] = 0;
        }
        Loader loader = new Loader(households::add);
        source.scan(campaignId, ids, loader);
        loader.finish();
        dropEmpty();
        Map<Long, Integer> sizes = source.householdSizes(households.stream().mapToLong(Long::longValue).distinct().toArray());
        // Everyone sharing a household with a changed person may have changed size too.
        RoaringBitmap members = changed.clone();
        for (int p = 0; p < householdOf.length; p++) {
            if (householdOf[p] != 0 && sizes.containsKey((long) householdOf[p])) members.add(p);
        }
        // Removed before the universe filter so that a deleted person leaves the size bitmaps too.
        householdSizes.forEachBitmap(b -> b.andNot(members));
        members.and(universe);
        resize(members, hh -> sizes.getOrDefault((long) hh, 1));
    }

    /** Files each person under the size of their household (1 without one). */
    private void resize(RoaringBitmap people, IntUnaryOperator householdSize) {
        Map<Integer, RoaringBitmap> bySize = new HashMap<>();
        people.forEach((int p) -> {
            int hh = p < householdOf.length ? householdOf[p] : 0;
            int size = hh == 0 ? 1 : householdSize.applyAsInt(hh);
            bySize.computeIfAbsent(size, s -> new RoaringBitmap()).add(p);
        });
        householdSizes.add(bySize);
    }

    /** Every bitmap a person can be in, but the household sizes (settled apart) and the map cells (by coordinates). */
    private void allBitmaps(Consumer<RoaringBitmap> action) {
        action.accept(universe);
        tags.values().forEach(action);
        districts.values().forEach(m -> m.values().forEach(action));
        parties.values().forEach(action);
        birthYears.forEachBitmap(action);
        supportLevels.forEachBitmap(action);
        scores.values().forEach(r -> r.forEachBitmap(action));
        votes.values().forEach(action);
        votesByElection.values().forEach(action);
        votesByDate.values().forEach(action);
        activityDays.values().forEach(action);
        activityDaysByType.values().forEach(m -> m.values().forEach(action));
        consentGranted.values().forEach(action);
        customFields.values().forEach(m -> m.values().forEach(action));
        attendedByEvent.values().forEach(action);
    }

    /** Keys whose last person left are dropped, so the index knows exactly the elections the database holds. */
    private void dropEmpty() {
        votes.values().removeIf(RoaringBitmap::isEmpty);
        votesByElection.values().removeIf(RoaringBitmap::isEmpty);
        votesByDate.values().removeIf(RoaringBitmap::isEmpty);
        cells.values().removeIf(RoaringBitmap::isEmpty);
    }

    @Override
    public long count(Filter filter, Instant now) {
        lock.readLock().lock();
        try {
            Term t = eval(filter, now);
            // One bitmap, or one less another: counted without copying either.
            if (t.tests().isEmpty() && t.in().size() == 1 && t.out().size() <= 1) {
                return t.out().isEmpty() ? t.in().get(0).getLongCardinality() : RoaringBitmap.andNotCardinality(t.in().get(0), t.out().get(0));
            }
            return materialize(t).getLongCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long[] ids(Filter filter, Instant now) {
        return Arrays.stream(query(filter, now).toArray()).asLongStream().toArray();
    }

    @Override
    public long[] firstIds(Filter filter, Instant now, int limit) {
        RoaringBitmap matching = query(filter, now);
        long[] out = new long[(int) Math.min(limit, matching.getLongCardinality())];
        var it = matching.getIntIterator();
        for (int i = 0; i < out.length; i++) out[i] = it.next();
        return out;
    }

    @Override
    public Map<String, Long> countByPrecinct(Filter filter, Instant now) {
        RoaringBitmap matching = query(filter, now);
        Map<String, Long> counts = new HashMap<>();
        lock.readLock().lock();
        try {
            districts.get(DistrictKind.PRECINCT).forEach((precinct, people) -> {
                long n = RoaringBitmap.andCardinality(matching, people);
                if (n > 0) counts.put(precinct, n);
            });
        } finally {
            lock.readLock().unlock();
        }
        return SegmentExecutor.largestFirst(counts);
    }

    /** The matching people as a bitmap of person ids (a copy the caller owns). */
    public RoaringBitmap query(Filter filter, Instant now) {
        lock.readLock().lock();
        try {
            return materialize(eval(filter, now));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Approximate heap held by the bitmaps, the coordinates, the donations and the household array. */
    public long sizeInBytes() {
        long[] total = {0};
        lock.readLock().lock();
        try {
            allBitmaps(b -> total[0] += b.getLongSizeInBytes());
            householdSizes.forEachBitmap(b -> total[0] += b.getLongSizeInBytes());
            cells.values().forEach(b -> total[0] += b.getLongSizeInBytes());
            return total[0] + 4L * householdOf.length + locations.sizeInBytes() + donations.sizeInBytes();
        } finally {
            lock.readLock().unlock();
        }
    }

    private RoaringBitmap materialize(Term t) {
        List<RoaringBitmap> in = new ArrayList<>(t.in());
        in.sort(Comparator.comparingLong(RoaringBitmap::getLongCardinality));
        RoaringBitmap out = in.isEmpty() ? universe.clone() : in.size() == 1 ? in.get(0).clone() : RoaringBitmap.and(in.get(0), in.get(1));
        for (int i = 2; i < in.size() && !out.isEmpty(); i++) out.and(in.get(i));
        for (int i = 0; i < t.out().size() && !out.isEmpty(); i++) out.andNot(t.out().get(i));
        if (t.tests().isEmpty() || out.isEmpty()) return out;
        RoaringBitmapWriter<RoaringBitmap> kept = RoaringBitmapWriter.writer().get();
        out.forEach((int p) -> {
            for (IntPredicate test : t.tests()) {
                if (!test.test(p)) return;
            }
            kept.add(p);
        });
        return kept.get();
    }

    private Term eval(Filter f, Instant now) {
        return switch (f) {
            case Filter.And and -> {
                List<RoaringBitmap> in = new ArrayList<>();
                List<RoaringBitmap> out = new ArrayList<>();
                List<IntPredicate> tests = new ArrayList<>();
                for (Filter part : and.parts()) {
                    Term t = eval(part, now);
                    in.addAll(t.in());
                    out.addAll(t.out());
                    tests.addAll(t.tests());
                }
                yield new Term(in, out, tests);
            }
            case Filter.Or or -> Term.of(FastAggregation.or(or.parts().stream().map(p -> materialize(eval(p, now))).iterator()));
            case Filter.Not not -> {
                Term inner = eval(not.inner(), now);
                // Subtracted from everyone, never complemented: "not x" costs what x costs.
                yield new Term(List.of(), List.of(inner.single() ? inner.in().get(0) : materialize(inner)), List.of());
            }
            case Filter.Tag tag -> Term.of(tags.get(tag.name()));
            case Filter.District d -> union(d.values().stream().map(districts.get(d.kind())::get).toList());
            case Filter.Party p -> union(p.values().stream().map(parties::get).toList());
            case Filter.BirthYear by -> ranked(birthYears, by.cmp(), by.year());
            case Filter.Age age -> eval(age.asBirthYear(now.atZone(ZoneOffset.UTC).getYear()), now);
            case Filter.Support s -> ranked(supportLevels, s.cmp(), s.level());
            case Filter.HouseholdSize h -> ranked(householdSizes, h.cmp(), h.size());
            case Filter.Score s -> scores.containsKey(s.name()) ? ranked(scores.get(s.name()), s.cmp(), s.value()) : Term.of(EMPTY);
            case Filter.Voted v -> v.method() == null
                    ? union(votesByElection.entrySet().stream().filter(e -> v.election().matches(e.getKey().date(), e.getKey().name()))
                            .map(Map.Entry::getValue).toList())
                    : union(votes.entrySet().stream()
                            .filter(e -> v.election().matches(e.getKey().date(), e.getKey().name()) && v.method().equals(upper(e.getKey().method())))
                            .map(Map.Entry::getValue).toList());
            case Filter.VoteCount vc -> Term.of(voteCount(vc));
            case Filter.Contacted c -> {
                NavigableMap<Long, RoaringBitmap> days = c.type() == null ? activityDays : activityDaysByType.get(c.type());
                long from = Math.floorDiv(now.toEpochMilli(), DAY_MILLIS) - c.days();
                yield days == null ? Term.of(EMPTY) : union(days.tailMap(from, true).values());
            }
            case Filter.Engaged e -> eval(e.asContacted(), now);
            case Filter.Consent c -> Term.of(consentGranted.get(c.channel()));
            case Filter.CustomField cf -> {
                Map<String, RoaringBitmap> values = customFields.getOrDefault(cf.field(), Map.of());
                yield union(cf.values().stream().map(values::get).toList());
            }
            case Filter.Within w -> {
                Geo.Circle c = Geo.Circle.of(w);
                yield near(c.minLat(), c.maxLat(), c.minLon(), c.maxLon(), c::contains);
            }
            case Filter.WithinPolygon w -> {
                Geo.Polygon p = Geo.Polygon.of(w);
                yield near(p.minLat(), p.maxLat(), p.minLon(), p.maxLon(), p::contains);
            }
            case Filter.Donated d -> Term.of(donations.matching(d.cmp(), d.cents(), d.since() == null ? Long.MIN_VALUE : d.since().epochMillis(now)));
            case Filter.Attended a -> {
                long since = a.since() == null ? Long.MIN_VALUE : a.since().epochMillis(now);
                yield union(attendedByEvent.entrySet().stream()
                        .filter(e -> (a.event() == null || a.event().equals(eventNames.get(e.getKey()))) && eventStarts.get(e.getKey()) >= since)
                        .map(Map.Entry::getValue).toList());
            }
            case Filter.Split s -> new Term(List.of(), List.of(), List.of(p -> {
                int bucket = Filter.Split.bucket(p, s.seed());
                return bucket >= s.from() && bucket < s.to();
            }));
            case Filter.SegmentRef ref -> throw new IllegalArgumentException("segment(" + ref.name() + ") must be resolved before evaluation");
        };
    }

    private static <K extends Comparable<K>> Term ranked(Ranked<K> ranked, Filter.Cmp cmp, K value) {
        List<RoaringBitmap> in = new ArrayList<>(1);
        List<RoaringBitmap> out = new ArrayList<>(1);
        ranked.compare(cmp, value, in, out);
        return new Term(in, out, List.of());
    }

    /** People with a location in the map cells overlapping the box, tested exactly. */
    private Term near(double minLat, double maxLat, double minLon, double maxLon, Locations.Test exact) {
        List<RoaringBitmap> candidates = new ArrayList<>();
        long cellsSpanned = (cellIndex(maxLat) - cellIndex(minLat) + 1) * (cellIndex(maxLon) - cellIndex(minLon) + 1);
        if (cellsSpanned > cells.size()) {
            candidates.addAll(cells.values());
        } else {
            for (long y = cellIndex(minLat); y <= cellIndex(maxLat); y++) {
                for (long x = cellIndex(minLon); x <= cellIndex(maxLon); x++) candidates.add(cells.get(cellKey(y, x)));
            }
        }
        Term union = union(candidates);
        return new Term(union.in(), List.of(), List.of(p -> locations.any(p, exact)));
    }

    private static long cellIndex(double degrees) {
        return (long) Math.floor(degrees / CELL_DEGREES);
    }

    private static long cellKey(long y, long x) {
        return y * 100_000 + x;
    }

    private static long cell(double lat, double lon) {
        return cellKey(cellIndex(lat), cellIndex(lon));
    }

    /** People who voted on {@code count cmp k} of the campaign's last N election dates, by "at least j" layers. */
    private RoaringBitmap voteCount(Filter.VoteCount vc) {
        List<RoaringBitmap> last = new ArrayList<>(votesByDate.descendingMap().values());
        int n = Math.min(vc.elections(), last.size());
        RoaringBitmap[] atLeast = new RoaringBitmap[n + 2];
        atLeast[0] = universe.clone();
        for (int j = 1; j < atLeast.length; j++) atLeast[j] = new RoaringBitmap();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j >= 1; j--) atLeast[j].or(RoaringBitmap.and(atLeast[j - 1], last.get(i)));
        }
        RoaringBitmap out = new RoaringBitmap();
        for (int c = 0; c <= n; c++) {
            if (vc.cmp().test(c, vc.count())) out.or(RoaringBitmap.andNot(atLeast[c], atLeast[c + 1]));
        }
        return out;
    }

    /** The union of the bitmaps (nulls: absent keys); one bitmap is passed on as it is, not copied. */
    private static Term union(Collection<RoaringBitmap> bitmaps) {
        List<RoaringBitmap> present = bitmaps.stream().filter(b -> b != null).toList();
        return switch (present.size()) {
            case 0 -> Term.of(EMPTY);
            case 1 -> Term.of(present.get(0));
            default -> Term.of(FastAggregation.or(present.iterator()));
        };
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static RoaringBitmap bitmap(Map<String, RoaringBitmap> map, String key) {
        return map.computeIfAbsent(key, k -> new RoaringBitmap());
    }

    /**
     * Adds scanned facts to the bitmaps; ordered values are collected per value and added to their cumulative
     * bitmaps by {@link #finish()}; households are reported so their sizes can be settled after the scan.
     */
    private final class Loader implements SegmentSource.Sink {
        private final Consumer<Long> household;
        private final Map<Integer, RoaringBitmap> birthYearsSeen = new HashMap<>();
        private final Map<Integer, RoaringBitmap> supportSeen = new HashMap<>();
        private final Map<String, Map<Double, RoaringBitmap>> scoresSeen = new HashMap<>();

        Loader(Consumer<Long> household) {
            this.household = household;
        }

        void finish() {
            birthYears.add(birthYearsSeen);
            supportLevels.add(supportSeen);
            scoresSeen.forEach((name, values) -> scores.computeIfAbsent(name, k -> new Ranked<>()).add(values));
        }

        @Override
        public void person(long id, String party, Integer birthYear, Integer supportLevel, Long householdId) {
            int p = Math.toIntExact(id);
            universe.add(p);
            if (party != null) bitmap(parties, party).add(p);
            if (birthYear != null) birthYearsSeen.computeIfAbsent(birthYear, k -> new RoaringBitmap()).add(p);
            if (supportLevel != null) supportSeen.computeIfAbsent(supportLevel, k -> new RoaringBitmap()).add(p);
            if (p >= householdOf.length) householdOf = Arrays.copyOf(householdOf, Math.max(p + 1, householdOf.length * 2));
            if (householdId != null) {
                householdOf[p] = Math.toIntExact(householdId);
                household.accept(householdId);
            }
        }

        @Override
        public void registration(long personId, String precinct, String ward, String county, String municipality,
                String congressional, String stateSenate, String stateHouse) {
            String[] values = {precinct, ward, county, municipality, congressional, stateSenate, stateHouse};
            DistrictKind[] kinds = {DistrictKind.PRECINCT, DistrictKind.WARD, DistrictKind.COUNTY, DistrictKind.MUNICIPALITY,
                    DistrictKind.CONGRESSIONAL, DistrictKind.STATE_SENATE, DistrictKind.STATE_HOUSE};
            for (int i = 0; i < kinds.length; i++) {
                if (values[i] != null) bitmap(districts.get(kinds[i]), values[i]).add((int) personId);
            }
        }

        @Override
        public void vote(long personId, LocalDate electionDate, String electionName, String method) {
            votes.computeIfAbsent(new VoteKey(electionDate, electionName, method), k -> new RoaringBitmap()).add((int) personId);
            votesByElection.computeIfAbsent(new ElectionKey(electionDate, electionName), k -> new RoaringBitmap()).add((int) personId);
            votesByDate.computeIfAbsent(electionDate, k -> new RoaringBitmap()).add((int) personId);
        }

        @Override
        public void tag(long personId, String tag) {
            bitmap(tags, tag).add((int) personId);
        }

        @Override
        public void activity(long personId, String type, long at) {
            long day = Math.floorDiv(at, DAY_MILLIS);
            activityDays.computeIfAbsent(day, k -> new RoaringBitmap()).add((int) personId);
            activityDaysByType.computeIfAbsent(type, k -> new TreeMap<>())
                    .computeIfAbsent(day, k -> new RoaringBitmap()).add((int) personId);
        }

        @Override
        public void consent(long personId, String channel, String status) {
            if ("GRANTED".equals(status)) {
                bitmap(consentGranted, channel).add((int) personId);
            } else if (consentGranted.containsKey(channel)) {
                consentGranted.get(channel).remove((int) personId);
            }
        }

        @Override
        public void customField(long personId, String field, String value) {
            if (value != null) bitmap(customFields.computeIfAbsent(field, k -> new HashMap<>()), value).add((int) personId);
        }

        @Override
        public void score(long personId, String name, double value) {
            scoresSeen.computeIfAbsent(name, k -> new HashMap<>()).computeIfAbsent(value, k -> new RoaringBitmap()).add((int) personId);
        }

        @Override
        public void location(long personId, double latitude, double longitude) {
            locations.add((int) personId, latitude, longitude);
            cells.computeIfAbsent(cell(latitude, longitude), k -> new RoaringBitmap()).add((int) personId);
        }

        @Override
        public void donation(long personId, long amountCents, long donatedAt) {
            donations.add((int) personId, amountCents, donatedAt);
        }

        @Override
        public void attended(long personId, long eventId, String eventName, long eventStartsAt) {
            attendedByEvent.computeIfAbsent(eventId, k -> new RoaringBitmap()).add((int) personId);
            eventNames.put(eventId, eventName);
            eventStarts.put(eventId, eventStartsAt);
        }
    }
}
