package org.muster.web.ops;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /health for load balancers and /metrics for Prometheus; both open, neither shows personal data. */
public final class OpsRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);

    private final BooleanSupplier databaseHealthy;
    private final Metrics metrics;

    public OpsRoutes(BooleanSupplier databaseHealthy, Metrics metrics) {
        this.databaseHealthy = databaseHealthy;
        this.metrics = metrics;
    }

    public void register(Javalin app) {
        app.get("/health", this::health);
        app.get("/metrics", this::metrics);
    }

    private void health(Context ctx) {
        boolean ok = databaseUp();
        ctx.header("Cache-Control", "no-store");
        ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "UP" : "DOWN", "database", ok ? "ok" : "failing"));
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private boolean databaseUp() {
        try {
            return databaseHealthy.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.warn("Database health check failed: {}", e.toString());
            return false;
        }
    }
}
