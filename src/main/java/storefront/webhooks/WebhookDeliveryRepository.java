package storefront.webhooks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import storefront.common.SqlTime;
import storefront.common.Statements;
import storefront.webhooks.WebhookApi.DeliveryStatus;
import storefront.webhooks.WebhookApi.DeliveryView;

/**
 * Deliveries, set-based on the pool. Taking a delivery moves its next attempt
 * past the lease in the same statement that locks it ({@code SKIP LOCKED}), so
 * two dispatchers never take one delivery at once, and one that dies leaves it
 * due again when the lease ends. An event waits while an earlier event of the
 * same subject is pending for the same subscription.
 */
@Singleton
class WebhookDeliveryRepository {

    /** A delivery taken for one attempt, with what sending it needs. */
    record Taken(UUID subscriptionId, long seq, int attempts, Instant firstAttemptAt, String url, String secret,
                 String previousSecret, Instant previousUntil, UUID eventId, String type, String subject,
                 String region, Instant time, String data) {
    }

    private static final String TAKE = """
            with due as (
                select d.subscription_id, d.event_seq
                from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id and s.active
                where d.status = 'PENDING' and d.next_attempt_at <= $1
                  and not exists (select 1 from webhook_delivery p
                                  where p.subscription_id = d.subscription_id and p.subject = d.subject
                                    and p.status = 'PENDING' and p.event_seq < d.event_seq)
                order by d.next_attempt_at, d.event_seq
                limit $3
                for update of d skip locked)
            update webhook_delivery d
            set next_attempt_at = $2, attempts = d.attempts + 1, last_attempt_at = $1,
                first_attempt_at = coalesce(d.first_attempt_at, $1)
            from due, webhook_subscription s, outbox_event e
            where d.subscription_id = due.subscription_id and d.event_seq = due.event_seq
              and s.id = d.subscription_id and e.seq = d.event_seq
            returning d.subscription_id, d.event_seq, d.attempts, d.first_attempt_at, s.url, s.secret,
                      s.previous_secret, s.previous_until, e.id, e.type, e.subject, e.region, e.time,
                      e.data::text as data""";

    private final Pool pool;

    WebhookDeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<List<Taken>> take(Instant now, Instant leaseUntil, int batch) {
        return pool.preparedQuery(TAKE).execute(Tuple.of(SqlTime.utc(now), SqlTime.utc(leaseUntil), batch))
                .map(rows -> {
                    List<Taken> taken = new ArrayList<>();
                    for (Row r : rows) {
                        taken.add(new Taken(r.getUUID("subscription_id"), r.getLong("event_seq"),
                                r.getInteger("attempts"), SqlTime.instant(r.getOffsetDateTime("first_attempt_at")),
                                r.getString("url"), r.getString("secret"), r.getString("previous_secret"),
                                SqlTime.instant(r.getOffsetDateTime("previous_until")), r.getUUID("id"),
                                r.getString("type"), r.getString("subject"), r.getString("region"),
                                SqlTime.instant(r.getOffsetDateTime("time")), r.getString("data")));
                    }
                    // Oldest first, so that a subject's events leave in order within a batch too.
                    taken.sort(java.util.Comparator.comparingLong(Taken::seq));
                    return taken;
                });
    }

    /** The receiver took it. */
    Uni<Void> delivered(Taken d, Instant at, int status, int latencyMs) {
        return pool.preparedQuery("""
                        update webhook_delivery set status = 'DELIVERED', delivered_at = $3, last_status = $4,
                            last_latency_ms = $5, last_error = null
                        where subscription_id = $1 and event_seq = $2 and status = 'PENDING'""")
                .execute(Tuple.of(d.subscriptionId(), d.seq(), SqlTime.utc(at), status, latencyMs))
                .replaceWithVoid();
    }

