package org.muster.geo;

import java.util.List;

/** The precinct shapes of a campaign, one per precinct code. */
public interface PrecinctShapeStore {

    /**
     * Stores the shapes in one transaction: a precinct already there gets the new shape, others are added; precincts
     * not in {@code shapes} are kept. Returns how many shapes were written.
     */
    int upsert(long campaignId, List<PrecinctShape> shapes, String source);

    /** By precinct code. */
    List<PrecinctShape> list(long campaignId);

    long count(long campaignId);
}
