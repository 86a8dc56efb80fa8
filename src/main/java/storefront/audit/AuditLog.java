package storefront.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import storefront.common.Json;
import storefront.common.SqlTime;
import storefront.common.Statements;
import storefront.audit.AuditApi.AuditEntry;

/**
 * The append-only record of every ops change. Entries are written inside the
 * transaction of the change they describe, by one statement that runs where
 * the change runs ({@link Statements}): a change and its entry are committed
 * together or not at all.
 */
@Singleton
public class AuditLog {

    /** One page of entries, newest first; null filters match everything. */
    record Query(String region, String actor, Instant from, Instant to, Instant beforeAt, Long beforeId, int limit) {
    }

    private static final String INSERT = """
            insert into audit_entry (actor, role, action, region, target, before, after, reason, change_set)
            values ($1, $2, $3, $4, $5, cast(cast($6 as text) as jsonb), cast(cast($7 as text) as jsonb), $8, $9)""";

    private static final String PAGE = """
            select id, at, actor, role, action, region, target, before::text as before, after::text as after,
                   reason, change_set
            from audit_entry
            where ($1::text is null or region = $1)
              and ($2::text is null or actor = $2)
              and ($3::timestamptz is null or at >= $3)
              and ($4::timestamptz is null or at < $4)
              and ($5::timestamptz is null or (at, id) < ($5, $6::bigint))
            order by at desc, id desc
            limit $7""";

    private final Pool pool;
    private final Json json;

    AuditLog(Pool pool, Json json) {
        this.pool = pool;
        this.json = json;
    }

    /** One change to record: what was done to which target, the states before and after, and why. */
    public record Change(String action, String region, String target, Object before, Object after) {
    }

    /**
     * Writes one entry in the transaction that {@code tx} runs in: a write on
     * entities passes {@link Statements#inSession()}, a write in SQL its
     * connection. Either way the entry commits with the change or not at all.
     */
    public Uni<Void> record(Statements tx, Operator operator, Change change, String reason, UUID changeSet) {
        return tx.execute(INSERT, values(operator, change, reason, changeSet)).replaceWithVoid();
    }

    /** One entry per change, in the transaction that {@code tx} runs in. */
    public Uni<Void> recordAll(Statements tx, Operator operator, List<Change> changes, String reason,
                               UUID changeSet) {
        return tx.executeBatch(INSERT, changes.stream().map(change -> values(operator, change, reason, changeSet))
                .toList());
    }

    /** The statement's parameters, in order. */
    private Object[] values(Operator operator, Change change, String reason, UUID changeSet) {
        return new Object[] {operator.actor(), operator.role(), change.action(), change.region(), change.target(),
                json.text(change.before()), json.text(change.after()), reason, changeSet};
    }

    Uni<List<AuditEntry>> page(Query q) {
        Tuple params = Tuple.tuple()
                .addString(q.region())
                .addString(q.actor())
                .addOffsetDateTime(SqlTime.utc(q.from()))
                .addOffsetDateTime(SqlTime.utc(q.to()))
                .addOffsetDateTime(SqlTime.utc(q.beforeAt()))
                .addLong(q.beforeId())
                .addInteger(q.limit());
        return pool.preparedQuery(PAGE).execute(params).map(rows -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (Row row : rows) {
                entries.add(new AuditEntry(row.getLong("id"), row.getOffsetDateTime("at").toInstant(),
                        row.getString("actor"), row.getString("role"), row.getString("action"), row.getString("region"),
                        row.getString("target"), json.tree(row.getString("before")), json.tree(row.getString("after")),
                        row.getString("reason"), row.getUUID("change_set")));
            }
            return entries;
        });
    }

}
