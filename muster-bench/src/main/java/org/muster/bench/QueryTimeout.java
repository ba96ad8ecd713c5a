package org.muster.bench;

import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * Cancels a benchmark's SQL statement that runs longer than a limit ({@code Statement.cancel()} from a timer
 * thread). JDBC's own query timeout is not enough: the SQLite driver turns it into a busy timeout, which never stops
 * a long query. The cancelled call fails, and {@link #cancelled} tells that failure from a real error.
 */
final class QueryTimeout implements AutoCloseable {

    private static final String TIMER = "muster.bench.timeout";
    /** Set by the timer when it cancels, cleared when a statement starts: the benchmark runs one query at a time. */
    private static final AtomicBoolean CANCELLED = new AtomicBoolean();

    private final long millis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sql-timeout");
        t.setDaemon(true);
        return t;
    });

    /** No limit when {@code seconds} is 0. */
    QueryTimeout(double seconds) {
        this.millis = (long) (seconds * 1000);
    }

    /** The same connection and settings, with this limit on every statement. */
    DSLContext apply(DSLContext dsl) {
        if (millis <= 0) return dsl;
        ExecuteListener listener = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                CANCELLED.set(false);
                var statement = ctx.statement();
                ScheduledFuture<?> cancel = timer.schedule(() -> {
                    CANCELLED.set(true);
                    try {
                        statement.cancel();
                    } catch (SQLException ignored) {
                        // The statement finished meanwhile: nothing to cancel.
                    }
                }, millis, TimeUnit.MILLISECONDS);
                ctx.data(TIMER, cancel);
            }

            @Override
            public void end(ExecuteContext ctx) {
                if (ctx.data(TIMER) instanceof ScheduledFuture<?> cancel) cancel.cancel(false);
            }
        };
        ExecuteListenerProvider[] providers = Stream.concat(Stream.of(dsl.configuration().executeListenerProviders()),
                Stream.of(new DefaultExecuteListenerProvider(listener))).toArray(ExecuteListenerProvider[]::new);
        return dsl.configuration().derive(providers).dsl();
    }

    /** Whether the statement that just failed was cancelled for running past the limit (and not a real error). */
    static boolean cancelled() {
        return CANCELLED.getAndSet(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
