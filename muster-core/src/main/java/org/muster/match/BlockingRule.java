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
        List<String> blocks = List.of("");
        for (BlockKey k : keys) {
            String[] values = k.values(r);
            if (values.length == 0) return values;
            List<String> longer = new ArrayList<>(blocks.size() * values.length);
            for (String prefix : blocks) {
                for (String v : values) longer.add(prefix + v + '\u0001');
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
