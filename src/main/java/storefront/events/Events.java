package storefront.events;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import storefront.common.Json;
import storefront.common.SqlTime;
import storefront.common.Statements;

/**
 * The transactional outbox. A change tells of itself by {@link #emit} in its
 * own transaction ({@link Statements}: the session's or the connection's): the
 * event row, and one delivery row per webhook subscription whose event types
 * and regions take it, in one statement. Rolled back, the change leaves no
 * event; committed, its event is there for the dispatcher, in the order of the
 * subject's changes.
 */
@Singleton
public class Events {

    private static final String EMIT = """
            with event as (
                insert into outbox_event (id, type, subject, region, time, data)
                values ($1, $2, $3, $4, $5, cast(cast($6 as text) as jsonb))
                returning seq)
            insert into webhook_delivery (subscription_id, event_seq, subject, next_attempt_at)
            select s.id, event.seq, $3, $5 from webhook_subscription s, event
            where (jsonb_array_length(s.event_types) = 0 or s.event_types @> jsonb_build_array(cast($2 as text)))
              and (jsonb_array_length(s.regions) = 0 or cast($4 as text) is null
                   or s.regions @> jsonb_build_array(cast($4 as text)))""";

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
        return tx.execute(EMIT, params(type, new Change(subject, region, data))).replaceWithVoid();
    }

    /** One subject's change: its name, its region (or null) and the event's payload. */
    public record Change(String subject, String region, Object data) {
    }

    /** Events of one type for many subjects (an import), in order, in the transaction {@code tx} runs in. */
    public Uni<Void> emitAll(Statements tx, EventType type, List<Change> changes) {
        return tx.executeBatch(EMIT, changes.stream().map(change -> params(type, change)).toList());
    }

    private Object[] params(EventType type, Change change) {
        return new Object[] {UUID.randomUUID(), type.wire(), change.subject(), change.region(),
                SqlTime.utc(clock.instant()), json.text(change.data())};
    }
}
