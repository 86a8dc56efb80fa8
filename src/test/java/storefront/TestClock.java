package storefront;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: the real time, moved on by whatever a test
 * says, so that a test of something scheduled sets the time instead of waiting
 * for it. A test that moves it puts it back ({@link #reset()}) when it ends.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

    /** From now on the application's time is {@code at} plus the time that passes. */
    public static void setTo(Instant at) {
        AHEAD.set(Duration.between(Instant.now(), at));
    }

    /** Back to the real time. */
    public static void reset() {
        AHEAD.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(AHEAD.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application's clock is in UTC");
    }
}
