package org.muster.messaging;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.muster.segment.Splits;

/**
 * The channel-independent part of an A/B/n test, shared by email sends ({@link SendJob}) and SMS jobs: the
 * reproducible split of the eligible people into test groups and the rest, and the choice of the winner by the
 * {@link SequentialTest}, falling back to the best observed rate when the decision deadline passes.
 */
public final class AbTest {

    private AbTest() {
    }

    /**
     * The group of each eligible person (parallel to {@code eligible}, ascending ids): a variant index, or
     * {@code variants} and above for the rest held back for the winner. {@code testFraction} 1: no test, the
     * variants share everyone. Reproducible by {@code seed} ({@link Splits}).
     */
    public static int[] groups(long[] eligible, int variants, double testFraction, long seed) {
        int[] group = new int[eligible.length];
        if (variants <= 1) return group;
        int parts = testFraction < 1 ? Math.max(variants, (int) Math.round(variants / testFraction)) : variants;
        List<long[]> split = Splits.split(eligible, parts, seed);
        for (int g = 0; g < split.size(); g++) {
            for (long id : split.get(g)) group[Arrays.binarySearch(eligible, id)] = g;
        }
        return group;
    }

    /** The verdict: the winning arm's index, or -1 to keep waiting; and why. */
    public record Choice(int winner, String summary) {
        public boolean decided() {
            return winner >= 0;
        }
    }

    /**
     * Decides on the arms' outcomes: the sequential test's winner if there is one; otherwise, once
     * {@code deadlinePassed}, the best observed rate (first arm on ties); otherwise no decision yet.
     */
    public static Choice choose(SequentialTest test, List<SequentialTest.Arm> arms, boolean deadlinePassed, Duration decideWithin) {
        SequentialTest.Decision decision = test.decide(arms);
        if (decision.decided()) return new Choice(decision.winner(), decision.summary());
        if (!deadlinePassed || arms.isEmpty()) return new Choice(-1, decision.summary());
        int best = 0;
        for (int i = 1; i < arms.size(); i++) if (arms.get(i).rate() > arms.get(best).rate()) best = i;
        return new Choice(best, "no significant difference within " + decideWithin.toHours()
                + " h; the best observed rate (" + arms.get(best).label() + ") was sent to the rest");
    }
}
