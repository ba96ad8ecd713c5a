package org.muster.segment;

import java.util.Arrays;
import org.muster.segment.Filter.Cmp;
import org.roaringbitmap.RoaringBitmap;

/**
 * Every donation as three columns (person, cents, time): {@code donated(amount >= 50, since ...)} asks for one
 * donation meeting both conditions, which separate amount and date bitmaps could not answer; donations are few next
 * to people, so a scan of 20 bytes a donation is fast.
 */
final class Donations {

    private int[] person = new int[0];
    private long[] cents = new long[0];
    private long[] at = new long[0];
    private int size;

    void add(int personId, long amountCents, long donatedAt) {
        if (size == person.length) {
            int n = Math.max(16, size * 2);
            person = Arrays.copyOf(person, n);
            cents = Arrays.copyOf(cents, n);
            at = Arrays.copyOf(at, n);
        }
        person[size] = personId;
        cents[size] = amountCents;
        at[size] = donatedAt;
        size++;
    }

    /** Drops the donations of these people (they are read again). */
    void removeAll(RoaringBitmap people) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (people.contains(person[i])) continue;
            person[kept] = person[i];
            cents[kept] = cents[i];
            at[kept] = at[i];
            kept++;
        }
        size = kept;
    }

    /** People with a donation at or after {@code since} whose amount compares so (any amount when cmp is null). */
    RoaringBitmap matching(Cmp cmp, Long amountCents, long since) {
        RoaringBitmap out = new RoaringBitmap();
        for (int i = 0; i < size; i++) {
            if (at[i] >= since && (cmp == null || cmp.test(cents[i], amountCents))) out.add(person[i]);
        }
        return out;
    }

    long sizeInBytes() {
        return 20L * person.length;
    }
}
