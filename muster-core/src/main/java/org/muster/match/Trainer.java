package org.muster.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Estimates a {@link MatchModel} without labels: u from random record pairs (almost all non-matches), m by
 * expectation-maximisation, one session per training blocking rule that leaves out the
 * comparisons the rule blocked on (those agree by construction there), then the prior over all record pairs.
 */
final class Trainer {

    private static final int EM_ITERATIONS = 40;
    /** EM creeps towards a share of matches as small as a fallback session's (0.02-0.1 %) and needs more steps. */
    private static final int FALLBACK_EM_ITERATIONS = 300;

    /**
     * What relatives share. A rule on the surname gathers families (spouses and children of one surname, a junior
     * and a senior of one name, at one address, on one phone): in its pairs a shared address is far commoner than
     * among random pairs, and EM would learn "same family" instead of "same person" (on the generated voter file it
     * did, until these fields were left to the other sessions).
     */
    private static final Set<String> FAMILY_FIELDS = Set.of("residence", "address", "city", "zip", "phone", "geo");

    /**
     * Records a training session blocks at most: a larger file trains on a uniform sample. A rule's pairs grow with
     * the square of the file, and a sample keeps both a true pair and a false one with the same chance, so EM sees
     * the same share of matches in a fraction of the pairs.
     */
    private static final int MAX_SESSION_RECORDS = 250_000;

    private Trainer() {
    }

    static MatchModel train(List<MatchRecord> records, List<Comparison> comparisons, List<BlockingRule> trainingRules,
            long[] candidatePatterns, MatchConfig config, boolean linkOnly, long seed) {
        if (comparisons.size() > 16) throw new IllegalArgumentException("At most 16 comparisons");
        double[][] u = estimateU(records, comparisons, config.uSamples(), linkOnly, seed);
        int nc = comparisons.size();
        double[][] mSum = new double[nc][];
        // sessions are averaged weighted by the matches they found: a rule that blocks few true pairs learns little
        double[] sessionWeight = new double[nc];
        for (int c = 0; c < nc; c++) mSum[c] = new double[comparisons.get(c).levels()];
        List<MatchRecord> sessionRecords = sample(records, MAX_SESSION_RECORDS, seed);
        for (BlockingRule rule : trainingRules) {
            boolean[] active = active(rule, comparisons);
            session(sessionRecords, rule, comparisons, initialM(comparisons), u, active, active, false, config,
                    linkOnly, mSum, sessionWeight);
        }
        // A fallback session learns only what no session before it learnt, the rest of the model held as learnt.
        // Its pairs are almost all different people, so their level frequencies are what non-matches look like
        // within these blocks, and EM takes them as u: random pairs' u would miss what the block itself makes
        // common (a given name fixes the sex, which middle names follow), and EM would learn that as "same person".
        for (BlockingRule rule : config.fallbackTrainingRules()) {
            boolean[] active = active(rule, comparisons);
            boolean[] learn = new boolean[nc];
            boolean any = false;
            for (int c = 0; c < nc; c++) any |= learn[c] = active[c] && sessionWeight[c] <= 0;
            if (any) {
                session(sessionRecords, rule, comparisons, averaged(comparisons, mSum, sessionWeight), u, active,
                        learn, true, config, linkOnly, mSum, sessionWeight);
            }
        }
        double[][] m = averaged(comparisons, mSum, sessionWeight);
        double lambda = globalPrior(records, candidatePatterns, m, u, linkOnly);
        return new MatchModel(comparisons, m, u, MatchModel.log2(lambda / (1 - lambda)),
                termFrequencies(records, comparisons));
    }

    /**
     * The comparisons a session on this rule learns from: not those the rule blocked on, and after a rule on the
     * surname not what families share.
     */
    private static boolean[] active(BlockingRule rule, List<Comparison> comparisons) {
        Set<String> blocked = new HashSet<>();
        for (BlockKey k : rule.keys()) blocked.add(k.comparisonName());
        boolean family = blocked.contains("last");
        boolean[] active = new boolean[comparisons.size()];
        for (int c = 0; c < active.length; c++) {
            String name = comparisons.get(c).name();
            active[c] = !blocked.contains(name) && !(family && FAMILY_FIELDS.contains(name));
        }
        return active;
    }

