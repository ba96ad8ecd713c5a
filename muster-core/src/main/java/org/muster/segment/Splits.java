package org.muster.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random splits of a segment into groups (A/B/n tests, control groups). The same people and seed always give the
 * same groups, whatever order the ids came in, so a test can be re-created and audited later. Two forms: exact
 * sizes from a list of ids ({@link #split}), and named shares as filters ({@link #groups}), each group the
 * segment {@code and split(seed, from%, to%)}, which both executors evaluate and which stays stable as people
 * join the segment.
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

    /** A named share of a split: buckets {@code [from, to)} of 100. */
    public record Group(String name, int from, int to) {
        public Filter filter(Filter segment, long seed) {
            return new Filter.And(List.of(segment, new Filter.Split(seed, from, to)));
        }
    }

    /**
     * Reads {@code "A 45, B 45, control 10"} (a name and a whole percentage per group, adding up to at most 100)
     * into consecutive bucket ranges.
     */
    public static List<Group> groups(String spec) {
        List<Group> out = new ArrayList<>();
        int next = 0;
        for (String part : spec.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length != 2 || !words[1].matches("\\d{1,3}%?")) {
                throw new IllegalArgumentException("Group \"" + part.strip() + "\" must be a name and a percentage, like \"A 45\"");
            }
            int share = Integer.parseInt(words[1].replace("%", ""));
            if (share == 0) throw new IllegalArgumentException("Group " + words[0] + " must have more than 0%");
            if (out.stream().anyMatch(g -> g.name().equals(words[0]))) throw new IllegalArgumentException("Group " + words[0] + " is named twice");
            if (next + share > 100) throw new IllegalArgumentException("The groups add up to more than 100% at group " + words[0]);
            out.add(new Group(words[0], next, next + share));
            next += share;
        }
        return out;
    }
}
