package org.muster.voterfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.muster.people.RegisteredVote;
import org.muster.people.VoteRecord;

/**
 * A whole ncvhis file held in memory, keyed by registration key, so ncvoter rows can be joined to their votes.
 * Good for demo-sized files (equal vote records are shared); statewide files go through {@link VoterFileImporter},
 * which streams the history after the voters and joins it in the database.
 */
public final class VoteHistoryIndex {

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

    private void add(Row row) {
        RegisteredVote registered = NcHistoryFile.vote(row);
        VoteRecord vote = shared.computeIfAbsent(registered.vote(), v -> v);
        votesByRegistration.computeIfAbsent(registered.registrationId(), k -> new ArrayList<>(4)).add(vote);
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
