package org.muster.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Records are compared when they agree on every key of at least one rule, e.g. {@code last_phonetic+birth_year}. */
public record BlockingRule(List<BlockKey> keys) {

    public BlockingRule {
        if (keys.isEmpty()) throw new IllegalArgumentException("A blocking rule needs at least one key");
        keys = List.copyOf(keys);
    }

    /** Parses {@code key+key+...}. */
    public static BlockingRule parse(String text) {
        return new BlockingRule(Arrays.stream(text.split("\\+")).map(BlockKey::parse).toList());
    }

    /**
     * The blocks this record falls in: one per combination of its keys' values (most keys have one value), none
     * when a key is missing (the record is then not blocked by this rule).
     */
    String[] blocksOf(MatchRecord r) {
        if (keys.size() == 1) return keys.get(0).values(r);
        String[][] values = new String[keys.size()][];
        int combinations = 1;
        for (int k = 0; k < values.length; k++) {
            values[k] = keys.get(k).values(r);
            if (values[k].length == 0) return values[k];
            combinations *= values[k].length;
        }
        // Every record of a large file passes here once per rule; the common single-valued case builds one string.
        if (combinations == 1) {
            StringBuilder block = new StringBuilder(32);
            for (String[] v : values) block.append(v[0]).append('\u0001');
            return new String[] {block.toString()};
        }
        List<String> blocks = List.of("");
        for (String[] keyValues : values) {
            List<String> longer = new ArrayList<>(blocks.size() * keyValues.length);
            for (String prefix : blocks) {
                for (String v : keyValues) longer.add(prefix + v + '\u0001');
            }
            blocks = longer;
        }
        return blocks.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return keys.stream().map(BlockKey::key).collect(Collectors.joining("+"));
    }
}
