package org.muster.match;

import java.util.Arrays;

/** Pairs of record indexes, stored as two growable int arrays (millions of pairs without boxing). */
public final class CandidatePairs {

    private int[] left = new int[1024];
    private int[] right = new int[1024];
    private int size;

    void add(int i, int j) {
        if (size == left.length) {
            left = Arrays.copyOf(left, size * 2);
            right = Arrays.copyOf(right, size * 2);
        }
        left[size] = i;
        right[size] = j;
        size++;
    }

    public int size() {
        return size;
    }

    public int left(int k) {
        return left[k];
    }

    public int right(int k) {
        return right[k];
    }
}
