package org.muster.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.muster.people.NewPerson;
import org.muster.people.Person;
import org.muster.people.PersonProfile;
import org.muster.people.PersonStore;
import org.muster.people.PostalAddress;
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
 * each row as it decides, so a crash leaves the rows of the batch in flight linked past the checkpoint. The resume
 * does not ask the matcher whether such a row is the person it created (a sparse row, a name only, would not be
 * sure of even its own copy): it looks up the people of the list's origin created after the checkpoint
 * ({@link ImportJob#checkpointAt()}) and gives each of the next rows that carries exactly one's details that person,
 * counted as new, without linking it again. No row is lost or doubled. (A row that was REVIEW before the crash
 * counts as new after it, its pairs still queued; a row that was MATCH is linked again, so its person's timeline
 * may say "matched" twice.)
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
        List<PersonProfile> orphans = null;
        try (DelimitedReader reader = adapter.voters(file, job.checkpointOffset(), job.checkpointLine())) {
            long matched = 0;
            long review = 0;
            long created = 0;
            List<ImportError> errors = new ArrayList<>();
            int rows = 0;
            while (reader.next()) {
                if (reader.row() == null) {
                    errors.add(ImportError.of(reader.bad()));
                } else {
                    NewPerson person = adapter.person(reader.row());
                    if (orphans == null) orphans = createdPastCheckpoint(job, person.origin());
                    if (claim(orphans, person)) {
                        created++;
                    } else {
                        switch (linker.link(job.campaignId(), person, SOURCE).decision()) {
                            case MATCH -> matched++;
                            case REVIEW -> review++;
                            case NEW -> created++;
                        }
                    }
                }
                if (++rows >= batchSize) {
                    total = commit(job, total, matched, review, created, errors, reader, size, progress);
                    matched = review = created = rows = 0;
                    errors = new ArrayList<>();
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

    /**
     * The people this job created past its checkpoint before it stopped: at most the batch that was in flight (none
     * for a new job), so memory stays bounded.
     */
    private List<PersonProfile> createdPastCheckpoint(ImportJob job, String origin) {
        long after = (job.checkpointAt() != null ? job.checkpointAt() : job.createdAt()).toEpochMilli();
        List<PersonProfile> found = new ArrayList<>();
        for (long id : people.createdSince(job.campaignId(), origin, after)) {
            people.profile(job.campaignId(), id).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Whether a row is one a stopped run already created, taking that person off the list when it is: the same
     * names and birth date, address and every email and phone of the row (a later row matched to it may have added
     * more).
     */
    private static boolean claim(List<PersonProfile> orphans, NewPerson row) {
        for (Iterator<PersonProfile> i = orphans.iterator(); i.hasNext(); ) {
            PersonProfile p = i.next();
            Person stored = p.person();
            if (Objects.equals(stored.firstName(), row.firstName())
                    && Objects.equals(stored.middleName(), row.middleName())
                    && Objects.equals(stored.lastName(), row.lastName())
                    && Objects.equals(stored.suffix(), row.suffix())
                    && Objects.equals(stored.birthDate(), row.birthDate())
                    && Objects.equals(stored.birthYear(), row.birthYear())
                    && p.emails().containsAll(row.emails()) && p.phones().containsAll(row.phones())
                    && sameAddresses(p.addresses(), row.addresses())) {
                i.remove();
                return true;
            }
        }
        return false;
    }

    private static boolean sameAddresses(List<PostalAddress> stored, List<PostalAddress> row) {
        if (stored.size() != row.size()) return false;
        for (int i = 0; i < row.size(); i++) {
            if (!Objects.equals(stored.get(i).line1(), row.get(i).line1())
                    || !Objects.equals(stored.get(i).zip(), row.get(i).zip())) {
                return false;
            }
        }
        return true;
    }

    /** "12 matched, 3 for review, 40 new, 2 rejected": what the job's message and the CLI say. */
    public static String summary(ImportJob.Counts c) {
        return c.matched() + " matched, " + c.review() + " new for review, " + c.created() + " new, " + c.rejected()
                + " rejected";
    }

    private static void requireContactList(GenericAdapter adapter) {
        if (!adapter.contactList()) {
            throw new IllegalArgumentException("The mapping has a registration id: a voter file, for "
                    + "VoterFileImporter");
        }
    }
}
