package org.muster.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained Fellegi-Sunter model: per comparison and level, m = P(level | match) and u = P(level | non-match);
 * a pair's score is the prior log2-odds plus the sum of log2(m/u) over its levels, with the exact level of names
 * re-weighted by how frequent the shared value is (agreeing on "smith" is weaker evidence than on "zaleski").
 */
public final class MatchModel {

    /** Term-frequency adjustment is capped so one rare name alone cannot carry a match. */
    static final double MAX_TF_BONUS_BITS = 5.0;

    final List<Comparison> comparisons;
    final double[][] m;
    final double[][] u;
    final double priorLog2Odds;
    final double[][] weight;
    private final List<Map<String, Double>> termFrequencies;

    MatchModel(List<Comparison> comparisons, double[][] m, double[][] u, double priorLog2Odds,
            List<Map<String, Double>> termFrequencies) {
        this.comparisons = List.copyOf(comparisons);
        this.m = m;
        this.u = u;
        this.priorLog2Odds = priorLog2Odds;
        this.termFrequencies = termFrequencies;
        this.weight = new double[m.length][];
        for (int c = 0; c < m.length; c++) {
            weight[c] = new double[m[c].length];
            for (int l = 1; l < m[c].length; l++) weight[c][l] = log2(m[c][l] / u[c][l]);
        }
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /**
     * This model with another prior (log2-odds that two random records match). Training on records with no or
     * few duplicates drives the estimated prior towards zero, which would make every incoming record new; a
     * caller linking one record against a known population sets a floor from that population's size.
     */
    public MatchModel withPriorLog2Odds(double prior) {
        return new MatchModel(comparisons, m, u, prior, termFrequencies);
    }

    public List<Comparison> comparisons() {
        return comparisons;
    }

    public double priorLog2Odds() {
        return priorLog2Odds;
    }

    /** The levels of a pair packed four bits per comparison (at most 16 comparisons of at most 16 levels). */
    long pattern(MatchRecord a, MatchRecord b) {
        return pattern(comparisons, a, b);
    }

    static long pattern(List<Comparison> comparisons, MatchRecord a, MatchRecord b) {
        long p = 0;
        for (int c = 0; c < comparisons.size(); c++) p |= (long) comparisons.get(c).level(a, b) << (4 * c);
        return p;
    }

    static int levelOf(long pattern, int c) {
        return (int) (pattern >>> (4 * c)) & 15;
    }

    /** Sum of weights of a pattern without the prior or term-frequency adjustment. */
    double patternWeight(long pattern) {
        double w = 0;
        for (int c = 0; c < weight.length; c++) w += weight[c][levelOf(pattern, c)];
        return w;
    }

    /** The term-frequency correction of comparison c for this pair (0 unless c agrees exactly on a name). */
    double termFrequencyAdjustment(int c, long pattern, MatchRecord a) {
        Map<String, Double> tf = termFrequencies.get(c);
        int top = m[c].length - 1;
        if (tf == null || levelOf(pattern, c) != top) return 0;
        String value = a.text[comparisons.get(c).termFrequencyField().ordinal()];
        Double freq = tf.get(value);
        if (freq == null) return 0;
        return Math.min(MAX_TF_BONUS_BITS, log2(u[c][top] / freq));
    }

    /** The match score in log2-odds for a pair whose levels are already known. */
    double score(long pattern, MatchRecord a) {
        double s = priorLog2Odds + patternWeight(pattern);
        for (int c = 0; c < weight.length; c++) s += termFrequencyAdjustment(c, pattern, a);
        return s;
    }

    public double score(MatchRecord a, MatchRecord b) {
        return score(pattern(a, b), a);
    }

    /** The log2-odds of a probability. */
    public static double log2Odds(double probability) {
        return log2(probability / (1 - probability));
    }

    public static double probability(double log2Odds) {
        return 1.0 / (1.0 + Math.pow(2, -log2Odds));
    }

    public double probability(MatchRecord a, MatchRecord b) {
        return probability(score(a, b));
    }

    /** Why two records do or do not match: each field's level and weight. */
    public Explanation explain(MatchRecord a, MatchRecord b) {
        long p = pattern(a, b);
        List<Explanation.FieldEvidence> fields = new ArrayList<>();
        for (int c = 0; c < comparisons.size(); c++) {
            int level = levelOf(p, c);
            fields.add(new Explanation.FieldEvidence(comparisons.get(c).name(), comparisons.get(c).label(level), level,
                    weight[c][level], termFrequencyAdjustment(c, p, a)));
        }
        double score = score(p, a);
        return new Explanation(a.id, b.id, priorLog2Odds, fields, score, probability(score));
    }

    /** m and u per level, for reports and the review screen. */
    public Map<String, double[][]> parameters() {
        Map<String, double[][]> out = new HashMap<>();
        for (int c = 0; c < comparisons.size(); c++) out.put(comparisons.get(c).name(), new double[][] {m[c], u[c]});
        return out;
    }
}
