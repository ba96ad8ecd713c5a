package org.muster.match;

import java.util.HashMap;
import java.util.Map;

/** Accuracy against ground truth: pairwise precision/recall/F1 and B-cubed, from cluster labels per record. */
public final class Evaluation {

    private Evaluation() {
    }

    public record Scores(long truePairs, long predictedPairs, long correctPairs, double precision, double recall,
            double f1, double bcubedPrecision, double bcubedRecall, double bcubedF1) {
    }

    /**
     * Compares predicted clusters with true ones; {@code source} (may be null) restricts pairs to records of
     * different sources, as in a two-file linkage.
     */
    public static Scores clusters(Object[] truth, int[] predicted, int[] source) {
        int n = predicted.length;
        Map<Long, Long> both = new HashMap<>();
        Map<Object, Long> trueSize = new HashMap<>();
        Map<Integer, Long> predSize = new HashMap<>();
        for (int i = 0; i < n; i++) {
            trueSize.merge(truth[i], 1L, Long::sum);
            predSize.merge(predicted[i], 1L, Long::sum);
        }
        long truePairs;
        long predictedPairs;
        long correct;
        if (source == null) {
            Map<Object, Integer> trueIds = new HashMap<>();
            for (int i = 0; i < n; i++) {
                long key = ((long) predicted[i] << 32) | trueIds.computeIfAbsent(truth[i], k -> trueIds.size());
                both.merge(key, 1L, Long::sum);
            }
            truePairs = trueSize.values().stream().mapToLong(s -> s * (s - 1) / 2).sum();
            predictedPairs = predSize.values().stream().mapToLong(s -> s * (s - 1) / 2).sum();
            correct = both.values().stream().mapToLong(s -> s * (s - 1) / 2).sum();
        } else {
            truePairs = crossPairs(truth, source);
            Object[] pred = new Object[n];
            for (int i = 0; i < n; i++) pred[i] = predicted[i];
            predictedPairs = crossPairs(pred, source);
            Object[] joint = new Object[n];
            for (int i = 0; i < n; i++) joint[i] = predicted[i] + "\u0001" + truth[i];
            correct = crossPairs(joint, source);
        }
        Map<Object, Map<Integer, Long>> overlap = new HashMap<>();
        for (int i = 0; i < n; i++) overlap.computeIfAbsent(truth[i], k -> new HashMap<>()).merge(predicted[i], 1L,
                Long::sum);
        double bp = 0;
        double br = 0;
        for (Map.Entry<Object, Map<Integer, Long>> e : overlap.entrySet()) {
            for (Map.Entry<Integer, Long> cell : e.getValue().entrySet()) {
                double k = cell.getValue();
                // each of the k records in this cell has k correct cluster-mates (itself included)
                bp += k * k / predSize.get(cell.getKey());
                br += k * k / trueSize.get(e.getKey());
            }
        }
        bp /= n;
        br /= n;
        double precision = predictedPairs == 0 ? 1.0 : correct / (double) predictedPairs;
        double recall = truePairs == 0 ? 1.0 : correct / (double) truePairs;
        return new Scores(truePairs, predictedPairs, correct, precision, recall, f1(precision, recall), bp, br,
                f1(bp, br));
    }

    private static long crossPairs(Object[] label, int[] source) {
        Map<Object, long[]> perLabel = new HashMap<>();
        for (int i = 0; i < label.length; i++) {
            perLabel.computeIfAbsent(label[i], k -> new long[2])[source[i] == 0 ? 0 : 1]++;
        }
        return perLabel.values().stream().mapToLong(c -> c[0] * c[1]).sum();
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Share of true pairs among the candidate pairs: the recall ceiling blocking sets. */
    public static long trueCandidatePairs(Object[] truth, CandidatePairs pairs) {
        long found = 0;
        for (int k = 0; k < pairs.size(); k++) if (truth[pairs.left(k)].equals(truth[pairs.right(k)])) found++;
        return found;
    }
}
