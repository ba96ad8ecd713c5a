package org.muster.web.imports;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import io.javalin.config.MultipartConfig;
import io.javalin.config.SizeUnit;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.muster.account.AuditLog;
import org.muster.account.User;
import org.muster.identity.ContactListImporter;
import org.muster.voterfile.GenericAdapter;
import org.muster.voterfile.GeocodeLookup;
import org.muster.voterfile.ImportErrorReport;
import org.muster.voterfile.ImportJob;
import org.muster.voterfile.ImportJobStore;
import org.muster.voterfile.RegistrationSourceStore;
import org.muster.voterfile.ColumnMapping;
import org.muster.voterfile.ColumnMappingStore;
import org.muster.voterfile.FormatDetector;
import org.muster.voterfile.VoterFileAdapter;
import org.muster.voterfile.VoterFileFormatException;
import org.muster.voterfile.VoterFileImporter;
import org.muster.web.security.Authentication;
import org.muster.web.view.Layout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voter-file and contact-list imports from the browser (a generic file whose mapping has no registration id is a
 * contact list: its rows go through the person linker). The import runs on one background thread (imports of one database queue
 * rather than compete for its write lock); the page polls the persisted job, so progress survives a page reload and
 * an interrupted job can be resumed from the command line.
 */
public final class ImportRoutes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRoutes.class);
    /** Statewide files run to a few gigabytes (NC's ncvoter is about 4 GB). */
    public static final long MAX_UPLOAD_BYTES = 8L << 30;
    /** Uploaded files land here, inside the import folder, so the import page can then read them like any other. */
    static final String UPLOADS = "uploads";
    private static final String UPLOAD_CACHE = ".upload-parts";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    private final ImportJobStore jobs;
    private final AuditLog audit;
    private final Authentication auth;
    private final long campaignId;
    private final Path importDir;
    private final ColumnMappingStore mappings;
    private final RegistrationSourceStore sources;
    private final ContactListImporter contacts;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("import").factory());

    /** @param contacts imports generic files whose mapping has no registration id, through the server's linker */
    public ImportRoutes(ImportJobStore jobs, ColumnMappingStore mappings, RegistrationSourceStore sources,
                        ContactListImporter contacts, AuditLog audit, Authentication auth, long campaignId,
                        Path importDir) {
        this.jobs = jobs;
        this.mappings = mappings;
        this.sources = sources;
        this.contacts = contacts;
        this.audit = audit;
        this.auth = auth;
        this.campaignId = campaignId;
        this.importDir = importDir;
    }

    /**
     * Uploads are parsed by Jetty straight to files in a folder beside the imports (never held in memory beyond a
     * small buffer), up to {@link #MAX_UPLOAD_BYTES}.
     */
    public static void configureUploads(MultipartConfig config, Path importDir) {
        Path cache = importDir.resolve(UPLOAD_CACHE);
        try {
            Files.createDirectories(cache);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload folder " + cache, e);
        }
        config.cacheDirectory(cache.toString());
        config.maxFileSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
        config.maxTotalRequestSize(MAX_UPLOAD_BYTES + (1 << 20), SizeUnit.BYTES);
        config.maxInMemoryFileSize(64, SizeUnit.KB);
    }

    public void register(Javalin app) {
        // A plain before runs ahead of the CSRF check, which would otherwise start parsing an oversized body.
        app.before("/imports/upload", this::refuseOversized);
        app.get("/imports", this::list);
        app.post("/imports", this::start);
        app.post("/imports/upload", this::upload);
        app.get("/imports/check", this::check);
        app.post("/imports/mappings", this::saveMapping);
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
        VoterFileImporter importer = new VoterFileImporter(jobs, VoterFileImporter.DEFAULT_BATCH,
                UnaryOperator.identity(), sources);
        VoterFileAdapter adapter;
        boolean contactList;
        ImportJob job;
        try {
            String mappingName = Objects.requireNonNullElse(ctx.formParam("mapping"), "").strip();
            ColumnMapping mapping = mappingName.isEmpty() ? null : mappings.find(campaignId, mappingName)
                    .orElseThrow(() -> new BadRequestResponse("There is no saved mapping " + mappingName + "."));
            adapter = FormatDetector.adapter(FormatDetector.detect(voterFile).format(), voterFile,
                    GeocodeLookup.none(), mapping, mappingName);
            contactList = adapter instanceof GenericAdapter generic && generic.contactList();
            if (contactList && historyFile != null) {
                throw new VoterFileFormatException("Mapping " + mappingName + " has no registration id, so "
                        + voterFile.getFileName() + " is a contact list, which has no vote history: leave the "
                        + "history file out");
            }
            boolean resume = ctx.formParam("resume") != null;
            job = contactList ? contacts.prepare(campaignId, (GenericAdapter) adapter, voterFile, resume)
                    : importer.prepare(campaignId, adapter, voterFile, historyFile, resume);
        } catch (VoterFileFormatException e) {
            ctx.status(400).html(ImportViews.listPage(auth.page(ctx), jobs.recent(campaignId, 20), importDir, e.getMessage())
                    .toString());
            return;
        }
        audit.record(user.id(), "import.start", "import:" + job.id(), voterFile
                + (historyFile == null ? "" : " + " + historyFile) + (contactList ? " (contact list)" : ""));
        ImportJob prepared = job;
        worker.execute(() -> {
            try {
                if (contactList) contacts.continueJob(prepared, (GenericAdapter) adapter, voterFile, (p, d, t, c) -> { });
                else importer.continueJob(prepared, adapter, voterFile, historyFile, (p, d, t, c) -> { });
            } catch (IOException | RuntimeException e) {
                // The importer marked the job FAILED with the reason; resuming carries on from its checkpoint.
                LOG.error("Import {} stopped at its last checkpoint", prepared.id(), e);
            }
        });
        ctx.redirect("/imports/" + job.id());  // post/redirect/get
    }

    private void refuseOversized(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_UPLOAD_BYTES + (1 << 20)) {
            throw new HttpResponseException(413, "The file is larger than the upload limit of "
                    + (MAX_UPLOAD_BYTES >> 30) + " GB: copy it into the import folder on the server instead.");
        }
    }

    /** Streams the uploaded file (and history file, if one came) into the import folder, then shows what it is. */
    private void upload(Context ctx) throws IOException {
        User user = requireImporter(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) throw new BadRequestResponse("Choose a non-empty file to upload.");
        UploadedFile history = ctx.uploadedFile("historyFile");
        String voters = save(user, file);
        String query = "/imports/check?voterFile=" + URLEncoder.encode(voters, StandardCharsets.UTF_8);
        if (history != null && history.size() > 0) {
            query += "&historyFile=" + URLEncoder.encode(save(user, history), StandardCharsets.UTF_8);
        }
        ctx.redirect(query);
    }

    /** Copies an upload into the uploads folder under its own (safe) name, never over another file. */
    private String save(User user, UploadedFile file) throws IOException {
        String name = Path.of(file.filename().replace('\\', '/')).getFileName().toString();
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new BadRequestResponse("Rename the file to letters, digits, dots, dashes and underscores before "
                    + "uploading it (found " + name + ").");
        }
        Path folder = Files.createDirectories(importDir.resolve(UPLOADS));
        Path target = folder.resolve(name);
        for (int n = 1; Files.exists(target); n++) target = folder.resolve(n + "-" + name);
        try (InputStream in = file.content()) {
            Files.copy(in, target);
        }
        String relative = UPLOADS + "/" + target.getFileName();
        audit.record(user.id(), "import.upload", "file:" + relative, file.size() + " bytes");
        return relative;
    }

    /** What the file is, before anything is loaded; for a generic file, the mapping editor. */
    private void check(Context ctx) throws IOException {
        requireImporter(ctx);
        String name = Objects.requireNonNullElse(ctx.queryParam("voterFile"), "").strip();
        String history = Objects.requireNonNullElse(ctx.queryParam("historyFile"), "").strip();
        Path voterFile = serverFile(name, "voter file");
        if (!history.isEmpty()) serverFile(history, "history file");
        FormatDetector.Detection detection;
        try {
            detection = FormatDetector.detect(voterFile);
        } catch (VoterFileFormatException e) {
            ctx.status(400).html(ImportViews.listPage(auth.page(ctx), jobs.recent(campaignId, 20), importDir,
                    e.getMessage()).toString());
            return;
        }
        List<List<String>> preview = detection.format() == FormatDetector.Format.DELIMITED
                ? FormatDetector.preview(voterFile, detection.delimiter(), 2) : List.of();
        ctx.html(ImportViews.checkPage(auth.page(ctx), name, history, detection, preview,
                mappings.list(campaignId), ctx.queryParam("mapping")).toString());
    }

    /** Saves the editor's mapping under its name, then returns to the file with it chosen. */
    private void saveMapping(Context ctx) {
        User user = requireImporter(ctx);
        String name = Objects.requireNonNullElse(ctx.formParam("name"), "").strip();
        String voterFile = Objects.requireNonNullElse(ctx.formParam("voterFile"), "");
        if (name.isEmpty() || name.length() > 100) throw new BadRequestResponse("Give the mapping a name (at most 100 characters).");
        List<String> columns = ctx.formParams("column");
        Map<ColumnMapping.Target, List<String>> targets = new EnumMap<>(ColumnMapping.Target.class);
        Map<String, List<String>> customFields = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String target = Objects.requireNonNullElse(ctx.formParam("target." + i), "");
            if (target.isEmpty()) continue;
            if (target.equals(ImportViews.CUSTOM_TARGET)) {
                String field = Objects.requireNonNullElse(ctx.formParam("custom." + i), "").strip();
                if (field.isEmpty()) throw new BadRequestResponse("Column " + columns.get(i)
                        + ": name the custom field it loads into.");
                customFields.computeIfAbsent(field, k -> new ArrayList<>()).add(columns.get(i));
                continue;
            }
            ColumnMapping.Target t;
            try {
                t = ColumnMapping.Target.valueOf(target);
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("Column " + columns.get(i) + ": " + target + " is not a field Muster loads.");
            }
            targets.computeIfAbsent(t, k -> new ArrayList<>()).add(columns.get(i));
        }
        ColumnMapping mapping;
        try {
            String delimiter = Objects.requireNonNullElse(ctx.formParam("delimiter"), ",");
            mapping = new ColumnMapping(Objects.requireNonNullElse(ctx.formParam("state"), "").strip()
                    .toUpperCase(Locale.ROOT), delimiter.equals("tab") ? '\t' : delimiter.isEmpty() ? ',' : delimiter.charAt(0),
                    Charset.forName(Objects.requireNonNullElse(ctx.formParam("encoding"), "UTF-8")), targets,
                    customFields);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage() + ".");
        }
        mappings.save(campaignId, name, mapping, user.id());
        audit.record(user.id(), "import.mapping.save", "mapping:" + name, mapping.columns().size() + " fields, "
                + mapping.customFields().size() + " custom fields");
        ctx.redirect("/imports/check?voterFile=" + URLEncoder.encode(voterFile, StandardCharsets.UTF_8)
                + "&mapping=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
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
