package org.muster.web;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of HTTP tests that run against a server on SQLite and one on PostgreSQL, started once per test class:
 * use {@code @MethodSource("servers")} on parameterized tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BothServersTest {

    private final List<Named<ServerFixture>> servers = ServerFixture.both();

    public List<Named<ServerFixture>> servers() {
        return servers;
    }

    @AfterAll
    void stopServers() {
        servers.forEach(s -> s.getPayload().stop());
    }
}
