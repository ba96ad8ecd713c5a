package org.muster.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.muster.people.NewPerson;
import org.muster.people.PersonStore;
import org.muster.voterfile.DelimitedReader;
import org.muster.voterfile.GenericAdapter;
import org.muster.voterfile.ImportError;
import org.muster.voterfile.ImportJob;
import org.muster.voterfile.ImportJobStore;
import org.muster.voterfile.VoterFileImporter;

/**
 * The import of a contact list (a sign-up sheet, a petition export, an event list: a delimited file read through a
 * column mapping without a registration id, {@link GenericAdapter#contactList()}) into a campaign. Each good row is
 * normalised by the adapter like any generic file and handed to {@link PersonLinker#link} with source
 * {@value #SOURCE}: a row that is an existing person updates that person (MATCH), an uncertain one is created and
 * queued for review (REVIEW), anyone else is created (NEW). Nothing is held beyond one batch of rejected rows.
 * <p>
 * The job is an {@link ImportJob} like a voter file's (started by {@link VoterFileImporter#prepare}): after each
 * batch of rows, their counts, rejected rows and the checkpoint are committed in one transaction. The linker writes
 * each row as it decides, so a crash leaves the rows of the batch in flight linked past the checkpoint; the resume
 * links them again, and each then MATCHes the person it created (its own record, field for field). Every person
 * created here carries the job and line in its origin, so the resume counts such a match, in its first batch (the
 * one that was in flight, with the same batch size), as the row's own new person rather than as a match: no row is
 * lost or doubled. (A row that was REVIEW before the crash counts as new after it; its review pairs stay queued.)
 */
public final class ContactListImporter {

    /** The source the linker records on timelines and review pairs. */
    public static final String SOURCE = "import";
    /** Rows per checkpoint: linking is row by row, so this only bounds what a crash makes the resume link again. */
    public static final int DEFAULT_BATCH = 200;

    private final ImportJobStore jobs;
    private final PersonLinker linker;
    private final PersonStore people;
    private final int batchSize;

    public ContactListImporter(ImportJobStore jobs, PersonLinker linker, PersonStore people, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1");
        this.jobs = jobs;
        this.linker = linker;
        this.people = people;
        this.batchSize = batchSize;
    }

    /**
     * Imports the list, or with {@code resume} continues the newest unfinished import of the same file.
     *
     * @throws org.muster.voterfile.VoterFileFormatException when the file does not fit the mapping (no job is created)
     */
    public ImportJob run(long campaignId, GenericAdapter adapter, Path file, boolean resume,
                         VoterFileImporter.Progress progress) throws IOException {
        return continueJob(prepare(campaignId, adapter, file, resume), adapter, file, progress);
    }

    /** Checks the file's header and creates the job (or finds the one to resume), loading nothing. */
    public ImportJob prepare(long campaignId, GenericAdapter adapter, Path file, boolean resume) throws IOException {
        requireContactList(adapter);
        return new VoterFileImporter(jobs, batchSize).prepare(campaignId, adapter, file, null, resume);
    }

    /**
     * Links from the job's checkpoint to the end of the file and marks it DONE; on an error, marks it FAILED with
     * the reason (resumable) and rethrows.
     */
    public ImportJob continueJob(ImportJob job, GenericAdapter adapter, Path file, VoterFileImporter.Progress progress)
            throws IOException {
        requireContactList(adapter);
        try {
            return load(job, adapter, file, progress);
        } catch (IOException | RuntimeException e) {
            jobs.finish(job.id(), ImportJob.Status.FAILED, "Stopped at the last checkpoint (resume to carry on): " + e);
            throw e;
        }
    }

    private ImportJob load(ImportJob job, GenericAdapter adapter, Path file, VoterFileImporter.Progress progress)
            throws IOException {
        long size = Files.size(file);
        ImportJob.Counts total = job.counts();
        try (DelimitedReader reader = adapter.voters(file, job.checkpointOffset(), job.checkpointLine())) {
            long matched = 0;
            long review = 0;
            long created = 0;
            List<ImportError> errors = new ArrayList<>();
            int rows = 0;
            // People this job created before a crash can only be in the batch that was in flight: the first one now.
            boolean firstBatch = true;
            while (reader.next()) {
                if (reader.row() == null) {
                    errors.add(ImportError.of(reader.bad()));
                } else {
                    NewPerson read = adapter.person(reader.row());
                    String origin = read.origin() + " (import " + job.id() + ", line " + reader.lineNumber() + ")";
                    LinkResult result = linker.link(job.campaignId(), read.withOrigin(origin), SOURCE);
                    switch (result.decision()) {
                        case MATCH -> {
                            if (firstBatch && createdByThisRow(job.campaignId(), result.personId(), origin)) created++;
                            else matched++;
                        }
                        case REVIEW -> review++;
                        case NEW -> created++;
                    }
                }
                if (++rows >= batchSize) {
                    total = commit(job, total, matched, review, created, errors, reader, size, progress);
                    matched = review = created = rows = 0;
                    errors = new ArrayList<>();
                    firstBatch = false;
                }
            }
            if (rows > 0) total = commit(job, total, matched, review, created, errors, reader, size, progress);
        }
        jobs.finish(job.id(), ImportJob.Status.DONE, summary(total));
        return jobs.find(job.campaignId(), job.id()).orElseThrow();
    }

    private ImportJob.Counts commit(ImportJob job, ImportJob.Counts total, long matched, long review, long created,
                                    List<ImportError> errors, DelimitedReader reader, long size,
                                    VoterFileImporter.Progress progress) {
        ImportJob.Counts batch = ImportJob.Counts.contactList(matched, review, created, errors.size());
        jobs.commitLinked(job.id(), batch, errors, reader.lineNumber(), reader.offset());
        ImportJob.Counts sum = total.plus(batch);
        progress.update(ImportJob.Phase.VOTERS, reader.offset(), size, sum);
        return sum;
    }

    /** The person the linker matched is the one this very row created before a crash (its origin names the line). */
    private boolean createdByThisRow(long campaignId, long personId, String origin) {
        return people.profile(campaignId, personId).map(p -> Objects.equals(p.person().origin(), origin)).orElse(false);
    }

    /** "12 matched, 3 for review, 40 new, 2 rejected": what the job's message and the CLI say. */
    public static String summary(ImportJob.Counts c) {
        return c.matched() + " matched, " + c.review() + " new for review, " + c.created() + " new, " + c.rejected()
                + " rejected";
    }

    private static void requireContactList(GenericAdapter adapter) {
        if (!adapter.contactList()) {
            throw new IllegalArgumentException("The mapping has a registration id: a voter file, for VoterFileImporter");
        }
    }
}
