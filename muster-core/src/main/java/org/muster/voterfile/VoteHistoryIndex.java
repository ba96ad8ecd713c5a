package org.muster.voterfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.muster.people.VoteRecord;

/**
 * A whole ncvhis file held in memory, keyed by registration key, so ncvoter rows can be joined to their votes.
 * Good for demo-sized files: equal vote records are shared, but a statewide file still needs the streaming
 * (sorted) join of the ingestion engine.
 */
public final class VoteHistoryIndex {

    private static final NcLayout L = NcLayout.HISTORY;
    private static final int COUNTY_ID = L.index("county_id");
    private static final int VOTER_REG_NUM = L.index("voter_reg_num");
    private static final int ELECTION_LBL = L.index("election_lbl");
    private static final int ELECTION_DESC = L.index("election_desc");
    private static final int VOTING_METHOD = L.index("voting_method");
    private static final int VOTED_PARTY_CD = L.index("voted_party_cd");
    private static final int VOTED_COUNTY_DESC = L.index("voted_county_desc");
    private static final int COUNTY_DESC = L.index("county_desc");

    private final Map<String, List<VoteRecord>> votesByRegistration = new HashMap<>();
    private final Map<VoteRecord, VoteRecord> shared = new HashMap<>();
    private long votes;

    private VoteHistoryIndex() {
    }

    /** An index with no votes, for a voter file loaded without its history. */
    public static VoteHistoryIndex empty() {
        return new VoteHistoryIndex();
    }

    public static VoteHistoryIndex load(Path historyFile, Consumer<BadRow> badRows) throws IOException {
        VoteHistoryIndex index = new VoteHistoryIndex();
        NcHistoryFile.read(historyFile, index::add, badRows);
        return index;
    }

    private void add(NcRow row) {
        String county = row.get(VOTED_COUNTY_DESC);
        VoteRecord vote = new VoteRecord(NcValues.date(row.get(ELECTION_LBL)), row.get(ELECTION_DESC),
                row.get(VOTING_METHOD), row.get(VOTED_PARTY_CD), county != null ? county : row.get(COUNTY_DESC));
        vote = shared.computeIfAbsent(vote, v -> v);
        String key = NcVoterFile.registrationKey(row.get(COUNTY_ID), row.get(VOTER_REG_NUM));
        votesByRegistration.computeIfAbsent(key, k -> new ArrayList<>(4)).add(vote);
        votes++;
    }

    /** Votes of one registration in file order; empty when it never voted. */
    public List<VoteRecord> votes(String registrationKey) {
        return votesByRegistration.getOrDefault(registrationKey, List.of());
    }

    public long voteCount() {
        return votes;
    }
}