    /** The attempt failed: tried again at {@code next}, or given up (DEAD) when {@code next} is null. */
    Uni<Void> failed(Taken d, Integer status, String error, Integer latencyMs, Instant next) {
        return pool.preparedQuery("""
                        update webhook_delivery set last_status = $3, last_error = left($4, 500), last_latency_ms = $5,
                            status = case when $6::timestamptz is null then 'DEAD' else 'PENDING' end,
                            next_attempt_at = coalesce($6, next_attempt_at)
                        where subscription_id = $1 and event_seq = $2 and status = 'PENDING'""")
                .execute(Tuple.tuple().addUUID(d.subscriptionId()).addLong(d.seq()).addInteger(status)
                        .addString(error).addInteger(latencyMs).addOffsetDateTime(SqlTime.utc(next)))
                .replaceWithVoid();
    }

    Uni<List<DeliveryView>> list(UUID subscription, DeliveryStatus status, int limit) {
        return pool.preparedQuery("""
                        select e.id, e.type, e.subject, e.time, d.status, d.attempts, d.next_attempt_at,
                               d.last_attempt_at, d.last_status, d.last_error, d.last_latency_ms, d.delivered_at
                        from webhook_delivery d join outbox_event e on e.seq = d.event_seq
                        where d.subscription_id = $1 and ($2::text is null or d.status = $2)
                        order by d.event_seq desc limit $3""")
                .execute(Tuple.of(subscription, status == null ? null : status.name(), limit))
                .map(rows -> {
                    List<DeliveryView> views = new ArrayList<>();
                    for (Row r : rows) {
                        DeliveryStatus s = DeliveryStatus.valueOf(r.getString("status"));
                        views.add(new DeliveryView(r.getUUID("id"), r.getString("type"), r.getString("subject"),
                                SqlTime.instant(r.getOffsetDateTime("time")), s, r.getInteger("attempts"),
                                s == DeliveryStatus.PENDING ? SqlTime.instant(r.getOffsetDateTime("next_attempt_at"))
                                        : null,
                                SqlTime.instant(r.getOffsetDateTime("last_attempt_at")), r.getInteger("last_status"),
                                r.getString("last_error"), r.getInteger("last_latency_ms"),
                                SqlTime.instant(r.getOffsetDateTime("delivered_at"))));
                    }
                    return views;
                });
    }

    /**
     * Queues again, due at {@code now}, the events since {@code since} (or the
     * one event {@code eventId}) that the subscription takes, whether they were
     * delivered, dead or never fanned out to it; answers how many.
     */
    Uni<Integer> replay(Statements tx, UUID subscription, Instant since, UUID eventId, Instant now) {
        return tx.execute("""
                        insert into webhook_delivery (subscription_id, event_seq, subject, next_attempt_at)
                        select s.id, e.seq, e.subject, $4 from webhook_subscription s, outbox_event e
                        where s.id = $1
                          and ((cast($2 as timestamptz) is not null and e.time >= $2) or e.id = $3)
                          and (jsonb_array_length(s.event_types) = 0 or s.event_types @> jsonb_build_array(e.type))
                          and (jsonb_array_length(s.regions) = 0 or e.region is null
                               or s.regions @> jsonb_build_array(e.region))
                        on conflict (subscription_id, event_seq) do update
                        set status = 'PENDING', next_attempt_at = excluded.next_attempt_at, attempts = 0,
                            first_attempt_at = null, delivered_at = null""",
                subscription, SqlTime.utc(since), eventId, SqlTime.utc(now));
    }

    /**
     * Removes up to {@code batch} events older than {@code before} that no
     * delivery waits for (their deliveries go with them), oldest first, each
     * batch its own short statement; answers how many.
     */
    Uni<Integer> purge(Instant before, int batch) {
        return pool.preparedQuery("""
                        delete from outbox_event where seq in (
                            select e.seq from outbox_event e
                            where e.time < $1
                              and not exists (select 1 from webhook_delivery d
                                              where d.event_seq = e.seq and d.status = 'PENDING')
                            order by e.time, e.seq limit $2
                            for update skip locked)""")
                .execute(Tuple.of(SqlTime.utc(before), batch)).map(rows -> rows.rowCount());
    }
}
