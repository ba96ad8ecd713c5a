package org.muster.segment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.muster.segment.Filter.Cmp;
import org.roaringbitmap.RoaringBitmap;

/**
 * An ordered attribute (birth year, support level, household size, a score) as cumulative bitmaps: for every value
 * held by someone, the people whose value is at least that. Any comparison is then one bitmap, or one bitmap less
 * another, instead of a union of a bitmap per value ({@code age >= 30} used to OR some sixty birth years). A value
 * nobody holds any more keeps its key; its bitmap then equals the next one up, which answers the same.
 */
final class Ranked<K extends Comparable<K>> {

    private static final RoaringBitmap EMPTY = new RoaringBitmap();

    private final TreeMap<K, RoaringBitmap> atLeast = new TreeMap<>();

    /** Adds people by exact value (one bitmap per value, as a scan collects them). */
    void add(Map<K, RoaringBitmap> exact) {
        if (exact.isEmpty()) return;
        if (atLeast.isEmpty()) {
            // A first build: one running union from the top value down.
            RoaringBitmap running = new RoaringBitmap();
            for (var e : new TreeMap<>(exact).descendingMap().entrySet()) {
                running.or(e.getValue());
                atLeast.put(e.getKey(), running.clone());
            }
            return;
        }
        for (K k : exact.keySet()) {
            if (!atLeast.containsKey(k)) {
                var higher = atLeast.higherEntry(k);
                atLeast.put(k, higher == null ? new RoaringBitmap() : higher.getValue().clone());
            }
        }
        exact.forEach((k, people) -> atLeast.headMap(k, true).values().forEach(b -> b.or(people)));
    }

    void forEachBitmap(Consumer<RoaringBitmap> action) {
        atLeast.values().forEach(action);
    }

    /**
     * The people whose value compares so with {@code value}, as bitmaps to intersect ({@code in}, none meaning
     * everyone) less bitmaps to subtract ({@code out}); the bitmaps are the index's own, never to be modified.
     */
    void compare(Cmp cmp, K value, List<RoaringBitmap> in, List<RoaringBitmap> out) {
        RoaringBitmap all = atLeast.isEmpty() ? EMPTY : atLeast.firstEntry().getValue();
        switch (cmp) {
            case GE -> in.add(atLeastOf(atLeast.ceilingEntry(value)));
            case GT -> in.add(atLeastOf(atLeast.higherEntry(value)));
            case LT -> {
                in.add(all);
                out.add(atLeastOf(atLeast.ceilingEntry(value)));
            }
            case LE -> {
                in.add(all);
                out.add(atLeastOf(atLeast.higherEntry(value)));
            }
            case EQ -> {
                in.add(equal(value));
                out.add(atLeastOf(atLeast.higherEntry(value)));
            }
            case NE -> {
                in.add(all);
                out.add(RoaringBitmap.andNot(equal(value), atLeastOf(atLeast.higherEntry(value))));
            }
        }
    }

    private RoaringBitmap equal(K value) {
        RoaringBitmap b = atLeast.get(value);
        return b == null ? EMPTY : b;
    }

    private static RoaringBitmap atLeastOf(Map.Entry<?, RoaringBitmap> e) {
        return e == null ? EMPTY : e.getValue();
    }
}
