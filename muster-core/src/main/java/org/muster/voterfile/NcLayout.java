package org.muster.voterfile;

import org.muster.reference.ReferenceCsv;

/** The NCSBE column layouts, loaded from the bundled layout files so reader and generator agree. */
public final class NcLayout {

    /** ncvoter_Statewide.txt, layout from 02/12/2022 (67 columns). */
    public static final Layout VOTER = load("ncvoter", "ncvoter/nc_ncvoter_layout_2022.csv");
    /** ncvhis_Statewide.txt (15 columns). */
    public static final Layout HISTORY = load("ncvhis", "ncvoter/nc_ncvhis_layout.csv");

    private NcLayout() {
    }

    private static Layout load(String kind, String resource) {
        return new Layout(kind, ReferenceCsv.rows(resource).stream().map(row -> row[1]).toList());
    }
}
