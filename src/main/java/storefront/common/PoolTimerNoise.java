package storefront.common;

import io.quarkus.logging.LoggingFilter;
import java.util.Arrays;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Keeps one known false alarm out of the log. When the database cannot be
 * reached, the reactive SQL pool fails a query's wait for a connection at once
 * (the request answers 503 DATABASE_UNAVAILABLE) but leaves the wait's timer
 * running; when the timer fires it fails the finished wait again, and Vert.x
 * logs "Result is already complete" as an uncaught error with a stack trace,
 * one per query that was waiting (eclipse-vertx/vertx-sql-client#1706). Only
 * that exception, thrown from the pool, is dropped.
 */
@LoggingFilter(name = "pool-timer-noise")
public final class PoolTimerNoise implements Filter {

    private static final String POOL = "io.vertx.sqlclient.impl.pool.SqlConnectionPool";

    @Override
    public boolean isLoggable(LogRecord record) {
        Throwable thrown = record.getThrown();
        return !(thrown instanceof IllegalStateException
                && "Result is already complete".equals(thrown.getMessage())
                && Arrays.stream(thrown.getStackTrace()).limit(3).anyMatch(frame -> frame.getClassName().equals(POOL)));
    }
}
