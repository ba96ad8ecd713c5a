package org.muster.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.reference.ReferenceCsv;

/**
 * Nickname equivalence from the bundled names/nicknames.csv: each formal name and its nicknames form a group, and
 * two first names are equivalent when they share a group ("bob" and "rob" both belong to robert's).
 */
public final class Nicknames {

    private static final Nicknames BUNDLED = load();

    private final Map<String, int[]> groups;

    private Nicknames(Map<String, int[]> groups) {
        this.groups = groups;
    }

    public static Nicknames bundled() {
        return BUNDLED;
    }

    private static Nicknames load() {
        Map<String, Integer> groupOf = new HashMap<>();
        Map<String, List<Integer>> members = new HashMap<>();
        for (String[] row : ReferenceCsv.rows("names/nicknames.csv")) {
            if (row.length < 2) continue;
            String formal = Normalize.name(row[0]);
            String nick = Normalize.name(row[1]);
            if (formal == null || nick == null) continue;
            int group = groupOf.computeIfAbsent(formal, k -> groupOf.size());
            add(members, formal, group);
            add(members, nick, group);
        }
        Map<String, int[]> groups = new HashMap<>();
        members.forEach((name, ids) -> groups.put(name, ids.stream().mapToInt(Integer::intValue).sorted().toArray()));
        return new Nicknames(groups);
    }

    private static void add(Map<String, List<Integer>> members, String name, int group) {
        List<Integer> ids = members.computeIfAbsent(name, k -> new ArrayList<>(2));
        if (!ids.contains(group)) ids.add(group);
    }

    /** True when the two normalised first names are different names of one person ("william", "bill"). */
    public boolean equivalent(String a, String b) {
        int[] ga = groups.get(a);
        if (ga == null) return false;
        int[] gb = groups.get(b);
        if (gb == null) return false;
        int i = 0;
        int j = 0;
        while (i < ga.length && j < gb.length) {
            if (ga[i] == gb[j]) return true;
            if (ga[i] < gb[j]) i++;
            else j++;
        }
        return false;
    }
}