    /**
     * One EM session over the pairs of one rule, starting from m: the active comparisons weigh each pair, the
     * learnt ones are re-estimated and added to the running average weighted by the matches found. A fallback
     * session takes u from its own pairs.
     */
    private static void session(List<MatchRecord> records, BlockingRule rule, List<Comparison> comparisons,
            double[][] m, double[][] u, boolean[] active, boolean[] learn, boolean fallback, MatchConfig config,
            boolean linkOnly, double[][] mSum, double[] sessionWeight) {
        CandidatePairs pairs = Blocking.candidates(records, List.of(rule), linkOnly, config.maxBlockSize()).pairs();
        Map<Long, Long> counts = new HashMap<>();
        for (int k = 0; k < pairs.size(); k++) {
            counts.merge(MatchModel.pattern(comparisons, records.get(pairs.left(k)), records.get(pairs.right(k))),
                    1L, Long::sum);
        }
        if (counts.isEmpty()) return;
        double share = fallback
                ? em(counts, m, levelFrequencies(counts, comparisons), active, learn, 0.1, FALLBACK_EM_ITERATIONS)
                : em(counts, m, u, active, learn, 0.1, EM_ITERATIONS);
        double matches = share * pairs.size();
        for (int c = 0; c < m.length; c++) {
            if (!learn[c]) continue;
            sessionWeight[c] += matches;
            for (int l = 0; l < m[c].length; l++) mSum[c][l] += m[c][l] * matches;
        }
    }

    /** Each comparison's level frequencies among these patterns, smoothed as {@link #estimateU} does. */
    private static double[][] levelFrequencies(Map<Long, Long> counts, List<Comparison> comparisons) {
        double[][] f = new double[comparisons.size()][];
        for (int c = 0; c < f.length; c++) {
            double[] n = new double[comparisons.get(c).levels()];
            for (Map.Entry<Long, Long> e : counts.entrySet()) n[MatchModel.levelOf(e.getKey(), c)] += e.getValue();
            double known = 0;
            for (int l = 1; l < n.length; l++) known += n[l];
            f[c] = new double[n.length];
            for (int l = 1; l < n.length; l++) f[c][l] = (n[l] + 1.0) / (known + n.length - 1.0);
        }
        return f;
    }

    /** The sessions' weighted average, and the starting guess for a comparison none learnt. */
    private static double[][] averaged(List<Comparison> comparisons, double[][] mSum, double[] sessionWeight) {
        double[][] m = initialM(comparisons);
        for (int c = 0; c < m.length; c++) {
            if (sessionWeight[c] <= 0) continue;
            for (int l = 0; l < m[c].length; l++) m[c][l] = mSum[c][l] / sessionWeight[c];
        }
        return m;
    }

    /**
     * The probability that two random records match, consistent with u from random pairs: the expected number of
     * matches among the candidates (pairs outside them taken as non-matches) over all possible pairs, iterated to
     * its fixed point since each pair's posterior depends on it.
     */
    private static double globalPrior(List<MatchRecord> records, long[] patterns, double[][] m, double[][] u,
            boolean linkOnly) {
        double totalPairs;
        if (linkOnly) {
            long first = records.stream().filter(r -> r.source == records.get(0).source).count();
            totalPairs = (double) first * (records.size() - first);
        } else {
            totalPairs = records.size() * (records.size() - 1.0) / 2;
        }
        Map<Long, Long> counts = new HashMap<>();
        for (long p : patterns) counts.merge(p, 1L, Long::sum);
        if (counts.isEmpty() || totalPairs <= 0) return 1e-9;
        double lambda = Math.min(0.5, patterns.length * 0.1 / totalPairs);
        for (int it = 0; it < EM_ITERATIONS; it++) {
            double matches = 0;
            for (Map.Entry<Long, Long> e : counts.entrySet()) {
                double logRatio = Math.log(lambda / (1 - lambda));
                for (int c = 0; c < m.length; c++) {
                    int l = MatchModel.levelOf(e.getKey(), c);
                    if (l > 0) logRatio += Math.log(m[c][l] / u[c][l]);
                }
                matches += e.getValue() / (1.0 + Math.exp(-logRatio));
            }
            lambda = Math.min(Math.max(matches / totalPairs, 1e-12), 0.5);
        }
        return lambda;
    }

