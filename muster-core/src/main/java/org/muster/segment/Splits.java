package org.muster.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random splits of a segment into groups (A/B/n tests, control groups). The same people and seed always give the
 * same groups, whatever order the ids came in, so a test can be re-created and audited later.
 */
public final class Splits {

    private Splits() {
    }

    /** Splits the ids into {@code groups} groups whose sizes differ by at most one; each group sorted. */
    public static List<long[]> split(long[] ids, int groups, long seed) {
        if (groups < 1) throw new IllegalArgumentException("a split needs at least one group");
        long[] shuffled = ids.clone();
        // Sorting first makes the result independent of the executor's order.
        Arrays.sort(shuffled);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        List<long[]> out = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            long[] group = Arrays.copyOfRange(shuffled, (int) ((long) shuffled.length * g / groups),
                    (int) ((long) shuffled.length * (g + 1) / groups));
            Arrays.sort(group);
            out.add(group);
        }
        return out;
    }
}
