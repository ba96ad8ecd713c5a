package org.muster.match;

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

    /** The block this record falls in, or null when a key is missing (the record is then not blocked by this rule). */
    String blockOf(MatchRecord r) {
        if (keys.size() == 1) return keys.get(0).of(r);
        StringBuilder out = new StringBuilder();
        for (BlockKey k : keys) {
            String v = k.of(r);
            if (v == null) return null;
            out.append(v).append('\u0001');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return keys.stream().map(BlockKey::key).collect(Collectors.joining("+"));
    }
}
