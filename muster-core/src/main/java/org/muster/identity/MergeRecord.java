package org.muster.identity;

import java.util.Map;

/**
 * One merge of {@code mergedId} into {@code survivorId}. {@code moved} counts the rows that changed hands per
 * table (dropped duplicates included); undone merges keep their record with who undid them and when.
 */
public record MergeRecord(long id, long campaignId, long survivorId, long mergedId, String mergedName, Long reviewId,
        Long mergedBy, long mergedAt, Map<String, Integer> moved, Long undoneBy, Long undoneAt) {

    public boolean undone() {
        return undoneAt != null;
    }
}
