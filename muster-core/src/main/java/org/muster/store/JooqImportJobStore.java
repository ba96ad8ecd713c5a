package org.muster.store;

import static org.muster.store.ImportTables.ImportErrorTable;
import static org.muster.store.ImportTables.ImportJobTable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.muster.people.NewPerson;
import org.muster.people.PersonStore.UpsertResult;
import org.muster.people.PersonStore.VoteResult;
import org.muster.people.RegisteredVote;
import org.muster.voterfile.ImportError;
import org.muster.voterfile.ImportJob;
import org.muster.voterfile.ImportJobStore;

/** {@link ImportJobStore} over jOOQ, for both dialects. */
final class JooqImportJobStore implements ImportJobStore {

    /** Refresh statistics once the people tables have grown by this much, and then each time they double. */
    private static final long ANALYZE_FROM_ROWS = 20_000;

    private final DSLContext dsl;
    private final AtomicLong insertedSinceAnalyze = new AtomicLong();
    private final AtomicLong insertedAtLastAnalyze = new AtomicLong();
    /** Each running job's first-load filters (empty when it is not a first load), until its voter file is done. */
    private final Map<Long, Optional<FirstLoad>> firstLoads = new ConcurrentHashMap<>();

    JooqImportJobStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public ImportJob create(long campaignId, String format, ImportJob.FileRef file, ImportJob.FileRef historyFile) {
        long now = System.currentTimeMillis();
        Long id = dsl.insertInto(ImportJobTable.T, ImportJobTable.CAMPAIGN_ID, ImportJobTable.FORMAT,
                        ImportJobTable.FILE_NAME, ImportJobTable.FILE_SIZE, ImportJobTable.FILE_HASH,
                        ImportJobTable.HISTORY_FILE_NAME, ImportJobTable.HISTORY_FILE_SIZE, ImportJobTable.HISTORY_FILE_HASH,
                        ImportJobTable.STATUS, ImportJobTable.PHASE, ImportJobTable.CREATED_AT, ImportJobTable.UPDATED_AT)
                .values(campaignId, format, file.name(), file.size(), file.sha256(),
                        historyFile == null ? null : historyFile.name(), historyFile == null ? null : historyFile.size(),
                        historyFile == null ? null : historyFile.sha256(), ImportJob.Status.RUNNING.name(),
                        ImportJob.Phase.VOTERS.name(), now, now)
                .returningResult(ImportJobTable.ID).fetchOne(ImportJobTable.ID);
        return find(campaignId, id).orElseThrow();
    }

    @Override
    public Optional<ImportJob> find(long campaignId, long jobId) {
        return dsl.select(ImportJobTable.READ).from(ImportJobTable.T)
                .where(ImportJobTable.CAMPAIGN_ID.eq(campaignId).and(ImportJobTable.ID.eq(jobId)))
                .fetchOptional(JooqImportJobStore::job);
    }

    @Override
    public Optional<ImportJob> findResumable(long campaignId, ImportJob.FileRef file, ImportJob.FileRef historyFile) {
        Condition history = historyFile == null ? ImportJobTable.HISTORY_FILE_HASH.isNull()
                : ImportJobTable.HISTORY_FILE_HASH.eq(historyFile.sha256())
                        .and(ImportJobTable.HISTORY_FILE_SIZE.eq(historyFile.size()));
        return dsl.select(ImportJobTable.READ).from(ImportJobTable.T)
                .where(ImportJobTable.CAMPAIGN_ID.eq(campaignId)
                        .and(ImportJobTable.STATUS.ne(ImportJob.Status.DONE.name()))
                        .and(ImportJobTable.FILE_HASH.eq(file.sha256()))
                        .and(ImportJobTable.FILE_SIZE.eq(file.size()))
                        .and(history))
                .orderBy(ImportJobTable.ID.desc()).limit(1)
                .fetchOptional(JooqImportJobStore::job);
    }

    @Override
    public List<ImportJob> recent(long campaignId, int limit) {
        return dsl.select(ImportJobTable.READ).from(ImportJobTable.T).where(ImportJobTable.CAMPAIGN_ID.eq(campaignId))
                .orderBy(ImportJobTable.ID.desc()).limit(limit).fetch(JooqImportJobStore::job);
    }

