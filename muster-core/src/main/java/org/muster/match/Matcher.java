package org.muster.match;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The matcher: blocks, compares each candidate pair once, trains the model on those comparisons, scores and
 * clusters. The same object serves a whole-file dedupe, the linkage of two files and (with a trained model) one
 * incoming record.
 */
public final class Matcher {

    private static final int CHUNK = 1 << 14;

    private final MatchConfig config;
    private final List<Comparison> comparisons;

    public Matcher(MatchConfig config) {
        this.config = config;
        this.comparisons = config.buildComparisons();
    }

    public MatchConfig config() {
        return config;
    }

    /** The result of a batch run; pairs are the blocked candidates, probabilities index like them. */
    public record Run(List<MatchRecord> records, Blocking.Result blocking, MatchModel model, double[] probability,
            int[] clusterOf, long blockingNanos, long comparingNanos, long trainingNanos, long clusteringNanos) {

        public CandidatePairs pairs() {
            return blocking.pairs();
        }
    }

    /** Finds the duplicates within one set of records. */
    public Run dedupe(List<MatchRecord> records) {
        return run(records, false, null);
    }

    /** Finds the duplicates within one set of records with a model trained before (on these or other records). */
    public Run dedupe(List<MatchRecord> records, MatchModel model) {
        return run(records, false, model);
    }

    /** Links records of different sources (e.g. a death list against the voter file); no pair within one source. */
    public Run link(List<MatchRecord> records) {
        return run(records, true, null);
    }

    private Run run(List<MatchRecord> records, boolean linkOnly, MatchModel trained) {
        long t0 = System.nanoTime();
        Blocking.Result blocking = Blocking.candidates(records, config.blockingRules(), linkOnly,
                config.maxBlockSize());
        long t1 = System.nanoTime();
        CandidatePairs pairs = blocking.pairs();
        long[] patterns = patterns(records, pairs);
        long t2 = System.nanoTime();
        MatchModel model = trained != null ? trained
                : Trainer.train(records, comparisons, config.trainingRules(), patterns, config, linkOnly, 42);
        double[] probability = new double[pairs.size()];
        IntStream.range(0, chunks(pairs.size())).parallel().forEach(chunk -> {
            int end = Math.min(pairs.size(), (chunk + 1) * CHUNK);
            for (int k = chunk * CHUNK; k < end; k++) {
                probability[k] = MatchModel.probability(model.score(patterns[k], records.get(pairs.left(k))));
            }
        });
        long t3 = System.nanoTime();
        int[] clusters = Clusterer.cluster(records.size(), pairs, probability, config.matchThreshold(),
                config.clusterMinDensity());
        long t4 = System.nanoTime();
        return new Run(records, blocking, model, probability, clusters, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
    }

    /** The level pattern of every candidate pair, computed in parallel chunks. */
    long[] patterns(List<MatchRecord> records, CandidatePairs pairs) {
        long[] patterns = new long[pairs.size()];
        IntStream.range(0, chunks(pairs.size())).parallel().forEach(chunk -> {
            int end = Math.min(pairs.size(), (chunk + 1) * CHUNK);
            for (int k = chunk * CHUNK; k < end; k++) {
                patterns[k] = MatchModel.pattern(comparisons, records.get(pairs.left(k)), records.get(pairs.right(k)));
            }
        });
        return patterns;
    }

    private static int chunks(int size) {
        return (size + CHUNK - 1) / CHUNK;
    }
}
