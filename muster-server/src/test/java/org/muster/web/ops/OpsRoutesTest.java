package org.muster.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.muster.account.Role;
import org.muster.store.TestDatabases;
import org.muster.web.ServerFixture;
import org.muster.web.WebClient;
import org.muster.web.WebClient.Response;

class OpsRoutesTest {

    @Test
    void healthAndMetricsNeedNoLoginAndReportTheDatabase() {
        ServerFixture f = new ServerFixture(TestDatabases.sqlite());
        try {
            WebClient browser = f.loggedIn(Role.ADMIN);
            browser.get("/people");
            browser.get("/people/424242");
            WebClient anonymous = f.client();

            Response health = anonymous.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"database\":\"ok\"");

            Response metrics = anonymous.get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads",
                    "http_server_requests_seconds_count{method=\"GET\",route=\"/people\",status=\"200\"}",
                    "http_server_requests_seconds_count{method=\"GET\",route=\"/people/{id}\",status=\"404\"}",
                    "route=\"/login\",status=\"302\"");

            f.db.close();
            Response down = anonymous.get("/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("\"database\":\"failing\"");
        } finally {
            f.stop();
        }
    }

    @Test
    void staticAssetsAreServedFromTheJar() {
        ServerFixture f = new ServerFixture(TestDatabases.sqlite());
        try {
            WebClient anonymous = f.client();
            assertThat(anonymous.get("/static/muster.css").body()).contains(".topbar");
            assertThat(anonymous.get(org.muster.web.view.Layout.HTMX_PATH).body()).contains("htmx");
        } finally {
            f.stop();
        }
    }
}
