package org.muster.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incremental matching: the known records indexed by every blocking rule's key, so one incoming record (a form
 * submission, an API call, a canvass entry) is compared only with the records sharing a block, with the trained
 * model of the last batch run. Not thread-safe for concurrent {@link #add}.
 */
public final class MatchIndex {

    private final MatchConfig config;
    private final MatchModel model;
    private final List<MatchRecord> records = new ArrayList<>();
    private final List<Map<String, List<Integer>>> blocks = new ArrayList<>();

    public MatchIndex(MatchConfig config, MatchModel model, List<MatchRecord> known) {
        this.config = config;
        this.model = model;
        for (int r = 0; r < config.blockingRules().size(); r++) blocks.add(new HashMap<>());
        known.forEach(this::add);
    }

    public void add(MatchRecord record) {
        int index = records.size();
        records.add(record);
        for (int r = 0; r < blocks.size(); r++) {
            for (String key : config.blockingRules().get(r).blocksOf(record)) {
                blocks.get(r).computeIfAbsent(key, k -> new ArrayList<>(1)).add(index);
            }
        }
    }

    /** The known records matching {@code incoming} with at least {@code minProbability}, most probable first. */
    public List<Explanation> find(MatchRecord incoming, double minProbability) {
        Set<Integer> candidates = new LinkedHashSet<>();
        for (int r = 0; r < blocks.size(); r++) {
            for (String key : config.blockingRules().get(r).blocksOf(incoming)) {
                List<Integer> block = blocks.get(r).get(key);
                // the batch run skips oversized blocks too: a placeholder key must not compare with everyone
                if (block != null && block.size() <= config.maxBlockSize()) candidates.addAll(block);
            }
        }
        List<Explanation> out = new ArrayList<>();
        for (int i : candidates) {
            MatchRecord known = records.get(i);
            if (known.id.equals(incoming.id)) continue;
            if (MatchModel.probability(model.score(incoming, known)) >= minProbability) {
                out.add(model.explain(incoming, known));
            }
        }
        out.sort(Comparator.comparingDouble(Explanation::probability).reversed());
        return out;
    }
}
