package org.muster.match;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A scored pair with each field's agreement level and the weight (log2 Bayes factor) it contributed. */
public record Explanation(String leftId, String rightId, double priorLog2Odds, List<FieldEvidence> fields,
        double log2Odds, double probability) {

    /** One comparison's evidence: {@code weight} from m/u, {@code termFrequencyAdjustment} for common/rare names. */
    public record FieldEvidence(String field, String level, int levelIndex, double weight,
            double termFrequencyAdjustment) {

        public double total() {
            return weight + termFrequencyAdjustment;
        }
    }

    /** The evidence for a field, or null when the model has no such comparison. */
    public FieldEvidence field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s ~ %s: p=%.4f (%.1f bits, prior %.1f) ", leftId, rightId, probability,
                log2Odds, priorLog2Odds) + fields.stream().filter(f -> f.levelIndex() > 0)
                .map(f -> String.format(Locale.ROOT, "%s=%s %+.1f", f.field(), f.level(), f.total()))
                .collect(Collectors.joining(", "));
    }
}
