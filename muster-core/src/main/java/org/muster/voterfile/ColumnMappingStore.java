package org.muster.voterfile;

import java.util.List;
import java.util.Optional;

/** A campaign's saved column mappings, by name. */
public interface ColumnMappingStore {

    /** A mapping as saved. */
    record Saved(String name, ColumnMapping mapping) {
    }

    /** Saves under {@code name}, replacing a mapping of that name. */
    void save(long campaignId, String name, ColumnMapping mapping, Long userId);

    Optional<ColumnMapping> find(long campaignId, String name);

    /** Every saved mapping of the campaign, by name. */
    List<Saved> list(long campaignId);
}
