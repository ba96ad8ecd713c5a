package org.muster.web.imports;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.muster.account.AuditLog;
import org.muster.account.User;
import org.muster.voterfile.GeocodeLookup;
import org.muster.voterfile.ImportErrorReport;
import org.muster.voterfile.ImportJob;
import org.muster.voterfile.ImportJobStore;
import org.muster.voterfile.FormatDetector;
import org.muster.voterfile.VoterFileAdapter;
import org.muster.voterfile.VoterFileFormatException;
import org.muster.voterfile.VoterFileImporter;
import org.muster.web.security.Authentication;
import org.muster.web.view.Layout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voter-file imports from the browser. The import runs on one background thread (imports of one database queue
 * rather than compete for its write lock); the page polls the persisted job, so progress survives a page reload and
 * an interrupted job can be resumed from the command line.
 */
public final class ImportRoutes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRoutes.class);

    private final ImportJobStore jobs;
    private final AuditLog audit;
    private final Authentication auth;
    private final long campaignId;
    private final Path importDir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("import").factory());

    public ImportRoutes(ImportJobStore jobs, AuditLog audit, Authentication auth, long campaignId, Path importDir) {
        this.jobs = jobs;
        this.audit = audit;
        this.auth = auth;
        this.campaignId = campaignId;
        this.importDir = importDir;
    }

    public void register(Javalin app) {
        app.get("/imports", this::list);
        app.post("/imports", this::start);
        app.get("/imports/{id}", this::show);
        app.get("/imports/{id}/progress", this::progress);
        app.get("/imports/{id}/errors.csv", this::errors);
    }

    private void list(Context ctx) {
        requireImporter(ctx);
        ctx.html(ImportViews.listPage(auth.page(ctx), jobs.recent(campaignId, 20), importDir, null).toString());
    }

    private void start(Context ctx) throws IOException {
        User user = requireImporter(ctx);
        Path voterFile = serverFile(ctx.formParam("voterFile"), "voter file");
        String history = Objects.requireNonNullElse(ctx.formParam("historyFile"), "").strip();
        Path historyFile = history.isEmpty() ? null : serverFile(history, "history file");
        VoterFileImporter importer = new VoterFileImporter(jobs, VoterFileImporter.DEFAULT_BATCH);
        VoterFileAdapter adapter;
        ImportJob job;
        try {
            adapter = FormatDetector.adapter(FormatDetector.detect(voterFile).format(), voterFile, GeocodeLookup.none(), null,
                    null);
            job = importer.prepare(campaignId, adapter, voterFile, historyFile, ctx.formParam("resume") != null);
        } catch (VoterFileFormatException e) {
            ctx.status(400).html(ImportViews.listPage(auth.page(ctx), jobs.recent(campaignId, 20), importDir, e.getMessage())
                    .toString());
            return;
        }
        audit.record(user.id(), "import.start", "import:" + job.id(), voterFile
                + (historyFile == null ? "" : " + " + historyFile));
        ImportJob prepared = job;
        worker.execute(() -> {
            try {
                importer.continueJob(prepared, adapter, voterFile, historyFile, (p, d, t, c) -> { });
            } catch (IOException | RuntimeException e) {
                // The importer marked the job FAILED with the reason; resuming carries on from its checkpoint.
                LOG.error("Import {} stopped at its last checkpoint", prepared.id(), e);
            }
        });
        ctx.redirect("/imports/" + job.id());  // post/redirect/get
    }

    private void show(Context ctx) {
        requireImporter(ctx);
        ctx.html(ImportViews.jobPage(auth.page(ctx), find(ctx)).toString());
    }

    private void progress(Context ctx) {
        requireImporter(ctx);
        ctx.html(ImportViews.progress(find(ctx)).toString());
    }

    private void errors(Context ctx) throws IOException {
        User user = requireImporter(ctx);
        ImportJob job = find(ctx);
        audit.record(user.id(), "import.errors.download", "import:" + job.id(), null);
        StringWriter csv = new StringWriter();
        ImportErrorReport.writeCsv(jobs, job.id(), csv);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"import-" + job.id() + "-errors.csv\"");
        ctx.result(csv.toString());
    }

    /** Scoped to the served campaign: another campaign's job is as unknown as a made-up id. */
    private ImportJob find(Context ctx) {
        try {
            return jobs.find(campaignId, Long.parseLong(ctx.pathParam("id"))).orElseThrow(NotFoundResponse::new);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    /**
     * The named file inside the import folder. Names are taken relative to the folder; anything that leads out of
     * it (an absolute path elsewhere, "..", a symbolic link) is refused, so the page cannot read arbitrary files.
     */
    private Path serverFile(String value, String what) throws IOException {
        String text = Objects.requireNonNullElse(value, "").strip();
        if (text.isEmpty()) throw new BadRequestResponse("Give the name of the " + what + " in the import folder.");
        Path path = importDir.resolve(text).normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new BadRequestResponse("The " + what + " " + text + " is not a readable file in the import folder "
                    + importDir + ".");
        }
        if (!path.toRealPath().startsWith(importDir.toRealPath())) {
            throw new BadRequestResponse("Only files in the import folder " + importDir + " can be imported from "
                    + "this page: copy the " + what + " there, or use ./muster import on the server.");
        }
        return path;
    }

    private static User requireImporter(Context ctx) {
        User user = Authentication.user(ctx);
        if (!user.role().readsAllPeople()) {
            throw new ForbiddenResponse("Only admins and organisers import voter files.");
        }
        return user;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
