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
 * same subject is pending for the same subscription (only a subject's oldest
 * pending event can be taken).
 */
@Singleton
class WebhookDeliveryRepository {

    /** A delivery taken for one attempt, with what sending it needs. */
    record Taken(UUID subscriptionId, long seq, int attempts, Instant firstAttemptAt, String url, String secret,
                 String previousSecret, Instant previousUntil, UUID eventId, String type, String subject,
                 String region, Instant time, String data) {
    }

    /**
     * The head of each subject's queue (its oldest pending event, per
     * subscription) is the only delivery of that subject that can be taken: one
     * sorted pass over what is pending, materialized; then the due heads, at
     * most a batch, materialized too; then each of those by every column of
     * either index that can find it, in a lateral join that only one plan can
     * run. Written so because generic plans on fresh statistics turned each
     * step into a pass per pending row: a NOT EXISTS, then an IN whose batch
     * was sorted again for each of 19,000 pending rows (4 s a batch), then a
     * lookup by an index it matched only in part (0.5 s a batch).
     */
    private static final String TAKE = """
            with heads as materialized (
                select distinct on (p.subscription_id, p.subject) p.subscription_id, p.subject, p.event_seq,
                       p.next_attempt_at
                from webhook_delivery p
                where p.status = 'PENDING'
                order by p.subscription_id, p.subject, p.event_seq),
            picked as materialized (
                select r.subscription_id, r.subject, r.event_seq from (
                    select h.subscription_id, h.subject, h.event_seq, h.next_attempt_at, coalesce(b.room, $4) as room,
                           row_number() over (partition by h.subscription_id
                                              order by h.next_attempt_at, h.event_seq) as nth
                    from heads h join webhook_subscription s on s.id = h.subscription_id and s.active
                    left join unnest(cast($5 as uuid[]), cast($6 as int[])) as b(subscription_id, room)
                        on b.subscription_id = h.subscription_id
                    where h.next_attempt_at <= $1) r
                where r.nth <= r.room
                order by r.next_attempt_at, r.event_seq
                limit $3),
            due as materialized (
                select d.subscription_id, d.event_seq
                from picked p cross join lateral (
                    select d.subscription_id, d.event_seq from webhook_delivery d
                    where d.subscription_id = p.subscription_id and d.subject = p.subject
                      and d.event_seq = p.event_seq
                      and d.status = 'PENDING' and d.next_attempt_at <= $1
                    for update of d skip locked) d)
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

    /**
     * Takes up to {@code batch} due heads, at most {@code perSubscription} of
     * one subscription, or its room in {@code busyRooms} for those of {@code
     * busy} (what it has in flight already), and leases them until {@code
     * leaseUntil}.
     */
    Uni<List<Taken>> take(Instant now, Instant leaseUntil, int batch, int perSubscription, List<UUID> busy,
                          List<Integer> busyRooms) {
        return pool.preparedQuery(TAKE).execute(Tuple.tuple(List.of(SqlTime.utc(now), SqlTime.utc(leaseUntil), batch,
                        perSubscription, busy.toArray(UUID[]::new), busyRooms.toArray(Integer[]::new))))
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

    /** What one attempt came to: delivered (a 2xx), or failed and due again at {@code next} (null: DEAD). */
    record Outcome(Taken delivery, boolean delivered, Integer status, String error, int latencyMs, Instant next) {
    }

    /** Records a batch's outcomes: two statements, whatever the batch's size. */
    Uni<Void> record(List<Outcome> outcomes, Instant at) {
        List<Outcome> delivered = outcomes.stream().filter(Outcome::delivered).toList();
        List<Outcome> failed = outcomes.stream().filter(o -> !o.delivered()).toList();
        Uni<Void> first = delivered.isEmpty() ? Uni.createFrom().voidItem() : pool.preparedQuery("""
                        update webhook_delivery d set status = 'DELIVERED', delivered_at = $1, last_status = x.status,
                            last_latency_ms = x.latency, last_error = null
                        from unnest($2::uuid[], $3::bigint[], $4::int[], $5::int[]) as x(sub, seq, status, latency)
                        where d.subscription_id = x.sub and d.event_seq = x.seq and d.status = 'PENDING'""")
                .execute(Tuple.of(SqlTime.utc(at),
                        delivered.stream().map(o -> o.delivery().subscriptionId()).toArray(UUID[]::new),
                        delivered.stream().map(o -> o.delivery().seq()).toArray(Long[]::new),
                        delivered.stream().map(Outcome::status).toArray(Integer[]::new),
                        delivered.stream().map(Outcome::latencyMs).toArray(Integer[]::new)))
                .replaceWithVoid();
        return first.flatMap(x -> failed.isEmpty() ? Uni.createFrom().voidItem() : pool.preparedQuery("""
                        update webhook_delivery d set last_status = x.status, last_error = left(x.error, 500),
                            last_latency_ms = x.latency,
                            status = case when x.next is null then 'DEAD' else 'PENDING' end,
                            next_attempt_at = coalesce(x.next, d.next_attempt_at)
                        from unnest($1::uuid[], $2::bigint[], $3::int[], $4::text[], $5::int[], $6::timestamptz[])
                            as x(sub, seq, status, error, latency, next)
                        where d.subscription_id = x.sub and d.event_seq = x.seq and d.status = 'PENDING'""")
                .execute(Tuple.of(failed.stream().map(o -> o.delivery().subscriptionId()).toArray(UUID[]::new),
                        failed.stream().map(o -> o.delivery().seq()).toArray(Long[]::new),
                        failed.stream().map(Outcome::status).toArray(Integer[]::new),
                        failed.stream().map(Outcome::error).toArray(String[]::new),
                        failed.stream().map(Outcome::latencyMs).toArray(Integer[]::new),
                        failed.stream().map(o -> SqlTime.utc(o.next())).toArray(java.time.OffsetDateTime[]::new)))
                .replaceWithVoid());
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
                          and subscription_takes(s.event_types, s.regions, e.type, e.region)
                        on conflict (subscription_id, event_seq) do update
                        set status = 'PENDING', next_attempt_at = excluded.next_attempt_at, attempts = 0,
                            first_attempt_at = null, delivered_at = null""",
                subscription, SqlTime.utc(since), eventId, SqlTime.utc(now));
    }

    /** What waits to be delivered: how many deliveries, and when the oldest of their events happened (or null). */
    record Backlog(int pending, Instant oldest) {
    }

    Uni<Backlog> backlog() {
        return pool.query("""
                        select count(*)::int,
                               (select e.time from outbox_event e where e.seq = min(d.event_seq))
                        from webhook_delivery d where d.status = 'PENDING'""")
                .execute().map(rows -> {
                    Row row = rows.iterator().next();
                    return new Backlog(row.getInteger(0), SqlTime.instant(row.getOffsetDateTime(1)));
                });
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
