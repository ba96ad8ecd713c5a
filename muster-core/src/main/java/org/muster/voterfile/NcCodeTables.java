package org.muster.voterfile;

import java.util.HashMap;
import java.util.Map;
import org.muster.reference.ReferenceCsv;

/** The NCSBE code tables (status, reason, race, ethnicity, county) with their published descriptions. */
public final class NcCodeTables {

    private static final Map<String, String> DESCRIPTIONS = new HashMap<>();

    static {
        for (String[] row : ReferenceCsv.rows("ncvoter/nc_ncvoter_code_tables.csv")) {
            DESCRIPTIONS.put(row[0] + '\u0000' + row[1], row[2]);
        }
    }

    private NcCodeTables() {
    }

    /** The description of a code, e.g. ("reason_cd", "RD") gives "DECEASED"; null when the code is unknown. */
    public static String description(String field, String code) {
        return DESCRIPTIONS.get(field + '\u0000' + code);
    }
}
