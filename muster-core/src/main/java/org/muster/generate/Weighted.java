package org.muster.generate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Draws values in proportion to their weights (cumulative table + binary search). */
final class Weighted<T> {

    private final List<T> values;
    private final double[] cumulative;

    Weighted(List<T> values, double[] weights) {
        if (values.size() != weights.length || values.isEmpty()) throw new IllegalArgumentException("bad weights");
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    T pick(SplittableRandom random) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, r);
        if (i < 0) i = -i - 1;
        return values.get(Math.min(i, values.size() - 1));
    }
}
