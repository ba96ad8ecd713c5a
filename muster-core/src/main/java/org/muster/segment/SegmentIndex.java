package org.muster.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
import java.util.function.IntUnaryOperator;
import org.muster.segment.Filter.Cmp;
import org.muster.segment.Filter.DistrictKind;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * One campaign's people as compressed bitmaps (one per tag, district, party, birth year, support level, election and
 * method, activity day, consent channel, custom field value and household size), so a filter is a handful of bitmap
 * unions and intersections: milliseconds at millions of people. Built from a {@link SegmentSource} and kept current
 * by {@link #catchUp()}, which re-reads every person named by new outbox events. Thread-safe: queries share a read
 * lock, updates take the write lock.
 */
public final class SegmentIndex implements SegmentExecutor {

    private static final long DAY_MILLIS = 86_400_000L;

    private final SegmentSource source;
    private final long campaignId;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private final RoaringBitmap universe = new RoaringBitmap();
    private final Map<String, RoaringBitmap> tags = new HashMap<>();
    private final Map<DistrictKind, Map<String, RoaringBitmap>> districts = new EnumMap<>(DistrictKind.class);
    private final Map<String, RoaringBitmap> parties = new HashMap<>();
    private final TreeMap<Integer, RoaringBitmap> birthYears = new TreeMap<>();
    private final TreeMap<Integer, RoaringBitmap> supportLevels = new TreeMap<>();
    private final Map<VoteKey, RoaringBitmap> votes = new HashMap<>();
    private final TreeMap<LocalDate, RoaringBitmap> votesByDate = new TreeMap<>();
    private final TreeMap<Long, RoaringBitmap> activityDays = new TreeMap<>();
    private final Map<String, TreeMap<Long, RoaringBitmap>> activityDaysByType = new HashMap<>();
    private final Map<String, RoaringBitmap> consentGranted = new HashMap<>();
    private final Map<String, Map<String, RoaringBitmap>> customFields = new HashMap<>();
    private final TreeMap<Integer, RoaringBitmap> householdSizes = new TreeMap<>();
    /** Household id of each person (0: none), indexed by person id: what a change must re-size. */
    private int[] householdOf = new int[1024];
    private volatile long lastEventId;

    private record VoteKey(LocalDate date, String name, String method) {
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
        source.scan(campaignId, null, index.new Loader(hh -> {
            int h = Math.toIntExact(hh);
            if (h >= sizes[0].length) sizes[0] = Arrays.copyOf(sizes[0], Math.max(h + 1, sizes[0].length * 2));
            sizes[0][h]++;
        }));
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
        }
        allBitmaps(b -> b.andNot(changed));
        for (long id : ids) {
            if (id < householdOf.length) householdOf[(int) id] = 0;
        }
        source.scan(campaignId, ids, new Loader(hh -> households.add(hh)));
        dropEmpty();
        Map<Long, Integer> sizes = source.householdSizes(households.stream().mapToLong(Long::longValue).distinct().toArray());
        // Everyone sharing a household with a changed person may have changed size too.
        RoaringBitmap members = changed.clone();
        for (int p = 0; p < householdOf.length; p++) {
            if (householdOf[p] != 0 && sizes.containsKey((long) householdOf[p])) members.add(p);
        }
        // Removed before the universe filter so that a deleted person leaves the size bitmaps too.
        householdSizes.values().forEach(b -> b.andNot(members));
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
        bySize.forEach((size, b) -> householdSizes.merge(size, b, (x, y) -> RoaringBitmap.or(x, y)));
        householdSizes.values().removeIf(RoaringBitmap::isEmpty);
    }

    private void allBitmaps(Consumer<RoaringBitmap> action) {
        action.accept(universe);
        tags.values().forEach(action);
        districts.values().forEach(m -> m.values().forEach(action));
        parties.values().forEach(action);
        birthYears.values().forEach(action);
        supportLevels.values().forEach(action);
        votes.values().forEach(action);
        votesByDate.values().forEach(action);
        activityDays.values().forEach(action);
        activityDaysByType.values().forEach(m -> m.values().forEach(action));
        consentGranted.values().forEach(action);
        customFields.values().forEach(m -> m.values().forEach(action));
    }

    /** Keys whose last person left are dropped, so the index knows exactly the elections the database holds. */
    private void dropEmpty() {
        votes.values().removeIf(RoaringBitmap::isEmpty);
        votesByDate.values().removeIf(RoaringBitmap::isEmpty);
    }

    @Override
    public long count(Filter filter, Instant now) {
        return query(filter, now).getLongCardinality();
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
            return eval(filter, now);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Approximate heap held by the bitmaps and the household array. */
    public long sizeInBytes() {
        long[] total = {0};
        lock.readLock().lock();
        try {
            allBitmaps(b -> total[0] += b.getLongSizeInBytes());
            householdSizes.values().forEach(b -> total[0] += b.getLongSizeInBytes());
            return total[0] + 4L * householdOf.length;
        } finally {
            lock.readLock().unlock();
        }
    }

    private RoaringBitmap eval(Filter f, Instant now) {
        return switch (f) {
            case Filter.And and -> {
                RoaringBitmap out = eval(and.parts().get(0), now);
                for (int i = 1; i < and.parts().size() && !out.isEmpty(); i++) out.and(eval(and.parts().get(i), now));
                yield out;
            }
            case Filter.Or or -> union(or.parts().stream().map(p -> eval(p, now)).toList());
            case Filter.Not not -> RoaringBitmap.andNot(universe, eval(not.inner(), now));
            case Filter.Tag tag -> union(java.util.Collections.singletonList(tags.get(tag.name())));
            case Filter.District d -> union(d.values().stream().map(districts.get(d.kind())::get).toList());
            case Filter.Party p -> union(p.values().stream().map(parties::get).toList());
            case Filter.BirthYear by -> union(range(birthYears, by.cmp(), by.year()));
            case Filter.Age age -> eval(age.asBirthYear(now.atZone(ZoneOffset.UTC).getYear()), now);
            case Filter.Support s -> union(range(supportLevels, s.cmp(), s.level()));
            case Filter.HouseholdSize h -> union(range(householdSizes, h.cmp(), h.size()));
            case Filter.Voted v -> union(votes.entrySet().stream()
                    .filter(e -> v.election().matches(e.getKey().date(), e.getKey().name())
                            && (v.method() == null || v.method().equals(upper(e.getKey().method()))))
                    .map(Map.Entry::getValue).toList());
            case Filter.VoteCount vc -> voteCount(vc);
            case Filter.Contacted c -> {
                NavigableMap<Long, RoaringBitmap> days = c.type() == null ? activityDays : activityDaysByType.get(c.type());
                long from = Math.floorDiv(now.toEpochMilli(), DAY_MILLIS) - c.days();
                yield days == null ? new RoaringBitmap() : union(days.tailMap(from, true).values());
            }
            case Filter.Consent c -> union(java.util.Collections.singletonList(consentGranted.get(c.channel())));
            case Filter.CustomField cf -> {
                Map<String, RoaringBitmap> values = customFields.getOrDefault(cf.field(), Map.of());
                yield union(cf.values().stream().map(values::get).toList());
            }
            case Filter.SegmentRef ref -> throw new IllegalArgumentException("segment(" + ref.name() + ") must be resolved before evaluation");
        };
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

    private static Collection<RoaringBitmap> range(TreeMap<Integer, RoaringBitmap> map, Cmp cmp, int value) {
        return switch (cmp) {
            case EQ -> map.subMap(value, true, value, true).values();
            case LT -> map.headMap(value, false).values();
            case LE -> map.headMap(value, true).values();
            case GT -> map.tailMap(value, false).values();
            case GE -> map.tailMap(value, true).values();
            case NE -> map.entrySet().stream().filter(e -> e.getKey() != value).map(Map.Entry::getValue).toList();
        };
    }

    /** The union of the bitmaps (nulls: absent keys), always a new bitmap the caller may modify. */
    private static RoaringBitmap union(Collection<RoaringBitmap> bitmaps) {
        List<RoaringBitmap> present = bitmaps.stream().filter(b -> b != null).toList();
        return switch (present.size()) {
            case 0 -> new RoaringBitmap();
            case 1 -> present.get(0).clone();
            default -> FastAggregation.or(present.iterator());
        };
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static RoaringBitmap bitmap(Map<String, RoaringBitmap> map, String key) {
        return map.computeIfAbsent(key, k -> new RoaringBitmap());
    }

    /** Adds scanned facts to the bitmaps; households are reported so their sizes can be settled after the scan. */
    private final class Loader implements SegmentSource.Sink {
        private final Consumer<Long> household;

        Loader(Consumer<Long> household) {
            this.household = household;
        }

        @Override
        public void person(long id, String party, Integer birthYear, Integer supportLevel, Long householdId) {
            int p = Math.toIntExact(id);
            universe.add(p);
            if (party != null) bitmap(parties, party).add(p);
            if (birthYear != null) birthYears.computeIfAbsent(birthYear, k -> new RoaringBitmap()).add(p);
            if (supportLevel != null) supportLevels.computeIfAbsent(supportLevel, k -> new RoaringBitmap()).add(p);
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
    }
}
