package org.muster.voterfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Streaming reader of an NCSBE ncvhis file (one vote cast per row). */
public final class NcHistoryFile {

    private static final int COUNTY_ID = NcLayout.HISTORY.index("county_id");
    private static final int VOTER_REG_NUM = NcLayout.HISTORY.index("voter_reg_num");
    private static final int ELECTION_LBL = NcLayout.HISTORY.index("election_lbl");

    private NcHistoryFile() {
    }

    /**
     * Reads every row, handing good rows to {@code rows} and skipped ones to {@code badRows}.
     *
     * @return the number of good rows
     * @throws VoterFileFormatException when the header is not the ncvhis layout
     */
    public static long read(Path file, Consumer<NcRow> rows, Consumer<BadRow> badRows) throws IOException {
        return NcDelimitedReader.read(file, NcLayout.HISTORY, NcHistoryFile::problem, rows, badRows);
    }

    private static String problem(NcRow row) {
        String county = row.get(COUNTY_ID);
        if (county == null || !NcValues.isInt(county, 1, 100)) return "county_id must be 1..100, found " + county;
        if (row.get(VOTER_REG_NUM) == null) return "voter_reg_num is empty";
        String election = row.get(ELECTION_LBL);
        if (election == null || NcValues.date(election) == null) {
            return "election_lbl is not a MM/DD/YYYY date: " + election;
        }
        return null;
    }
}
