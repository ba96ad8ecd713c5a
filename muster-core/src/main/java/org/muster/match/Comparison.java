package org.muster.match;

import java.util.List;

/**
 * One field comparison: maps a pair of records to a level. Level 0 means a value is missing (no evidence either
 * way, weight 0), level 1 means the values differ, higher levels are increasingly close agreements.
 */
public abstract class Comparison {

    private final String name;
    private final List<String> labels;

    Comparison(String name, List<String> agreementLevels) {
        this.name = name;
        this.labels = new java.util.ArrayList<>(List.of("missing", "different"));
        this.labels.addAll(agreementLevels);
    }

    public final String name() {
        return name;
    }

    public final int levels() {
        return labels.size();
    }

    public final String label(int level) {
        return labels.get(level);
    }

    /** The level of agreement between two records, in [0, levels()). */
    abstract int level(MatchRecord a, MatchRecord b);

    /** The field whose value frequencies adjust the top (exact) level's weight, or null for none. */
    Field termFrequencyField() {
        return null;
    }
}