    @Override
    public ImportJob.Counts commitVoters(long jobId, long campaignId, List<NewPerson> people, List<ImportError> errors,
                                         long line, long offset) {
        FirstLoad firstLoad = firstLoads.computeIfAbsent(jobId, id -> FirstLoad.of(dsl, id, campaignId)).orElse(null);
        ImportJob.Counts delta;
        try {
            delta = commitVotersOrForget(jobId, campaignId, people, errors, line, offset, firstLoad);
        } catch (DataAccessException e) {
            if (firstLoad == null) throw e;
            // Another writer may have inserted a key the filters do not know: rebuild them and try once more.
            firstLoad = firstLoads.computeIfAbsent(jobId, id -> FirstLoad.of(dsl, id, campaignId)).orElse(null);
            delta = commitVotersOrForget(jobId, campaignId, people, errors, line, offset, firstLoad);
        }
        analyzeWhenGrown(delta.created());
        return delta;
    }

    /**
     * When the batch fails, the job's first-load state is dropped: it may hold keys and household ids of the batch
     * that rolled back, so it is rebuilt from the database before anything else commits.
     */
    private ImportJob.Counts commitVotersOrForget(long jobId, long campaignId, List<NewPerson> people,
                                                  List<ImportError> errors, long line, long offset, FirstLoad firstLoad) {
        try {
            return commitVoters(jobId, campaignId, people, errors, line, offset, firstLoad);
        } catch (RuntimeException e) {
            firstLoads.remove(jobId);
            throw e;
        }
    }

