package org.muster.voterfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.muster.people.NewPerson;
import org.muster.people.Registration;

/**
 * The resumable import of a voter file (and its history file, for formats that have one) into a campaign, in
 * constant memory, for every format through its {@link VoterFileAdapter}:
 * <ol>
 * <li>the voter file is streamed in batches; each batch is upserted by registration id together with its rejected
 * rows and the job's new checkpoint (the byte offset after its last line) in one transaction;</li>
 * <li>then the history file is streamed the same way, each batch of votes joined to people by an indexed lookup of
 * its registration keys, so nothing of either file is held beyond one batch.</li>
 * </ol>
 * The first load into a database without people defers the secondary indexes and builds them between the two
 * phases (see {@link ImportJobStore#deferIndexesForFirstLoad}). After a crash, {@link #run} with {@code resume}
 * finds the unfinished job over the same files (by size and SHA-256), seeks to its checkpoint and carries on: no
 * row is lost or loaded twice. Re-importing a newer file updates people in place.
 */
public final class VoterFileImporter {

    public static final String FORMAT_NC = NcAdapter.FORMAT;
    /** People per transaction: large enough to amortise the commit, small enough to keep memory flat. */
    public static final int DEFAULT_BATCH = 2_000;

    /** Told after every committed batch, from the importing thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param bytesDone  bytes of the current phase's file behind the checkpoint (indexes built in
         *                   {@link ImportJob.Phase#INDEXES})
         * @param bytesTotal size of that file (indexes to build)
         */
        void update(ImportJob.Phase phase, long bytesDone, long bytesTotal, ImportJob.Counts counts);
    }

    private final ImportJobStore jobs;
    private final int batchSize;
    private final UnaryOperator<NewPerson> enrich;
    private final RegistrationSourceStore sources;

    public VoterFileImporter(ImportJobStore jobs, int batchSize) {
        this(jobs, batchSize, UnaryOperator.identity());
    }

    /**
     * @param enrich applied to each person read from the voter file before it is stored (the demo adds what a
     *               campaign learns beyond the file: support levels, tags, sign-up emails)
     */
    public VoterFileImporter(ImportJobStore jobs, int batchSize, UnaryOperator<NewPerson> enrich) {
        this(jobs, batchSize, enrich, null);
    }

    /**
     * @param sources where each voter row's original values are kept for audit (before its batch commits), or null
     *                to keep none
     */
    public VoterFileImporter(ImportJobStore jobs, int batchSize, UnaryOperator<NewPerson> enrich,
                             RegistrationSourceStore sources) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1");
        this.jobs = jobs;
        this.batchSize = batchSize;
        this.enrich = enrich;
        this.sources = sources;
    }

    /** A voter row mapped, with the row it came from (for its source). */
    private record Mapped(NewPerson person, Row row) {
    }

    /** Imports NC files: {@link #run(long, VoterFileAdapter, Path, Path, boolean, Progress)} with {@link NcAdapter}. */
    public ImportJob run(long campaignId, Path voterFile, Path historyFile, GeocodeLookup geocodes, boolean resume,
                         Progress progress) throws IOException {
        return run(campaignId, new NcAdapter(voterFile.getFileName().toString(), geocodes), voterFile, historyFile,
                resume, progress);
    }

    /**
     * Imports the files, or with {@code resume} continues the newest unfinished job of the same format over the
     * same files (starting a new job when there is none).
     *
     * @param historyFile the format's history file, or null
     * @return the finished job
     * @throws VoterFileFormatException when a file is not of the adapter's format (no job is created)
     */
    public ImportJob run(long campaignId, VoterFileAdapter adapter, Path voterFile, Path historyFile, boolean resume,
                         Progress progress) throws IOException {
        return continueJob(prepare(campaignId, adapter, voterFile, historyFile, resume), adapter, voterFile,
                historyFile, progress);
    }

    /**
     * Checks the files and creates the job (or with {@code resume} finds the unfinished one over the same files),
     * without loading anything: what a caller that runs the import in the background needs first. Contact lists
     * ({@link GenericAdapter#contactList()}) start their jobs here too, never deferring indexes.
     *
     * @throws VoterFileFormatException when a file is not of the adapter's format (no job is created)
     */
    public ImportJob prepare(long campaignId, VoterFileAdapter adapter, Path voterFile, Path historyFile,
                             boolean resume) throws IOException {
        // Read both headers before anything is written: a wrong file is one clear message, not a failed job.
        adapter.voters(voterFile, 0, 0).close();
        boolean contactList = adapter instanceof GenericAdapter generic && generic.contactList();
        if (historyFile != null) adapter.history(historyFile, 0, 0).close();
        ImportJob.FileRef voters = describe(voterFile);
        ImportJob.FileRef history = historyFile == null ? null : describe(historyFile);
        ImportJob job = resume ? jobs.findResumable(campaignId, voters, history)
                .filter(j -> j.format().equals(adapter.format())).orElse(null) : null;
        if (job == null) {
            jobs.rebuildIndexesLeftBehind();
            ImportJob created = jobs.create(campaignId, adapter.format(), voters, history);
            // A contact list is linked row by row through the matcher, which needs the indexes in place.
            if (!contactList) jobs.deferIndexesForFirstLoad(created.id());
            return created;
        }
        if (job.status() == ImportJob.Status.FAILED) jobs.reopen(job.id());
        return job;
    }

    /**
     * Loads from the job's checkpoint to the end of the files and marks it DONE; on an error, marks it FAILED with
     * the reason (resumable) and rethrows.
     */
    public ImportJob continueJob(ImportJob job, VoterFileAdapter adapter, Path voterFile, Path historyFile,
                                 Progress progress) throws IOException {
        if (adapter instanceof GenericAdapter generic && generic.contactList()) {
            throw new IllegalArgumentException("A contact list (a mapping without a registration id) is imported by "
                    + "matching each row against the campaign's people: ContactListImporter, not VoterFileImporter");
        }
        try {
            return load(job, adapter, voterFile, historyFile, progress);
        } catch (IOException | RuntimeException e) {
            jobs.finish(job.id(), ImportJob.Status.FAILED, "Stopped at the last checkpoint (resume to carry on): " + e);
            throw e;
        }
    }

    private ImportJob load(ImportJob job, VoterFileAdapter adapter, Path voterFile, Path historyFile,
                           Progress progress) throws IOException {
        ImportJob.Counts counts = job.counts();
        if (job.phase() == ImportJob.Phase.VOTERS) {
            try (DelimitedReader reader = adapter.voters(voterFile, job.checkpointOffset(), job.checkpointLine())) {
                counts = stream(reader, row -> new Mapped(enrich.apply(adapter.person(row)), row),
                        (mapped, errors, line, offset) -> {
                            keepSources(job, mapped);
                            List<NewPerson> people = new ArrayList<>(mapped.size());
                            for (Mapped m : mapped) people.add(m.person());
                            return jobs.commitVoters(job.id(), job.campaignId(), people, errors, line, offset);
                        }, ImportJob.Phase.VOTERS, Files.size(voterFile), counts, progress);
            }
        }
        ImportJob.Counts loaded = counts;
        jobs.rebuildIndexes(job.id(), (built, total) -> progress.update(ImportJob.Phase.INDEXES, built, total, loaded));
        if (historyFile != null) {
            boolean started = job.phase() == ImportJob.Phase.HISTORY;
            try (DelimitedReader reader = adapter.history(historyFile, started ? job.checkpointOffset() : 0,
                    started ? job.checkpointLine() : 0)) {
                counts = stream(reader, adapter::vote, (votes, errors, at, byteOffset) ->
                        jobs.commitVotes(job.id(), job.campaignId(), votes, errors, at, byteOffset),
                        ImportJob.Phase.HISTORY, Files.size(historyFile), counts, progress);
            }
        }
        jobs.finish(job.id(), ImportJob.Status.DONE, summary(counts));
        return jobs.find(job.campaignId(), job.id()).orElseThrow();
    }

    /**
     * Stores the batch's original rows ahead of its commit: a crash in between leaves sources of rows past the
     * checkpoint, which the resume writes again as no-ops (one per job and line).
     */
    private void keepSources(ImportJob job, List<Mapped> batch) {
        if (sources == null) return;
        List<RegistrationSourceStore.SourceRow> rows = new ArrayList<>(batch.size());
        for (Mapped m : batch) {
            for (Registration r : m.person().registrations()) {
                rows.add(new RegistrationSourceStore.SourceRow(r.state(), r.registrationId(), m.row().lineNumber(),
                        m.row().source()));
            }
        }
        sources.record(job.campaignId(), job.id(), rows);
    }

    /** Commits one batch with the checkpoint (line, offset) after its last line, returning what it did. */
    @FunctionalInterface
    private interface Commit<T> {
        ImportJob.Counts apply(List<T> items, List<ImportError> errors, long line, long offset);
    }

    /** One batch read and mapped, with the checkpoint (line, offset) after its last line. */
    private record Chunk<T>(List<T> items, List<ImportError> errors, long line, long offset) {
    }

    /** What the parser hands over after its last batch. */
    private static final Object END = new Object();

    /**
     * Reads to the end of the file in batches of good and rejected rows together, so the checkpoint also covers
     * rejected rows and a file of nothing but errors still moves forward in bounded memory. A good row the adapter
     * maps to null records nothing (a Florida "did not vote" history row) but is behind the checkpoint all the same.
     * <p>
     * Parsing and mapping (CPU in Java) run on a second thread while this one commits the previous batch (waiting
     * on the database), one batch ahead at most: memory stays at three batches, and batches commit in file order,
     * so the checkpoints are those of a single-threaded run.
     */
    private <T> ImportJob.Counts stream(DelimitedReader reader, Function<Row, T> map, Commit<T> commit,
                                        ImportJob.Phase phase, long size, ImportJob.Counts counts,
                                        Progress progress) throws IOException {
        BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread parser = Thread.ofPlatform().name("voter-file-parser").daemon().start(() -> {
            try {
                parse(reader, map, ready, stopped);
            } catch (IOException | RuntimeException | Error e) {
                hand(ready, stopped, e);
            }
        });
        try {
            while (true) {
                Object next = ready.take();
                if (next == END) return counts;
                if (next instanceof IOException e) throw e;
                if (next instanceof RuntimeException e) throw e;
                if (next instanceof Error e) throw e;
                @SuppressWarnings("unchecked")
                Chunk<T> chunk = (Chunk<T>) next;
                counts = counts.plus(commit.apply(chunk.items(), chunk.errors(), chunk.line(), chunk.offset()));
                progress.update(phase, chunk.offset(), size, counts);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Import interrupted at the last checkpoint");
        } finally {
            // The parser stops at its next hand-over; it must be gone before the caller closes the reader.
            stopped.set(true);
            ready.clear();
            boolean interrupted = false;
            while (parser.isAlive()) {
                try {
                    parser.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** The parser thread: batches of mapped rows and errors in file order, then {@link #END}. */
    private <T> void parse(DelimitedReader reader, Function<Row, T> map, BlockingQueue<Object> ready,
                           AtomicBoolean stopped) throws IOException {
        List<T> items = new ArrayList<>(batchSize);
        List<ImportError> errors = new ArrayList<>();
        int rows = 0;
        while (reader.next()) {
            if (reader.row() != null) {
                T item = map.apply(reader.row());
                if (item != null) items.add(item);
            } else {
                errors.add(ImportError.of(reader.bad()));
            }
            if (++rows >= batchSize) {
                if (!hand(ready, stopped, new Chunk<>(items, errors, reader.lineNumber(), reader.offset()))) return;
                items = new ArrayList<>(batchSize);
                errors = new ArrayList<>();
                rows = 0;
            }
        }
        if (rows > 0 && !hand(ready, stopped, new Chunk<>(items, errors, reader.lineNumber(), reader.offset()))) {
            return;
        }
        hand(ready, stopped, END);
    }

    /** Hands a batch (or the end, or a failure) to the committing thread; false once it has stopped taking them. */
    private static boolean hand(BlockingQueue<Object> ready, AtomicBoolean stopped, Object item) {
        try {
            while (!stopped.get()) {
                if (ready.offer(item, 100, TimeUnit.MILLISECONDS)) return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    static String summary(ImportJob.Counts c) {
        return c.created() + " new, " + c.updated() + " updated, " + c.unchanged() + " unchanged, " + c.rejected()
                + " rejected; votes: " + c.votesNew() + " new, " + c.votesExisting() + " already known, "
                + c.votesUnmatched() + " of unknown registrations";
    }

    /** Name, size and SHA-256 of a file: what binds a job to it, so a resume never continues on another file. */
    public static ImportJob.FileRef describe(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                size += n;
            }
        }
        return new ImportJob.FileRef(file.getFileName().toString(), size, HexFormat.of().formatHex(sha.digest()));
    }
}
