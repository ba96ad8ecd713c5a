package org.muster.voterfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.muster.people.RegisteredVote;
import org.muster.people.VoteRecord;

/** Streaming reader of an NCSBE ncvhis file (one vote cast per row). */
public final class NcHistoryFile {

    private static final int COUNTY_ID = NcLayout.HISTORY.index("county_id");
    private static final int VOTER_REG_NUM = NcLayout.HISTORY.index("voter_reg_num");
    private static final int ELECTION_LBL = NcLayout.HISTORY.index("election_lbl");
    private static final int ELECTION_DESC = NcLayout.HISTORY.index("election_desc");
    private static final int VOTING_METHOD = NcLayout.HISTORY.index("voting_method");
    private static final int VOTED_PARTY_CD = NcLayout.HISTORY.index("voted_party_cd");
    private static final int VOTED_COUNTY_DESC = NcLayout.HISTORY.index("voted_county_desc");
    private static final int COUNTY_DESC = NcLayout.HISTORY.index("county_desc");

    private static final DelimitedReader.Header HEADER =
            DelimitedReader.Header.exactly(NcLayout.HISTORY, "an NC ncvhis file (NCSBE layout, tab-delimited)");

    private NcHistoryFile() {
    }

    /**
     * Reads every row, handing good rows to {@code rows} and skipped ones to {@code badRows}.
     *
     * @return the number of good rows
     * @throws VoterFileFormatException when the header is not the ncvhis layout
     */
    public static long read(Path file, Consumer<Row> rows, Consumer<BadRow> badRows) throws IOException {
        return DelimitedReader.read(open(file, 0, 1), rows, badRows);
    }

    /** A cursor from the byte after line {@code lineNumber} (0 and 1 for the start), for resumable imports. */
    static DelimitedReader open(Path file, long offset, long lineNumber) throws IOException {
        return DelimitedReader.open(file, Dialect.NC, HEADER, NcHistoryFile::problem, offset, lineNumber);
    }

    /** The vote a good row records, keyed by its registration. */
    static RegisteredVote vote(Row row) {
        String county = row.get(VOTED_COUNTY_DESC);
        VoteRecord vote = new VoteRecord(Values.date(row.get(ELECTION_LBL)), row.get(ELECTION_DESC),
                row.get(VOTING_METHOD), row.get(VOTED_PARTY_CD), county != null ? county : row.get(COUNTY_DESC));
        return new RegisteredVote("NC", NcVoterFile.registrationKey(row.get(COUNTY_ID), row.get(VOTER_REG_NUM)), vote);
    }

    private static RowProblem problem(Row row) {
        String county = row.get(COUNTY_ID);
        if (county == null || !Values.isInt(county, 1, 100)) {
            return new RowProblem("county_id", "must be 1..100, found " + county);
        }
        if (row.get(VOTER_REG_NUM) == null) return new RowProblem("voter_reg_num", "is empty");
        String election = row.get(ELECTION_LBL);
        if (election == null || Values.date(election) == null) {
            return new RowProblem("election_lbl", "not a MM/DD/YYYY date: " + election);
        }
        return null;
    }
}
