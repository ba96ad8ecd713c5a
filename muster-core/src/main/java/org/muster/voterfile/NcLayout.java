package org.muster.voterfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.reference.ReferenceCsv;

/** The column layout of one NCSBE file kind, loaded from the bundled layout files so reader and generator agree. */
public final class NcLayout {

    /** ncvoter_Statewide.txt, layout from 02/12/2022 (67 columns). */
    public static final NcLayout VOTER = load("ncvoter", "ncvoter/nc_ncvoter_layout_2022.csv");
    /** ncvhis_Statewide.txt (15 columns). */
    public static final NcLayout HISTORY = load("ncvhis", "ncvoter/nc_ncvhis_layout.csv");

    private final String kind;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();

    private NcLayout(String kind, List<String> columns) {
        this.kind = kind;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) index.put(columns.get(i), i);
    }

    private static NcLayout load(String kind, String resource) {
        return new NcLayout(kind, ReferenceCsv.rows(resource).stream().map(row -> row[1]).toList());
    }

    /** "ncvoter" or "ncvhis". */
    public String kind() {
        return kind;
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    /** Position of a column; an unknown name is a programming error. */
    public int index(String column) {
        Integer i = index.get(column);
        if (i == null) throw new IllegalArgumentException("No column " + column + " in the NC " + kind + " layout");
        return i;
    }
}
