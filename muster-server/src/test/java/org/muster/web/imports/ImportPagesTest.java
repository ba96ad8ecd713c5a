package org.muster.web.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.web.WebClient.form;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.account.Role;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.web.BothServersTest;
import org.muster.web.ServerFixture;
import org.muster.web.WebClient;
import org.muster.web.WebClient.Response;

class ImportPagesTest extends BothServersTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("servers")
    void anOrganiserImportsAFileOnTheServerAndFollowsItToTheSummary(ServerFixture f) throws Exception {
        // Files in a subfolder of the import folder, named relative to it as an organiser would.
        Path folder = f.importDir.resolve("state-files");
        GeneratedFiles files = DemoCampaignGenerator.generate(new GeneratorOptions(150, 3, folder), n -> { });
        List<String> lines = Files.readAllLines(files.voterFile(), java.nio.charset.StandardCharsets.ISO_8859_1);
        lines.set(3, lines.get(3).substring(0, 30));
        Files.write(folder.resolve("ncvoter_web.txt"), lines, java.nio.charset.StandardCharsets.ISO_8859_1);
        WebClient client = f.loggedIn(Role.ORGANISER);
        assertThat(client.get("/people").body()).contains("href=\"/imports\"");

        Response started = client.post("/imports", form("voterFile", "state-files/ncvoter_web.txt",
                "historyFile", "state-files/" + files.historyFile().getFileName(), "_csrf", client.csrfToken("/imports")));

        assertThat(started.status()).isEqualTo(302);
        String page = started.location();
        assertThat(client.get(page).body()).contains("Detected format: NC ncvoter/ncvhis").contains("ncvoter_web.txt");
        String panel = client.get(page + "/progress").body();
        for (int i = 0; i < 300 && panel.contains("hx-trigger=\"every 1s\""); i++) {
            Thread.sleep(100);
            panel = client.get(page + "/progress").body();
        }
        assertThat(panel).startsWith("<section class=\"card\" id=\"progress\">").contains("<h2>Done</h2>")
                .contains("<dt>New</dt><dd>" + (files.voterRows() - 1) + "</dd>")
                .contains("<dt>Rejected</dt><dd>1</dd>");
        Response csv = client.get(page + "/errors.csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("file,line,field,reason\r\nncvoter_web.txt,4,,\"expected 67 columns");
        assertThat(f.db.audit().recent(10)).extracting(e -> e.action())
                .contains("import.start", "import.errors.download");
        assertThat(client.get("/imports").body()).contains("ncvoter_web.txt");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aFileThatIsNotAVoterFileIsRefusedWithOneMessage(ServerFixture f) throws IOException {
        Files.writeString(f.importDir.resolve("notes.txt"), "hello\tworld\n");
        WebClient client = f.loggedIn(Role.ADMIN);
        Response r = client.post("/imports", form("voterFile", "notes.txt", "_csrf", client.csrfToken("/imports")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("notes.txt is not a voter file");
        Response missing = client.post("/imports", form("voterFile", "nope.txt", "_csrf", client.csrfToken("/imports")));
        assertThat(missing.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void thePageReadsNoFileOutsideTheImportFolder(ServerFixture f) throws IOException {
        // A real voter file, but outside the folder: by absolute path, by "..", and through a symbolic link.
        GeneratedFiles outside = DemoCampaignGenerator.generate(new GeneratorOptions(20, 5, dir), n -> { });
        Files.createSymbolicLink(f.importDir.resolve("link.txt"), outside.voterFile());
        String viaParent = f.importDir.relativize(outside.voterFile()).toString();
        WebClient client = f.loggedIn(Role.ADMIN);
        int jobsBefore = f.db.imports().recent(f.campaign.id(), 100).size();
        long peopleBefore = f.db.people().count(f.campaign.id());
        for (String name : List.of(outside.voterFile().toString(), viaParent, "link.txt", "/etc/passwd")) {
            Response r = client.post("/imports", form("voterFile", name, "_csrf", client.csrfToken("/imports")));
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.body()).as(name).contains("import folder").doesNotContain("root:");
        }
        assertThat(f.db.imports().recent(f.campaign.id(), 100)).hasSize(jobsBefore);
        assertThat(f.db.people().count(f.campaign.id())).isEqualTo(peopleBefore);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void volunteersCannotImport(ServerFixture f) {
        WebClient client = f.loggedIn(Role.VOLUNTEER);
        assertThat(client.get("/imports").status()).isEqualTo(403);
        assertThat(client.post("/imports", form("voterFile", "/etc/hosts", "_csrf", client.csrfToken("/imports")))
                .status()).isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anUploadedCsvIsDetectedMappedInTheEditorAndImported(ServerFixture f) throws Exception {
        WebClient client = f.loggedIn(Role.ORGANISER);
        byte[] csv = ("VOTER_ID,First Name,Last Name,House No,Street,ZIP,Email,Shirt\n"
                + "WV-1,Ann,Lee,12,Oak Street,25301,Ann.Lee@Example.org,XL\n"
                + "WV-2,Bo,Ray,9,Elm Avenue,25302,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Response uploaded = client.postMultipart("/imports/upload", form("_csrf", client.csrfToken("/imports")),
                "file", "county list.csv".replace(' ', '_'), csv);
        assertThat(uploaded.status()).isEqualTo(302);
        assertThat(Files.readAllBytes(f.importDir.resolve("uploads/county_list.csv"))).isEqualTo(csv);
        String check = client.get(uploaded.location()).body();
        assertThat(check).contains("Detected format: <strong>delimited file with a header (needs a column mapping)")
                .contains("id=\"mapping-editor\"").contains("<code>Oak Street</code>")
                .contains("<option value=\"FIRST_NAME\" selected>")
                .contains("<option value=\"CUSTOM\">a custom field, named:</option>")
                .contains("name=\"custom.7\"");

        // The editor posts one "column" per row, so the form has repeated keys.
        String body = "_csrf=" + enc(client.csrfToken("/imports")) + "&voterFile=uploads%2Fcounty_list.csv"
                + "&delimiter=%2C&name=County+list&state=wv&encoding=UTF-8"
                + "&column=VOTER_ID&column=First+Name&column=Last+Name&column=House+No&column=Street&column=ZIP"
                + "&column=Email&column=Shirt&target.0=REGISTRATION_ID&target.1=FIRST_NAME&target.2=LAST_NAME"
                + "&target.3=STREET&target.4=STREET&target.5=ZIP&target.6=EMAIL&target.7=CUSTOM";
        assertThat(client.postRaw("/imports/mappings", body + "&custom.7=").status()).isEqualTo(400);
        Response mapped = client.postRaw("/imports/mappings", body + "&custom.7=Shirt+size");
        assertThat(mapped.status()).isEqualTo(302);
        assertThat(mapped.location()).contains("mapping=County+list");
        assertThat(client.get(mapped.location()).body()).contains("<option value=\"County list\" selected>County list</option>");

        Response started = client.post("/imports", form("_csrf", client.csrfToken("/imports"),
                "voterFile", "uploads/county_list.csv", "mapping", "County list"));
        assertThat(started.status()).isEqualTo(302);
        String panel = client.get(started.location() + "/progress").body();
        for (int i = 0; i < 300 && panel.contains("hx-trigger=\"every 1s\""); i++) {
            Thread.sleep(100);
            panel = client.get(started.location() + "/progress").body();
        }
        assertThat(panel).contains("<h2>Done</h2>").contains("<dt>New</dt><dd>2</dd>");
        assertThat(client.get(started.location()).body()).contains("Generic delimited (mapping County list)");
        assertThat(f.db.dsl().fetch("select f.name, v.value from custom_field_value v join custom_field f "
                + "on f.id = v.field_id").map(r -> r.get(0) + "=" + r.get(1))).containsExactly("Shirt size=XL");
        // The person's profile keeps the row as the file gave it, before normalisation.
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/people/\\d+)\"")
                .matcher(client.get("/people?q=Lee").body());
        assertThat(link.find()).isTrue();
        assertThat(client.get(link.group(1)).body()).contains("As the voter file gave it")
                .contains("Email: Ann.Lee@Example.org").contains("ann.lee@example.org");
        assertThat(f.db.audit().recent(10)).extracting(e -> e.action())
                .contains("import.upload", "import.mapping.save", "import.start");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aSignUpSheetWithoutRegistrationIdsIsMatchedAgainstThePeople(ServerFixture f) throws Exception {
        long known = f.db.people().insert(f.campaign.id(), List.of(new org.muster.people.NewPerson("Ann", null, "Lee",
                null, java.time.LocalDate.of(1971, 3, 9), null, null, null, null,
                org.muster.people.ContactCategory.PROSPECT, "form", null, List.of("ann.lee@example.org"),
                List.of("+13045550101"), List.of(), List.of(), List.of(), List.of()))).get(0);
        long people = f.db.people().count(f.campaign.id());
        WebClient client = f.loggedIn(Role.ORGANISER);
        byte[] csv = ("First Name,Last Name,Email,Phone,Born\n"
                + "Ann,Lee,Ann.Lee@Example.org,304-555-0101,3/9/1971\n"
                + "Cy,Dunn,cy@example.org,,\n"
                + "Dee,Orr,dee@,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Response uploaded = client.postMultipart("/imports/upload", form("_csrf", client.csrfToken("/imports")),
                "file", "signups.csv", csv);
        assertThat(client.get(uploaded.location()).body()).contains("is a contact list (a sign-up sheet");
        String body = "_csrf=" + enc(client.csrfToken("/imports")) + "&voterFile=uploads%2Fsignups.csv"
                + "&delimiter=%2C&name=Sign-ups&state=wv&encoding=UTF-8"
                + "&column=First+Name&column=Last+Name&column=Email&column=Phone&column=Born"
                + "&target.0=FIRST_NAME&target.1=LAST_NAME&target.2=EMAIL&target.3=PHONE&target.4=BIRTH_DATE";
        Response mapped = client.postRaw("/imports/mappings", body);
        assertThat(mapped.status()).isEqualTo(302);
        assertThat(client.get(mapped.location()).body()).contains("<option value=\"Sign-ups\" selected>Sign-ups "
                + "(contact list: each row matched against the campaign&#39;s people)</option>");

        Response started = client.post("/imports", form("_csrf", client.csrfToken("/imports"),
                "voterFile", "uploads/signups.csv", "mapping", "Sign-ups"));
        assertThat(started.status()).isEqualTo(302);
        String panel = client.get(started.location() + "/progress").body();
        for (int i = 0; i < 300 && panel.contains("hx-trigger=\"every 1s\""); i++) {
            Thread.sleep(100);
            panel = client.get(started.location() + "/progress").body();
        }
        assertThat(panel).contains("<h2>Done</h2>").contains("<dt>Matched</dt><dd>1</dd>")
                .contains("<dt>New</dt><dd>1</dd>").contains("<dt>Rejected</dt><dd>1</dd>");
        assertThat(client.get(started.location()).body()).contains("Contact list (mapping Sign-ups)")
                .contains("contact list: each row matched against the campaign");
        assertThat(client.get("/imports").body()).contains("signups.csv (contact list)");
        assertThat(f.db.people().count(f.campaign.id())).isEqualTo(people + 1);
        assertThat(f.db.people().profile(f.campaign.id(), known).orElseThrow().timeline())
                .anySatisfy(a -> assertThat(a.type()).isEqualTo("matched"));
        assertThat(client.get(started.location() + "/errors.csv").body()).contains("signups.csv,4,Email,");
        assertThat(f.db.audit().recent(10)).extracting(e -> e.detail()).anySatisfy(d -> assertThat(d)
                .contains("(contact list)"));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aFloridaExtractAndItsHistoryAreUploadedTogetherAndImported(ServerFixture f) throws Exception {
        GeneratedFiles nc = DemoCampaignGenerator.generate(new GeneratorOptions(60, 9, dir), n -> { });
        GeneratedFiles fl = org.muster.generate.OtherStateLayouts.write(nc, org.muster.generate.OtherStateLayouts.Format.FL);
        WebClient client = f.loggedIn(Role.ADMIN);
        Response uploaded = client.postMultipart("/imports/upload", form("_csrf", client.csrfToken("/imports")),
                java.util.Map.of("file", java.util.Map.entry("FL_voters.txt", Files.readAllBytes(fl.voterFile())),
                        "historyFile", java.util.Map.entry("FL_history.txt", Files.readAllBytes(fl.historyFile()))));
        assertThat(uploaded.status()).isEqualTo(302);
        assertThat(client.get(uploaded.location()).body()).contains("Detected format: <strong>Florida voter extract")
                .contains("history file uploads/FL_history.txt");
        Response started = client.post("/imports", form("_csrf", client.csrfToken("/imports"),
                "voterFile", "uploads/FL_voters.txt", "historyFile", "uploads/FL_history.txt"));
        assertThat(started.status()).isEqualTo(302);
        String panel = client.get(started.location() + "/progress").body();
        for (int i = 0; i < 300 && panel.contains("hx-trigger=\"every 1s\""); i++) {
            Thread.sleep(100);
            panel = client.get(started.location() + "/progress").body();
        }
        assertThat(panel).contains("<h2>Done</h2>").contains("<dt>New</dt><dd>" + nc.voterRows() + "</dd>")
                .contains("<dt>Rejected</dt><dd>0</dd>").doesNotContain("<dt>Votes added</dt><dd>0</dd>");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anUploadWithAPathOrOddNameIsRefusedAndAVolunteerCannotUpload(ServerFixture f) {
        WebClient client = f.loggedIn(Role.ORGANISER);
        Response odd = client.postMultipart("/imports/upload", form("_csrf", client.csrfToken("/imports")),
                "file", "../../etc/passwd;x", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(odd.status()).isEqualTo(400);
        WebClient volunteer = f.loggedIn(Role.VOLUNTEER);
        Response refused = volunteer.postMultipart("/imports/upload", form("_csrf", volunteer.csrfToken("/people")),
                "file", "a.csv", "a,b,c\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(f.importDir.resolve("uploads/a.csv")).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anUploadOverTheCapIsRefusedBeforeItsBodyIsRead(ServerFixture f) throws IOException {
        // The headers and the first bytes only (Jetty dispatches once content starts): the declared length decides.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", f.server.port())) {
            socket.getOutputStream().write(("POST /imports/upload HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                    + (ImportRoutes.MAX_UPLOAD_BYTES * 2) + "\r\n\r\n--x\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
