package storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;

/** Waiting for what arrives asynchronously (a NOTIFY, a request sent after commit). */
public final class Await {

    private static final long TIMEOUT_MS = 10_000;
    /** Between two looks: the server being waited for gets the cores instead of a spinning test. */
    private static final long POLL_MS = 10;

    private Await() {
    }

    /** Polls the condition until it holds; fails naming {@code what} after 10 s. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as(what).isLessThan(deadline);
            pause(POLL_MS);
        }
    }

    /** Sleeps, for a test that paces its own retries. */
    public static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
