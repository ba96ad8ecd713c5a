package org.muster.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Precision-first voter-file flags. A flag needs a high match probability AND strong agreement (a Bayes factor of
 * at least {@link #MIN_CORROBORATION_BITS}) on at least one field beyond name and birth date (many people share a
 * name and a birth date in a state-sized file), and carries
 * its evidence: the per-field explanation, the corroborating fields and the expected false-positive rate (1 - p).
 */
public final class VoterFlags {

    /** The probability a flag needs by default: at most one flag in a thousand expected wrong. */
    public static final double DEFAULT_MIN_PROBABILITY = 0.999;
    /** log2 of the least Bayes factor a corroborating field must bring: 8 times likelier for a match. */
    static final double MIN_CORROBORATION_BITS = 3.0;
    /** Name and birth date alone never justify a flag. */
    static final Set<String> IDENTITY_FIELDS = Set.of("first", "middle", "last", "dob");
    /** Fields that change when someone moves, so they cannot corroborate a move. */
    static final Set<String> RESIDENCE_FIELDS = Set.of("residence", "address", "city", "zip", "state", "geo");

    private VoterFlags() {
    }

    public enum Kind { POSSIBLE_DUPLICATE_REGISTRATION, POSSIBLE_DECEASED, MOVED_OUT_OF_STATE }

    public record Flag(Kind kind, String recordId, String otherId, double probability,
            double expectedFalsePositiveRate, List<String> corroboratingFields, Explanation evidence) {
    }

    /** Pairs of registrations within one file that are the same person. */
    public static List<Flag> duplicateRegistrations(Matcher.Run dedupe, double minProbability) {
        return flags(dedupe, Kind.POSSIBLE_DUPLICATE_REGISTRATION, minProbability, Set.of(), null);
    }

    /** Registrations (source 0) linked to a death list (source 1) by {@link Matcher#link}. */
    public static List<Flag> deceased(Matcher.Run link, double minProbability) {
        return flags(link, Kind.POSSIBLE_DECEASED, minProbability, Set.of(), null);
    }

    /**
     * Registrations (source 0) linked to records of another file (source 1) whose state differs from
     * {@code homeState}; the corroboration must come from fields that survive a move (email, phone, id).
     */
    public static List<Flag> movedOutOfState(Matcher.Run link, String homeState, double minProbability) {
        return flags(link, Kind.MOVED_OUT_OF_STATE, minProbability, RESIDENCE_FIELDS, Normalize.text(homeState));
    }

    private static List<Flag> flags(Matcher.Run run, Kind kind, double minProbability, Set<String> excluded,
            String homeState) {
        List<Flag> out = new ArrayList<>();
        CandidatePairs pairs = run.pairs();
        for (int k = 0; k < pairs.size(); k++) {
            if (run.probability()[k] < minProbability) continue;
            MatchRecord a = run.records().get(pairs.left(k));
            MatchRecord b = run.records().get(pairs.right(k));
            if (a.source > b.source) {
                MatchRecord t = a;
                a = b;
                b = t;
            }
            if (homeState != null) {
                String otherState = b.get(Field.STATE);
                if (otherState == null || otherState.equals(homeState)) continue;
            }
            Explanation evidence = run.model().explain(a, b);
            List<String> corroborating = new ArrayList<>();
            for (Explanation.FieldEvidence f : evidence.fields()) {
                if (f.total() >= MIN_CORROBORATION_BITS && !IDENTITY_FIELDS.contains(f.field())
                        && !excluded.contains(f.field())) {
                    corroborating.add(f.field());
                }
            }
            if (corroborating.isEmpty()) continue;
            out.add(new Flag(kind, a.id, b.id, evidence.probability(), 1 - evidence.probability(),
                    List.copyOf(corroborating), evidence));
        }
        return out;
    }
}
