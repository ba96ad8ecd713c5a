package org.muster.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Named;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.campaign.Campaign;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.people.Registration;
import org.muster.people.VoteRecord;
import org.muster.store.Database;
import org.muster.store.TestDatabases;

/**
 * A started server on a fresh database with two campaigns, one served; shared by the tests of one class.
 * Not AutoCloseable on purpose: JUnit closes AutoCloseable parameters after each invocation.
 */
public final class ServerFixture {

    public static final String PASSWORD = "correct horse battery staple";

    public final Database db;
    public final Campaign campaign;
    public final Campaign otherCampaign;
    public final MusterServer server;
    /** The folder the import page reads from. */
    public final Path importDir;
    private final AtomicInteger users = new AtomicInteger();

    public ServerFixture(Database db) {
        this.db = db;
        this.campaign = db.campaigns().create("Friends of Ada", "NC");
        this.otherCampaign = db.campaigns().create("Rival campaign", "NC");
        try {
            this.importDir = Files.createTempDirectory("muster-imports-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server = MusterServer.start(db, new ServerOptions("127.0.0.1", 0, campaign.id(), importDir));
    }

    /** One fixture per database kind, named after it, for @MethodSource in a PER_CLASS test. */
    public static List<Named<ServerFixture>> both() {
        return TestDatabases.both()
                .map(named -> Named.of(named.getName(), new ServerFixture(named.getPayload().get())))
                .toList();
    }

    /** A new user of the served campaign, with {@link #PASSWORD}. */
    public User user(Role role) {
        String email = role.name().toLowerCase() + users.incrementAndGet() + "@example.org";
        return db.users().create(campaign.id(), email, "Test " + role.name().toLowerCase(), role,
                PASSWORD.toCharArray());
    }

    /** A client already logged in as a new user with the role. */
    public WebClient loggedIn(Role role) {
        WebClient client = client();
        WebClient.Response r = client.logIn(user(role).email(), PASSWORD);
        if (r.status() != 302) throw new AssertionError("Login failed: " + r.status() + " " + r.body());
        return client;
    }

    public WebClient client() {
        return new WebClient(server.baseUrl());
    }

    public long insert(long campaignId, NewPerson person) {
        return db.people().insert(campaignId, List.of(person)).getFirst();
    }

    /** A person with something in every section of the profile. */
    public static NewPerson ada(String firstName) {
        return new NewPerson(firstName, "King", "Lovelace", null, LocalDate.of(1985, 12, 10), null, "F", "DEM", 2,
                ContactCategory.REGULAR_CONTACT, "ncvoter", null,
                List.of("ada@example.org"), List.of("+19195550142"),
                List.of(new PostalAddress("home", "12 ELM ST", null, "RALEIGH", "NC", "27601", "US", 35.78, -78.64)),
                List.of(new Registration("NC", "WAKE-" + firstName, "AA123456", "WAKE", "A", "AV",
                        LocalDate.of(2004, 9, 1), "DEM", "01-07", "W3", "RALEIGH", "02", "15", "033")),
                List.of(new VoteRecord(LocalDate.of(2024, 11, 5), "GENERAL 2024", "EARLY", null, "WAKE"),
                        new VoteRecord(LocalDate.of(2024, 3, 5), "PRIMARY 2024", "IN-PERSON", "DEM", "WAKE")),
                List.of("phonebank-2024", "house-party-host"));
    }

    public static NewPerson named(String first, String last) {
        return new NewPerson(first, null, last, null, null, null, null, null, null, ContactCategory.PROSPECT, "test",
                null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public void stop() {
        server.stop();
        db.close();
    }
}
