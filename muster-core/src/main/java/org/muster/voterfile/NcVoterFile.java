package org.muster.voterfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Streaming reader of an NCSBE ncvoter file (one registration per row). */
public final class NcVoterFile {

    private static final int COUNTY_ID = NcLayout.VOTER.index("county_id");
    private static final int VOTER_REG_NUM = NcLayout.VOTER.index("voter_reg_num");
    private static final int BIRTH_YEAR = NcLayout.VOTER.index("birth_year");
    private static final int REGISTR_DT = NcLayout.VOTER.index("registr_dt");

    private static final DelimitedReader.Header HEADER =
            DelimitedReader.Header.exactly(NcLayout.VOTER, "an NC ncvoter file (NCSBE layout, tab-delimited)");

    private NcVoterFile() {
    }

    /**
     * Reads every row, handing good rows to {@code rows} and skipped ones (wrong column count, bad county id,
     * missing registration number, bad birth year or registration date) to {@code badRows}.
     *
     * @return the number of good rows
     * @throws VoterFileFormatException when the header is not the ncvoter layout
     */
    public static long read(Path file, Consumer<Row> rows, Consumer<BadRow> badRows) throws IOException {
        return DelimitedReader.read(open(file, 0, 1), rows, badRows);
    }

    /** A cursor from the byte after line {@code lineNumber} (0 and 1 for the start), for resumable imports. */
    static DelimitedReader open(Path file, long offset, long lineNumber) throws IOException {
        return DelimitedReader.open(file, Dialect.NC, HEADER, NcVoterFile::problem, offset, lineNumber);
    }

    /** The registration key used across Muster for NC: county id, a dash, the county's voter registration number. */
    public static String registrationKey(String countyId, String voterRegNum) {
        return countyId + "-" + voterRegNum;
    }

    private static RowProblem problem(Row row) {
        String county = row.get(COUNTY_ID);
        if (county == null || !Values.isInt(county, 1, 100)) {
            return new RowProblem("county_id", "must be 1..100, found " + county);
        }
        if (row.get(VOTER_REG_NUM) == null) return new RowProblem("voter_reg_num", "is empty");
        String year = row.get(BIRTH_YEAR);
        if (year != null && !Values.isInt(year, 1850, 2100)) return new RowProblem("birth_year", "not a year: " + year);
        String registered = row.get(REGISTR_DT);
        if (registered != null && Values.date(registered) == null) {
            return new RowProblem("registr_dt", "not a MM/DD/YYYY date: " + registered);
        }
        return null;
    }
}
