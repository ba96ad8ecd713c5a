package org.muster.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.match.CandidatePairs;
import org.muster.match.MatchConfig;
import org.muster.match.MatchRecord;
import org.muster.match.Matcher;

/**
 * Deduplicates a whole campaign with the batch matcher: with {@code autoMerge}, each cluster above the match
 * threshold is merged into its oldest person (one reversible merge per other member); every other pair at or above
 * the review threshold goes to the review queue. Pairs already decided are left alone, so a rerun adds only what is
 * new. The model is trained as for {@link PersonLinker} (a small campaign padded with a background population), so
 * both decide alike. Each merge commits on its own: a crash mid-run loses nothing and a rerun carries on.
 */
public final class CampaignDedupe {

    /** Told how far the run is: phase ("reading", "matching", "merging", "queueing"), done and total in it. */
    @FunctionalInterface
    public interface Progress {
        void report(String phase, long done, long total);
    }

    /** What a run did. */
    public record Result(int people, long candidatePairs, int merged, int queued, int alreadyKnown) {
    }

    private CampaignDedupe() {
    }

    public static Result run(MatchStore store, long campaignId, MatchConfig config, boolean autoMerge, Long userId,
            Progress progress) {
        progress.report("reading", 0, 0);
        List<MatchRecord> records = new ArrayList<>();
        store.scan(campaignId, null, p -> records.add(PersonRecords.of(p)));
        progress.report("matching", 0, records.size());
        Matcher.Run run = new Matcher(config).dedupe(records, CampaignIndex.train(config, records));
        CandidatePairs pairs = run.pairs();
        int[] cluster = run.clusterOf();
        progress.report("matching", records.size(), records.size());

        int merged = 0;
        int known = 0;
        // a person merged away in this run is reviewed as the person it now is part of
        Map<Long, Long> survivorOf = new HashMap<>();
        if (autoMerge) {
            Map<Integer, List<Long>> members = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                members.computeIfAbsent(cluster[i], c -> new ArrayList<>()).add(Long.parseLong(records.get(i).id()));
            }
            List<List<Long>> clusters = members.values().stream().filter(m -> m.size() > 1).toList();
            int done = 0;
            for (List<Long> group : clusters) {
                long survivor = group.stream().mapToLong(Long::longValue).min().orElseThrow();
                for (long other : group) {
                    if (other == survivor) continue;
                    if (store.rejected(campaignId, survivor, other)) {
                        known++;
                    } else {
                        store.merge(campaignId, survivor, other, null, userId);
                        survivorOf.put(other, survivor);
                        merged++;
                    }
                }
                progress.report("merging", ++done, clusters.size());
            }
        }
        int queued = 0;
        for (int k = 0; k < pairs.size(); k++) {
            double p = run.probability()[k];
            int l = pairs.left(k);
            int r = pairs.right(k);
            if (p < config.reviewThreshold()) continue;
            if (autoMerge && p >= config.matchThreshold() && cluster[l] == cluster[r]) continue;
            MatchRecord a = records.get(l);
            MatchRecord b = records.get(r);
            long left = survivorOf.getOrDefault(Long.parseLong(a.id()), Long.parseLong(a.id()));
            long right = survivorOf.getOrDefault(Long.parseLong(b.id()), Long.parseLong(b.id()));
            if (left == right) continue;
            if (store.propose(campaignId, left, right, run.model().explain(a, b), "dedupe").isPresent()) {
                queued++;
            } else {
                known++;
            }
            if (k % 10_000 == 0) progress.report("queueing", k, pairs.size());
        }
        progress.report("queueing", pairs.size(), pairs.size());
        return new Result(records.size(), pairs.size(), merged, queued, known);
    }
}
