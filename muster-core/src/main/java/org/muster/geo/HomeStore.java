package org.muster.geo;

import java.util.List;

/** Reads the geocoded homes of people. */
public interface HomeStore {

    /** The homes of those of {@code personIds} (of the campaign) whose home address has coordinates, by person id. */
    List<Home> homes(long campaignId, long[] personIds);
}
