package org.muster.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.muster.match.Explanation;
import org.muster.match.MatchConfig;
import org.muster.match.MatchIndex;
import org.muster.match.MatchModel;
import org.muster.match.MatchRecord;
import org.muster.match.Matcher;

/**
 * One campaign's people in a {@link MatchIndex}, with the model trained on them, kept current from the outbox:
 * every person named by a new event is re-read (and dropped when gone). Callers synchronise on the instance.
 */
final class CampaignIndex {

    /** Below this many people, training is padded with a background population (see {@link BackgroundPopulation}). */
    static final int MIN_TRAINING_RECORDS = 5_000;
    /** Training reads at most this many people: enough for u and m; a million would cost minutes at first use. */
    static final int MAX_TRAINING_RECORDS = 200_000;
    /**
     * Random pairs drawn for u. A quarter of the batch default: the index is trained at a campaign's first link, in
     * the path of a request, and u of the rare agreement levels is smoothed anyway.
     */
    static final long MAX_U_SAMPLES = 250_000;

    private final MatchStore store;
    private final long campaignId;
    private final MatchModel model;
    private final MatchIndex index;
    private long lastEventId;

    private CampaignIndex(MatchStore store, long campaignId, MatchModel model, MatchIndex index, long lastEventId) {
        this.store = store;
        this.campaignId = campaignId;
        this.model = model;
        this.index = index;
        this.lastEventId = lastEventId;
    }

    static CampaignIndex build(MatchStore store, long campaignId, MatchConfig config) {
        // the event id first: a change racing with the scan is read again, never missed
        long lastEventId = store.lastEventId();
        List<MatchRecord> people = new ArrayList<>();
        store.scan(campaignId, null, p -> people.add(PersonRecords.of(p)));
        MatchModel model = train(config, people);
        return new CampaignIndex(store, campaignId, model, new MatchIndex(config, model, people), lastEventId);
    }

    static MatchModel train(MatchConfig config, List<MatchRecord> people) {
        List<MatchRecord> training = people.size() <= MAX_TRAINING_RECORDS ? new ArrayList<>(people)
                : new ArrayList<>(people.subList(0, MAX_TRAINING_RECORDS));
        if (training.size() < MIN_TRAINING_RECORDS) {
            training.addAll(BackgroundPopulation.sample(MIN_TRAINING_RECORDS - training.size(), 7));
        }
        MatchConfig quick = new MatchConfig(config.comparisons(), config.blockingRules(), config.trainingRules(),
                config.fallbackTrainingRules(), config.matchThreshold(), config.reviewThreshold(),
                config.clusterMinDensity(), Math.min(config.uSamples(), MAX_U_SAMPLES), config.maxBlockSize());
        MatchModel model = new Matcher(quick).dedupe(training).model();
        // An incoming person is as likely as not already among the N people trained on: prior odds 1 to 2N per
        // pair at least. Without this floor a campaign with no duplicates yet trains a prior near zero and every
        // entry, however identical, would come out NEW.
        double floor = MatchModel.log2Odds(0.5 / training.size());
        return model.priorLog2Odds() < floor ? model.withPriorLog2Odds(floor) : model;
    }

    MatchModel model() {
        return model;
    }

    /** Applies the outbox events committed since the last call. */
    void catchUp() {
        while (true) {
            MatchStore.Changes changes = store.changesAfter(lastEventId, 10_000);
            if (changes.lastEventId() == lastEventId) return;
            Set<Long> changed = new HashSet<>(changes.personIds());
            if (!changed.isEmpty()) {
                Set<Long> found = new HashSet<>();
                store.scan(campaignId, changed.stream().mapToLong(Long::longValue).sorted().toArray(), p -> {
                    found.add(p.id());
                    index.add(PersonRecords.of(p));
                });
                for (long id : changed) {
                    if (!found.contains(id)) index.remove(Long.toString(id));
                }
            }
            lastEventId = changes.lastEventId();
        }
    }

    List<Explanation> find(MatchRecord incoming, double minProbability) {
        return index.find(incoming, minProbability);
    }

    void add(MatchRecord record) {
        index.add(record);
    }

    int size() {
        return index.size();
    }
}
