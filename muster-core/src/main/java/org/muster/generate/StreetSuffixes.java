package org.muster.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.muster.reference.ReferenceCsv;

/** USPS standard street suffixes, weighted so the common ones (RD, ST, DR) dominate as on real NC rolls. */
final class StreetSuffixes {

    private static final Map<String, Double> COMMON = Map.of("RD", 25.0, "ST", 20.0, "DR", 20.0, "LN", 10.0,
            "AVE", 8.0, "CT", 7.0, "CIR", 3.0, "WAY", 3.0, "TRL", 2.0, "PL", 2.0);
    /** Weight shared by all the other suffixes of Publication 28. */
    private static final double RARE_TOTAL = 5.0;

    private StreetSuffixes() {
    }

    static Weighted<String> common() {
        List<String[]> rows = ReferenceCsv.rows("street/usps_street_suffixes.csv");
        List<String> abbreviations = new ArrayList<>();
        for (String[] row : rows) {
            if (!abbreviations.contains(row[1]) && !ambiguous(row, rows)) abbreviations.add(row[1]);
        }
        long rare = abbreviations.stream().filter(a -> !COMMON.containsKey(a)).count();
        double[] weights = new double[abbreviations.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = COMMON.getOrDefault(abbreviations.get(i), RARE_TOTAL / rare);
        }
        return new Weighted<>(abbreviations, weights);
    }

    /**
     * Whether the row's standard abbreviation is also a variant of another suffix (MDW is MEADOW's, and a variant
     * of MEADOWS): a normaliser may read it as the other one, so generated addresses avoid it.
     */
    private static boolean ambiguous(String[] row, List<String[]> rows) {
        for (String[] other : rows) {
            if (other != row && !other[1].equals(row[1]) && List.of(other[2].split("\\|")).contains(row[1])) return true;
        }
        return false;
    }
}
