package org.muster.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merged view of one cluster: per field, the value most of its records agree on (ties go to the longer, more
 * complete value, then to the earlier record), with the ids of the records that supplied it.
 */
public record GoldenRecord(Map<String, FieldValue> fields) {

    /** A chosen value and the records carrying it. */
    public record FieldValue(String value, List<String> sourceIds) {
    }

    public static GoldenRecord of(List<MatchRecord> cluster) {
        Map<String, Map<String, List<String>>> candidates = new LinkedHashMap<>();
        for (MatchRecord r : cluster) {
            r.values().forEach((field, value) -> candidates.computeIfAbsent(field, k -> new LinkedHashMap<>())
                    .computeIfAbsent(value, k -> new ArrayList<>()).add(r.id));
        }
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        candidates.forEach((field, values) -> {
            Map.Entry<String, List<String>> best = null;
            for (Map.Entry<String, List<String>> e : values.entrySet()) {
                if (best == null || e.getValue().size() > best.getValue().size()
                        || e.getValue().size() == best.getValue().size() && e.getKey().length() > best.getKey().length()) {
                    best = e;
                }
            }
            fields.put(field, new FieldValue(best.getKey(), List.copyOf(best.getValue())));
        });
        return new GoldenRecord(fields);
    }

    /** The chosen value of a field, or null. */
    public String value(String field) {
        FieldValue v = fields.get(field);
        return v == null ? null : v.value();
    }
}