    /** The records themselves when they are at most {@code limit}, else that many drawn without replacement. */
    static List<MatchRecord> sample(List<MatchRecord> records, int limit, long seed) {
        if (records.size() <= limit) return records;
        List<MatchRecord> shuffled = new ArrayList<>(records);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < limit; i++) Collections.swap(shuffled, i, i + random.nextInt(shuffled.size() - i));
        return shuffled.subList(0, limit);
    }

    /** Level frequencies among random pairs, with add-one smoothing so no level has u = 0. */
    static double[][] estimateU(List<MatchRecord> records, List<Comparison> comparisons, long samples,
            boolean linkOnly, long seed) {
        int nc = comparisons.size();
        long[][] counts = new long[nc][];
        for (int c = 0; c < nc; c++) counts[c] = new long[comparisons.get(c).levels()];
        SplittableRandom random = new SplittableRandom(seed);
        int n = records.size();
        long drawn = 0;
        for (long s = 0; n >= 2 && s < samples * 4 && drawn < samples; s++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            if (i == j) continue;
            MatchRecord a = records.get(i);
            MatchRecord b = records.get(j);
            if (linkOnly && a.source == b.source) continue;
            drawn++;
            for (int c = 0; c < nc; c++) counts[c][comparisons.get(c).level(a, b)]++;
        }
        double[][] u = new double[nc][];
        for (int c = 0; c < nc; c++) {
            u[c] = new double[counts[c].length];
            long known = 0;
            for (int l = 1; l < counts[c].length; l++) known += counts[c][l];
            for (int l = 1; l < counts[c].length; l++) {
                u[c][l] = (counts[c][l] + 1.0) / (known + counts[c].length - 1.0);
            }
        }
        return u;
    }

    /**
     * A starting point where the top level is the likely one for matches and outright disagreement is rare; it is
     * also the estimate kept for a comparison no training session could learn.
     */
    private static double[][] initialM(List<Comparison> comparisons) {
        double[][] m = new double[comparisons.size()][];
        for (int c = 0; c < m.length; c++) {
            int levels = comparisons.get(c).levels();
            m[c] = new double[levels];
            double rest = 0.29 / Math.max(1, levels - 3);
            for (int l = 1; l < levels; l++) m[c][l] = l == levels - 1 ? 0.7 : l == 1 ? 0.01 : rest;
            double sum = 0;
            for (int l = 1; l < levels; l++) sum += m[c][l];
            for (int l = 1; l < levels; l++) m[c][l] /= sum;
        }
        return m;
    }

    /**
     * EM over distinct level patterns: the active comparisons weigh each pair, m of those to learn is updated;
     * returns the estimated proportion of matches among the pairs.
     */
    private static double em(Map<Long, Long> counts, double[][] m, double[][] u, boolean[] active, boolean[] learn,
            double lambda, int iterations) {
        int nc = m.length;
        long[] patterns = new long[counts.size()];
        double[] weights = new double[counts.size()];
        int k = 0;
        double total = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            patterns[k] = e.getKey();
            weights[k++] = e.getValue();
            total += e.getValue();
        }
        for (int it = 0; it < iterations; it++) {
            double[][] acc = new double[nc][];
            for (int c = 0; c < nc; c++) acc[c] = new double[m[c].length];
            double matches = 0;
            for (int p = 0; p < patterns.length; p++) {
                double logRatio = Math.log(lambda / (1 - lambda));
                for (int c = 0; c < nc; c++) {
                    int l = MatchModel.levelOf(patterns[p], c);
                    if (active[c] && l > 0) logRatio += Math.log(m[c][l] / u[c][l]);
                }
                double posterior = 1.0 / (1.0 + Math.exp(-logRatio));
                double w = weights[p] * posterior;
                matches += w;
                for (int c = 0; c < nc; c++) acc[c][MatchModel.levelOf(patterns[p], c)] += w;
            }
            lambda = Math.min(Math.max(matches / total, 1e-9), 1 - 1e-9);
            for (int c = 0; c < nc; c++) {
                if (!learn[c]) continue;
                double known = 0;
                for (int l = 1; l < m[c].length; l++) known += acc[c][l];
                if (known <= 0) continue;
                // a little smoothing keeps unseen levels at a finite (strongly negative) weight
                for (int l = 1; l < m[c].length; l++) m[c][l] = (acc[c][l] + 0.01) / (known + 0.01 * (m[c].length - 1));
            }
        }
        return lambda;
    }

    /** Share of records carrying each value of the term-frequency fields. */
    private static List<Map<String, Double>> termFrequencies(List<MatchRecord> records, List<Comparison> comparisons) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (Comparison c : comparisons) {
            Field f = c.termFrequencyField();
            if (f == null) {
                out.add(null);
                continue;
            }
            Map<String, Long> counts = new HashMap<>();
            long known = 0;
            for (MatchRecord r : records) {
                String v = r.text[f.ordinal()];
                if (v == null) continue;
                counts.merge(v, 1L, Long::sum);
                known++;
            }
            Map<String, Double> tf = new HashMap<>(counts.size() * 2);
            long denominator = Math.max(1, known);
            counts.forEach((v, n) -> tf.put(v, n / (double) denominator));
            out.add(tf);
        }
        return out;
    }
}
