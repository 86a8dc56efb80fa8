package storefront.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Only the pool's late timer failure is dropped; everything else still reaches the log. */
class PoolTimerNoiseTest {

    private final PoolTimerNoise filter = new PoolTimerNoise();

    @Test
    void thePoolsSecondFailureOfAFinishedWaitIsDropped() {
        assertThat(filter.isLoggable(uncaught(new IllegalStateException("Result is already complete"),
                "io.vertx.core.Promise", "io.vertx.sqlclient.impl.pool.SqlConnectionPool"))).isFalse();
    }

    @Test
    void theSameMessageFromElsewhereAndOtherFailuresAreKept() {
        assertThat(filter.isLoggable(uncaught(new IllegalStateException("Result is already complete"),
                "io.vertx.core.Promise", "storefront.checkout.Checkout"))).isTrue();
        assertThat(filter.isLoggable(uncaught(new IllegalStateException("Connection closed"),
                "io.vertx.core.Promise", "io.vertx.sqlclient.impl.pool.SqlConnectionPool"))).isTrue();
        assertThat(filter.isLoggable(new LogRecord(Level.INFO, "Database unavailable"))).isTrue();
    }

    private static LogRecord uncaught(Throwable thrown, String... frames) {
        StackTraceElement[] stack = new StackTraceElement[frames.length];
        for (int i = 0; i < frames.length; i++) {
            stack[i] = new StackTraceElement(frames[i], "fail", null, -1);
        }
        thrown.setStackTrace(stack);
        LogRecord record = new LogRecord(Level.SEVERE, "Uncaught exception received by Vert.x");
        record.setThrown(thrown);
        return record;
    }
}
