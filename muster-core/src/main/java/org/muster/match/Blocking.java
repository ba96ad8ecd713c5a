package org.muster.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates candidate pairs as the union of several blocking rules. A pair is emitted by the first rule that
 * produces it (a later rule skips pairs an earlier one already matched), so the union needs no global pair set and
 * each rule's count is the number of pairs it adds. Blocks larger than {@code maxBlockSize} are skipped and
 * reported: they are a badly chosen key (e.g. a placeholder value), and comparing them all would be quadratic.
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
        String[][] blocks = new String[rules.size()][n];
        for (int r = 0; r < rules.size(); r++) {
            for (int i = 0; i < n; i++) blocks[r][i] = rules.get(r).blockOf(records.get(i));
        }
        CandidatePairs pairs = new CandidatePairs();
        ByteList ruleOf = new ByteList();
        long[] counts = new long[rules.size()];
        long[] skipped = new long[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            Map<String, List<Integer>> groups = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String b = blocks[r][i];
                if (b != null) groups.computeIfAbsent(b, k -> new ArrayList<>(2)).add(i);
            }
            for (List<Integer> group : groups.values()) {
                if (group.size() < 2) continue;
                if (group.size() > maxBlockSize) {
                    skipped[r]++;
                    // later rules must not rely on this rule having compared these records
                    for (int i : group) blocks[r][i] = null;
                    continue;
                }
                for (int x = 0; x < group.size(); x++) {
                    int i = group.get(x);
                    for (int y = x + 1; y < group.size(); y++) {
                        int j = group.get(y);
                        if (linkOnly && records.get(i).source == records.get(j).source) continue;
                        if (earlierRuleMatches(blocks, r, i, j)) continue;
                        pairs.add(i, j);
                        ruleOf.add((byte) r);
                        counts[r]++;
                    }
                }
            }
        }
        return new Result(pairs, ruleOf.toArray(), List.copyOf(rules), counts, skipped);
    }

    private static boolean earlierRuleMatches(String[][] blocks, int rule, int i, int j) {
        for (int e = 0; e < rule; e++) {
            String b = blocks[e][i];
            if (b != null && b.equals(blocks[e][j])) return true;
        }
        return false;
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
