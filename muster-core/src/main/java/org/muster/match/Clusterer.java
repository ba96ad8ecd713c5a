package org.muster.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connected components over the links above the match threshold, guarded against chaining: links are taken most
 * embedded first (most shared neighbours, then highest probability), so a lone bridge between two groups comes
 * after the links inside them, and two groups that already hold more than one record merge only when at least
 * {@code minDensity} of the record pairs between them are linked. One bridge between two families therefore does
 * not fuse them, while a real duplicate set, whose members all link to each other, still forms.
 */
public final class Clusterer {

    private Clusterer() {
    }

    /** Returns the cluster id (the index of its smallest member) of each of the {@code n} records. */
    public static int[] cluster(int n, CandidatePairs pairs, double[] probability, double threshold,
            double minDensity) {
        List<Integer> edges = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) if (probability[k] >= threshold) edges.add(k);
        int[] degree = new int[n + 1];
        for (int k : edges) {
            degree[pairs.left(k) + 1]++;
            degree[pairs.right(k) + 1]++;
        }
        for (int i = 0; i < n; i++) degree[i + 1] += degree[i];
        int[] adjacency = new int[degree[n]];
        int[] fill = Arrays.copyOf(degree, n);
        for (int k : edges) {
            adjacency[fill[pairs.left(k)]++] = pairs.right(k);
            adjacency[fill[pairs.right(k)]++] = pairs.left(k);
        }
        for (int i = 0; i < n; i++) Arrays.sort(adjacency, degree[i], degree[i + 1]);
        int[] shared = new int[pairs.size()];
        for (int k : edges) shared[k] = commonNeighbours(adjacency, degree, pairs.left(k), pairs.right(k));
        edges.sort((x, y) -> shared[x] != shared[y] ? Integer.compare(shared[y], shared[x])
                : Double.compare(probability[y], probability[x]));

        int[] parent = new int[n];
        List<List<Integer>> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            members.add(null);
        }
        for (int k : edges) {
            int a = find(parent, pairs.left(k));
            int b = find(parent, pairs.right(k));
            if (a == b) continue;
            int sizeA = size(members, a);
            int sizeB = size(members, b);
            if (sizeA > 1 || sizeB > 1) {
                int small = sizeA <= sizeB ? a : b;
                int other = small == a ? b : a;
                long links = 0;
                for (int member : membersOf(members, small)) {
                    for (int e = degree[member]; e < degree[member + 1]; e++) {
                        if (find(parent, adjacency[e]) == other) links++;
                    }
                }
                if (links < minDensity * sizeA * sizeB) continue;
            }
            int root = sizeA >= sizeB ? a : b;
            int child = root == a ? b : a;
            List<Integer> merged = new ArrayList<>(membersOf(members, root));
            merged.addAll(membersOf(members, child));
            parent[child] = root;
            members.set(root, merged);
            members.set(child, null);
        }
        int[] cluster = new int[n];
        int[] smallest = new int[n];
        Arrays.fill(smallest, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            smallest[r] = Math.min(smallest[r], i);
        }
        for (int i = 0; i < n; i++) cluster[i] = smallest[find(parent, i)];
        return cluster;
    }

    private static int commonNeighbours(int[] adjacency, int[] degree, int a, int b) {
        int i = degree[a];
        int j = degree[b];
        int common = 0;
        while (i < degree[a + 1] && j < degree[b + 1]) {
            if (adjacency[i] == adjacency[j]) {
                common++;
                i++;
                j++;
            } else if (adjacency[i] < adjacency[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    private static int size(List<List<Integer>> members, int root) {
        List<Integer> m = members.get(root);
        return m == null ? 1 : m.size();
    }

    private static List<Integer> membersOf(List<List<Integer>> members, int root) {
        List<Integer> m = members.get(root);
        return m == null ? List.of(root) : m;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