    private ImportJob.Counts commitVoters(long jobId, long campaignId, List<NewPerson> people, List<ImportError> errors,
                                          long line, long offset, FirstLoad firstLoad) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            commitWithoutWaitingForDisk(tx);
            long now = System.currentTimeMillis();
            UpsertResult r = people.isEmpty() ? UpsertResult.NONE
                    : RegistrationUpsert.upsert(tx, campaignId, people, now, firstLoad);
            ImportJob.Counts d = new ImportJob.Counts(r.created(), r.updated(), r.unchanged(), errors.size(),
                    r.votes().added(), r.votes().existing(), r.votes().unmatched());
            checkpoint(tx, jobId, ImportJob.Phase.VOTERS, d, errors, line, offset, now);
            return d;
        });
    }

    @Override
    public void commitLinked(long jobId, ImportJob.Counts linked, List<ImportError> errors, long line, long offset) {
        dsl.transaction(cfg -> checkpoint(cfg.dsl(), jobId, ImportJob.Phase.VOTERS, linked, errors, line, offset,
                System.currentTimeMillis()));
    }

    /**
     * PostgreSQL plans the registration lookups from table statistics; taken while the tables were nearly empty,
     * they make it scan the whole campaign's index range for every batch (quadratic in the file). Autovacuum
     * catches up too late during a bulk load, so the import refreshes them itself, a logarithmic number of times,
     * for the columns those lookups filter and join on only: statistics of every column of the people tables
     * cost a tenth of the server's time in a load, and autovacuum (or the index phase of a first load) keeps the
     * others.
     */
    private void analyzeWhenGrown(long inserted) {
        if (dsl.dialect() != SQLDialect.POSTGRES) return;
        long since = insertedSinceAnalyze.addAndGet(inserted);
        if (since >= Math.max(ANALYZE_FROM_ROWS, insertedAtLastAnalyze.get())) {
            insertedAtLastAnalyze.addAndGet(since);
            insertedSinceAnalyze.set(0);
            dsl.execute("analyze person (id, campaign_id, created_at), "
                    + "voter_registration (campaign_id, state, registration_id, person_id), "
                    + "household (campaign_id, address_key), vote_history (person_id, election_date)");
        }
    }

    @Override
    public ImportJob.Counts commitVotes(long jobId, long campaignId, List<RegisteredVote> votes, List<ImportError> errors,
                                        long line, long offset) {
        ImportJob.Counts delta = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            commitWithoutWaitingForDisk(tx);
            long now = System.currentTimeMillis();
            long jobCreated = tx.select(ImportJobTable.CREATED_AT).from(ImportJobTable.T)
                    .where(ImportJobTable.ID.eq(jobId)).fetchOne(ImportJobTable.CREATED_AT);
            // People this job created arrive with their history: only people known before it get "voted" entries.
            VoteResult r = votes.isEmpty() ? VoteResult.NONE
                    : RegistrationUpsert.addVotes(tx, campaignId, votes, jobCreated, now);
            ImportJob.Counts d = new ImportJob.Counts(0, 0, 0, errors.size(), r.added(), r.existing(), r.unmatched());
            checkpoint(tx, jobId, ImportJob.Phase.HISTORY, d, errors, line, offset, now);
            return d;
        });
        analyzeWhenGrown(delta.votesNew());
        return delta;
    }

    /**
     * PostgreSQL: the batch's commit returns without waiting for its WAL to reach the disk (the WAL writer flushes
     * it within a fraction of a second). The batch carries its own checkpoint, so what a crash of the database
     * server can lose is the last few batches together with their checkpoints, never one without the other: the
     * resumed job reads those rows again. That is the durability SQLite gives every write here (WAL with
     * {@code synchronous=NORMAL}), and the end of the job (the DDL of the index phase, the job's status) still
     * commits synchronously, which flushes every batch before it.
     */
    private static void commitWithoutWaitingForDisk(DSLContext tx) {
        if (tx.dialect() == SQLDialect.POSTGRES) tx.execute("set local synchronous_commit = off");
    }

    private static void checkpoint(DSLContext tx, long jobId, ImportJob.Phase phase, ImportJob.Counts d,
                                   List<ImportError> errors, long line, long offset, long now) {
        Batch rows = new Batch(tx, ImportErrorTable.T, ImportErrorTable.JOB_ID, ImportErrorTable.FILE,
                ImportErrorTable.LINE, ImportErrorTable.FIELD, ImportErrorTable.REASON);
        for (ImportError e : errors) rows.add(jobId, e.file(), e.line(), e.field(), e.reason());
        rows.execute();
        int updated = tx.update(ImportJobTable.T)
                .set(ImportJobTable.PHASE, phase.name())
                .set(ImportJobTable.CHECKPOINT_LINE, line)
                .set(ImportJobTable.CHECKPOINT_OFFSET, offset)
                .set(ImportJobTable.ROWS_NEW, ImportJobTable.ROWS_NEW.plus(d.created()))
                .set(ImportJobTable.ROWS_UPDATED, ImportJobTable.ROWS_UPDATED.plus(d.updated()))
                .set(ImportJobTable.ROWS_UNCHANGED, ImportJobTable.ROWS_UNCHANGED.plus(d.unchanged()))
                .set(ImportJobTable.ROWS_REJECTED, ImportJobTable.ROWS_REJECTED.plus(d.rejected()))
                .set(ImportJobTable.VOTES_NEW, ImportJobTable.VOTES_NEW.plus(d.votesNew()))
                .set(ImportJobTable.VOTES_EXISTING, ImportJobTable.VOTES_EXISTING.plus(d.votesExisting()))
                .set(ImportJobTable.VOTES_UNMATCHED, ImportJobTable.VOTES_UNMATCHED.plus(d.votesUnmatched()))
                .set(ImportJobTable.ROWS_MATCHED, ImportJobTable.ROWS_MATCHED.plus(d.matched()))
                .set(ImportJobTable.ROWS_REVIEW, ImportJobTable.ROWS_REVIEW.plus(d.review()))
                .set(ImportJobTable.UPDATED_AT, now)
                .set(ImportJobTable.CHECKPOINT_AT, now)
                .where(ImportJobTable.ID.eq(jobId).and(ImportJobTable.STATUS.eq(ImportJob.Status.RUNNING.name())))
                .execute();
        // A job finished by someone else must not take more rows: roll the batch back.
        if (updated != 1) throw new IllegalStateException("Import job " + jobId + " is not running");
    }

    @Override
    public int deferIndexesForFirstLoad(long jobId) {
        return dsl.transactionResult(cfg -> DeferredIndexes.deferIfNoPeople(cfg.dsl(), jobId));
    }

    @Override
    public void rebuildIndexes(long jobId, BiConsumer<Integer, Integer> progress) {
        firstLoads.remove(jobId);
        int total = DeferredIndexes.pending(dsl, jobId);
        if (total == 0) return;
        dsl.update(ImportJobTable.T).set(ImportJobTable.PHASE, ImportJob.Phase.INDEXES.name())
                .set(ImportJobTable.CHECKPOINT_LINE, 0L).set(ImportJobTable.CHECKPOINT_OFFSET, 0L)
                .set(ImportJobTable.UPDATED_AT, System.currentTimeMillis()).where(ImportJobTable.ID.eq(jobId)).execute();
        progress.accept(0, total);
        DeferredIndexes.rebuild(dsl, jobId, built -> progress.accept(built, total));
    }

    @Override
    public void rebuildIndexesLeftBehind() {
        for (long jobId : DeferredIndexes.jobsWithPending(dsl)) DeferredIndexes.rebuild(dsl, jobId, built -> { });
    }

    @Override
    public void finish(long jobId, ImportJob.Status status, String message) {
        firstLoads.remove(jobId);
        long now = System.currentTimeMillis();
        var update = dsl.update(ImportJobTable.T).set(ImportJobTable.STATUS, status.name())
                .set(ImportJobTable.MESSAGE, message).set(ImportJobTable.UPDATED_AT, now)
                .set(ImportJobTable.FINISHED_AT, now);
        (status == ImportJob.Status.DONE ? update.set(ImportJobTable.PHASE, ImportJob.Phase.DONE.name()) : update)
                .where(ImportJobTable.ID.eq(jobId)).execute();
    }

    @Override
    public void reopen(long jobId) {
        dsl.update(ImportJobTable.T).set(ImportJobTable.STATUS, ImportJob.Status.RUNNING.name())
                .set(ImportJobTable.MESSAGE, (String) null).set(ImportJobTable.FINISHED_AT, (Long) null)
                .set(ImportJobTable.UPDATED_AT, System.currentTimeMillis())
                .where(ImportJobTable.ID.eq(jobId).and(ImportJobTable.STATUS.eq(ImportJob.Status.FAILED.name())))
                .execute();
    }

    @Override
    public void errors(long jobId, Consumer<ImportError> into) {
        try (var cursor = dsl.select(ImportErrorTable.FILE, ImportErrorTable.LINE, ImportErrorTable.FIELD, ImportErrorTable.REASON)
                .from(ImportErrorTable.T).where(ImportErrorTable.JOB_ID.eq(jobId)).orderBy(ImportErrorTable.ID)
                .fetchSize(1_000).fetchLazy()) {
            for (Record r : cursor) {
                into.accept(new ImportError(r.get(ImportErrorTable.FILE), r.get(ImportErrorTable.LINE),
                        r.get(ImportErrorTable.FIELD), r.get(ImportErrorTable.REASON)));
            }
        }
    }

    private static ImportJob job(Record r) {
        return new ImportJob(r.get(ImportJobTable.ID), r.get(ImportJobTable.CAMPAIGN_ID), r.get(ImportJobTable.FORMAT),
                new ImportJob.FileRef(r.get(ImportJobTable.FILE_NAME), r.get(ImportJobTable.FILE_SIZE), r.get(ImportJobTable.FILE_HASH)),
                r.get(ImportJobTable.HISTORY_FILE_NAME) == null ? null
                        : new ImportJob.FileRef(r.get(ImportJobTable.HISTORY_FILE_NAME), r.get(ImportJobTable.HISTORY_FILE_SIZE),
                                r.get(ImportJobTable.HISTORY_FILE_HASH)),
                ImportJob.Status.valueOf(r.get(ImportJobTable.STATUS)), ImportJob.Phase.valueOf(r.get(ImportJobTable.PHASE)),
                r.get(ImportJobTable.CHECKPOINT_LINE), r.get(ImportJobTable.CHECKPOINT_OFFSET),
                new ImportJob.Counts(r.get(ImportJobTable.ROWS_NEW), r.get(ImportJobTable.ROWS_UPDATED),
                        r.get(ImportJobTable.ROWS_UNCHANGED), r.get(ImportJobTable.ROWS_REJECTED),
                        r.get(ImportJobTable.VOTES_NEW), r.get(ImportJobTable.VOTES_EXISTING),
                        r.get(ImportJobTable.VOTES_UNMATCHED), r.get(ImportJobTable.ROWS_MATCHED),
                        r.get(ImportJobTable.ROWS_REVIEW)),
                r.get(ImportJobTable.MESSAGE), Instant.ofEpochMilli(r.get(ImportJobTable.CREATED_AT)),
                Instant.ofEpochMilli(r.get(ImportJobTable.UPDATED_AT)),
                r.get(ImportJobTable.FINISHED_AT) == null ? null : Instant.ofEpochMilli(r.get(ImportJobTable.FINISHED_AT)),
                r.get(ImportJobTable.CHECKPOINT_AT) == null ? null : Instant.ofEpochMilli(r.get(ImportJobTable.CHECKPOINT_AT)));
    }
}
