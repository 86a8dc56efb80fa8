package storefront.events;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import storefront.common.Json;
import storefront.common.SqlTime;
import storefront.common.Statements;

/**
 * The transactional outbox. A change tells of itself by {@link #emit} in its
 * own transaction ({@link Statements}: the session's or the connection's): the
 * database's {@code emit_event} writes the event row, and one delivery row per
 * webhook subscription whose event types and regions take it, in one
 * statement. Changes the database sees best emit from a trigger with the same
 * function (stock running low or out). Rolled back, the change leaves no
 * event; committed, its event is there for the dispatcher, in the order of the
 * subject's changes.
 */
@Singleton
public class Events {

    /** The database's emit_event, which triggers use too (stock running low or out). */
    private static final String EMIT = """
            select emit_event(gen_random_uuid(), $1, $2, $3, $4, cast(cast($5 as text) as jsonb))""";

    /** The same for many subjects, in order, in one statement. */
    private static final String EMIT_ALL = """
            select count(emit_event(gen_random_uuid(), $1, x.subject, x.region, $2, cast(x.data as jsonb)))
            from unnest(cast($3 as text[]), cast($4 as text[]), cast($5 as text[])) as x(subject, region, data)""";

    private final Clock clock;
    private final Json json;

    Events(Clock clock, Json json) {
        this.clock = clock;
        this.json = json;
    }

    /**
     * Records that {@code subject} changed, in the transaction {@code tx} runs
     * in. {@code region} is null for what belongs to no one region (a seller
     * of several); {@code data} is the event's payload, as JSON.
     */
    public Uni<Void> emit(Statements tx, EventType type, String subject, String region, Object data) {
        return tx.rows(EMIT, type.wire(), subject, region, SqlTime.utc(clock.instant()), json.text(data))
                .replaceWithVoid();
    }

    /** One subject's change: its name, its region (or null) and the event's payload. */
    public record Change(String subject, String region, Object data) {
    }

    /** Events of one type for many subjects (an import), in order, in the transaction {@code tx} runs in. */
    public Uni<Void> emitAll(Statements tx, EventType type, List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.rows(EMIT_ALL, type.wire(), SqlTime.utc(clock.instant()),
                        changes.stream().map(Change::subject).toArray(String[]::new),
                        changes.stream().map(Change::region).toArray(String[]::new),
                        changes.stream().map(change -> json.text(change.data())).toArray(String[]::new))
                .replaceWithVoid();
    }
}
