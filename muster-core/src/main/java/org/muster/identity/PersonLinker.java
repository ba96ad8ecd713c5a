package org.muster.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.muster.match.Explanation;
import org.muster.match.MatchConfig;
import org.muster.match.MatchRecord;
import org.muster.people.NewPerson;
import org.muster.people.PersonStore;

/**
 * The single entry point for "someone new came in": a form, an API call, a canvass entry, a generic import row.
 * Finds the campaign's existing people through the matcher and decides MATCH, REVIEW or NEW (see
 * {@link LinkResult}); the index behind it is built at first use per campaign and caught up from the outbox before
 * every call, so it sees every change committed by anyone. Thread-safe: calls for one campaign run one at a time, so
 * two submissions of the same new person cannot both be created unseen.
 */
public final class PersonLinker {

    /** An incoming person is queued against at most this many uncertain candidates, the most probable. */
    static final int MAX_REVIEWS_PER_PERSON = 5;

    private final MatchStore store;
    private final PersonStore people;
    private final LongFunction<MatchConfig> configs;
    private final Map<Long, CampaignIndex> indexes = new ConcurrentHashMap<>();

    /** @param configs each campaign's matching configuration (thresholds, blocking rules, comparisons) */
    public PersonLinker(MatchStore store, PersonStore people, LongFunction<MatchConfig> configs) {
        this.store = store;
        this.people = people;
        this.configs = configs;
    }

    /** A linker where every campaign uses the default configuration. */
    public PersonLinker(MatchStore store, PersonStore people) {
        this(store, people, campaign -> MatchConfig.defaults());
    }

    public MatchConfig config(long campaignId) {
        return configs.apply(campaignId);
    }

    /**
     * Links one incoming person. MATCH: the existing person gets a timeline entry naming {@code source} and the
     * entry's new emails and phones; nothing is created (other details, e.g. a different address or a survey
     * answer, are the caller's to record on that person). REVIEW: the person is created
     * and each uncertain pair is queued with its explanation. NEW: the person is created.
     *
     * @param source what the person came from ("form", "api", "canvass", an import name), for the timeline and queue
     */
    public LinkResult link(long campaignId, NewPerson incoming, String source) {
        MatchConfig config = configs.apply(campaignId);
        CampaignIndex index = index(campaignId);
        synchronized (index) {
            index.catchUp();
            List<Explanation> found = index.find(PersonRecords.of("incoming", incoming), config.reviewThreshold());
            Explanation best = found.isEmpty() ? null : found.get(0);
            if (best != null && best.probability() >= config.matchThreshold()) {
                long existing = Long.parseLong(best.rightId());
                store.recordMatch(campaignId, existing, incoming.emails(), incoming.phones(), String.format(Locale.ROOT,
                        "Matched an entry from %s (match probability %.3f)", source, best.probability()), source);
                return new LinkResult(LinkResult.Decision.MATCH, existing, List.of(), best);
            }
            long created = people.insert(campaignId, List.of(incoming)).get(0);
            index.add(PersonRecords.of(Long.toString(created), incoming));
            List<Long> reviews = new ArrayList<>();
            for (Explanation candidate : found.subList(0, Math.min(found.size(), MAX_REVIEWS_PER_PERSON))) {
                Explanation pair = new Explanation(Long.toString(created), candidate.rightId(), candidate.priorLog2Odds(),
                        candidate.fields(), candidate.log2Odds(), candidate.probability());
                store.propose(campaignId, created, Long.parseLong(candidate.rightId()), pair, source).ifPresent(reviews::add);
            }
            return new LinkResult(reviews.isEmpty() ? LinkResult.Decision.NEW : LinkResult.Decision.REVIEW, created,
                    reviews, best);
        }
    }

    /** Why two stored people do or do not match, by the campaign's current model; null when either is gone. */
    public Explanation explain(long campaignId, long personA, long personB) {
        CampaignIndex index = index(campaignId);
        List<MatchRecord> two = new ArrayList<>();
        store.scan(campaignId, new long[] {personA, personB}, p -> two.add(PersonRecords.of(p)));
        if (two.size() < 2) return null;
        MatchRecord a = two.get(0).id().equals(Long.toString(personA)) ? two.get(0) : two.get(1);
        MatchRecord b = a == two.get(0) ? two.get(1) : two.get(0);
        return index.model().explain(a, b);
    }

    /** Forgets the campaign's index (e.g. after its configuration changed); the next call rebuilds it. */
    public void invalidate(long campaignId) {
        indexes.remove(campaignId);
    }

    private CampaignIndex index(long campaignId) {
        return indexes.computeIfAbsent(campaignId, id -> CampaignIndex.build(store, id, configs.apply(id)));
    }
}
