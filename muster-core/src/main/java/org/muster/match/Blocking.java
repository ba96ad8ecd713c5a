package org.muster.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates candidate pairs as the union of several blocking rules. A pair is emitted once: by the first rule that
 * produces it (a later rule skips pairs an earlier one already matched) and, within a rule whose keys have several
 * values, by the first block the two records share. So the union needs no global pair set and each rule's count
 * is the number of pairs it adds. Blocks larger than {@code maxBlockSize} are skipped and reported: they are a
 * badly chosen key (e.g. a placeholder value), and comparing them all would be quadratic.
 */
public final class Blocking {

    private Blocking() {
    }

    /** What blocking produced: the pairs, the rule that emitted each, and per-rule counts. */
    public record Result(CandidatePairs pairs, byte[] ruleOfPair, List<BlockingRule> rules, long[] pairsPerRule,
            long[] skippedBlocksPerRule) {
    }

    /**
     * @param linkOnly compare only records of different sources (linking two files) rather than deduplicating
     */
    public static Result candidates(List<MatchRecord> records, List<BlockingRule> rules, boolean linkOnly,
            int maxBlockSize) {
        int n = records.size();
        String[][][] blocks = new String[rules.size()][n][];
        for (int r = 0; r < rules.size(); r++) {
            for (int i = 0; i < n; i++) {
                String[] own = rules.get(r).blocksOf(records.get(i));
                // sorted, so the first block two records share is found by one merge (typo keys have dozens)
                if (own.length > 1) java.util.Arrays.sort(own);
                blocks[r][i] = own;
            }
        }
        CandidatePairs pairs = new CandidatePairs();
        ByteList ruleOf = new ByteList();
        long[] counts = new long[rules.size()];
        long[] skipped = new long[rules.size()];
        List<Set<String>> oversized = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            Set<String> tooBig = new HashSet<>();
            oversized.add(tooBig);
            Map<String, List<Integer>> groups = new HashMap<>();
            for (int i = 0; i < n; i++) {
                for (String b : blocks[r][i]) groups.computeIfAbsent(b, k -> new ArrayList<>(2)).add(i);
            }
            groups.forEach((block, group) -> {
                if (group.size() > maxBlockSize) tooBig.add(block);
            });
            skipped[r] = tooBig.size();
            for (Map.Entry<String, List<Integer>> e : groups.entrySet()) {
                List<Integer> group = e.getValue();
                if (group.size() < 2 || tooBig.contains(e.getKey())) continue;
                for (int x = 0; x < group.size(); x++) {
                    int i = group.get(x);
                    for (int y = x + 1; y < group.size(); y++) {
                        int j = group.get(y);
                        if (linkOnly && records.get(i).source == records.get(j).source) continue;
                        if (emittedBefore(blocks, oversized, r, i, j, e.getKey())) continue;
                        pairs.add(i, j);
                        ruleOf.add((byte) r);
                        counts[r]++;
                    }
                }
            }
        }
        return new Result(pairs, ruleOf.toArray(), List.copyOf(rules), counts, skipped);
    }

    /** Whether an earlier rule, or an earlier-sorting block of this rule, already paired i and j. */
    private static boolean emittedBefore(String[][][] blocks, List<Set<String>> oversized, int rule, int i, int j,
            String block) {
        for (int e = 0; e < rule; e++) {
            if (firstShared(blocks[e][i], blocks[e][j], oversized.get(e)) != null) return true;
        }
        return blocks[rule][i].length > 1 && blocks[rule][j].length > 1
                && !block.equals(firstShared(blocks[rule][i], blocks[rule][j], oversized.get(rule)));
    }

    /** The alphabetically first block both sorted block lists hold, leaving out skipped ones; null when none. */
    private static String firstShared(String[] a, String[] b, Set<String> skipped) {
        int x = 0;
        int y = 0;
        while (x < a.length && y < b.length) {
            int c = a[x].compareTo(b[y]);
            if (c < 0) {
                x++;
            } else if (c > 0) {
                y++;
            } else {
                if (!skipped.contains(a[x])) return a[x];
                x++;
                y++;
            }
        }
        return null;
    }

    private static final class ByteList {
        private byte[] data = new byte[1024];
        private int size;

        void add(byte b) {
            if (size == data.length) data = java.util.Arrays.copyOf(data, size * 2);
            data[size++] = b;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
