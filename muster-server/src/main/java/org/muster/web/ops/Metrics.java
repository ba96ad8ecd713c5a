package org.muster.web.ops;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * One Prometheus registry per server (not the global one, so servers in one JVM, as in tests, do not mix):
 * JVM metrics and a timer of HTTP requests by method, route template and status.
 */
public final class Metrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** Javalin request logger: called once per request with its duration. */
    public void record(Context ctx, Float millis) {
        Timer.builder("http.server.requests")
                .description("HTTP requests handled")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /** The route template (/people/{id}), never the raw path, so that ids do not explode label cardinality. */
    private static String route(Context ctx) {
        if (ctx.path().startsWith("/static/") || ctx.path().startsWith("/webjars/")) return "static";
        try {
            String route = ctx.endpointHandlerPath();
            if (route != null && !route.isEmpty() && !route.equals("*")) return route;
        } catch (IllegalStateException e) {
            // Javalin refuses while the request never left the before stage, as when no route matched.
        }
        return "unmatched";
    }
}
