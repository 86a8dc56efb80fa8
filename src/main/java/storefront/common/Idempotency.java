package storefront.common;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * {@code Idempotency-Key} for POSTs that create or pay. The same key with the
 * same request replays the first response; with another request it is a 422;
 * while a request with the key is in flight, another one gets a 409 and may
 * retry. A request that failed half way (its resource created, the payment
 * provider unreachable) is finished by a retry with the same key, on the same
 * resource. Keys are kept for at least {@code storefront.idempotency.retention-hours}.
 *
 * <p>Work runs in two steps: {@code create} in the transaction that claims the
 * key (a problem there rolls both back, so a refused request stores nothing and
 * may be retried), then {@code complete} outside any transaction (the call to
 * the payment provider), whose answer is stored for replay.
 */
@Singleton
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed response. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger LOG = Logger.getLogger(Idempotency.class);

    /** A response to send, and whether it is the replay of an earlier one. */
    public record Result(int status, String body, boolean replayed) {
    }

    private sealed interface Start {
    }

    private record Replay(int status, String body) implements Start {
    }

    private record Proceed(UUID resourceId) implements Start {
    }

    private static final String CLAIM = """
            insert into idempotency_key (scope, key, fingerprint, locked_until)
            values ($1, $2, $3, now() + make_interval(secs => $4))
            on conflict do nothing
            returning key""";

    private static final String EXISTING = """
            select fingerprint, resource_id, response_status, response_body, locked_until > now() as in_flight
            from idempotency_key where scope = $1 and key = $2
            for update""";

    private final Pool pool;
    private final int leaseSeconds;
    private final int retentionHours;

    public Idempotency(Pool pool, IdempotencyConfig config) {
        this.pool = pool;
        this.leaseSeconds = config.leaseSeconds();
        this.retentionHours = config.retentionHours();
    }

    /** The key of a request: 1 to 255 visible ASCII characters. Missing: 400 IDEMPOTENCY_KEY_REQUIRED. */
    /** The answer, marked {@code Idempotent-Replayed: true} when it replays an earlier one. */
    public static Response answer(Response.ResponseBuilder response, boolean replayed) {
        return (replayed ? response.header(REPLAYED_HEADER, "true") : response).build();
    }

    public static String requireKey(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(400, "IDEMPOTENCY_KEY_REQUIRED", "Idempotency-Key required",
                    "This request creates or pays; send an Idempotency-Key header (a UUID is a good key) "
                            + "and send the same key when you retry it.");
        }
        if (header.length() > 255 || !header.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.invalid(List.of(new Problem.FieldError(HEADER,
                    "must be 1 to 255 visible ASCII characters")));
        }
        return header;
    }

    /** A digest of everything that makes two requests the same request. */
    public static byte[] fingerprint(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a request under its key. {@code create} makes the resource inside the
     * claiming transaction and returns its id; it is skipped when an earlier
     * attempt with this key made it already. {@code complete} finishes the work
     * on that resource outside any transaction and returns the response to keep.
     */
    public Uni<Result> run(String scope, String key, byte[] fingerprint, Function<SqlClient, Uni<UUID>> create,
                           Function<UUID, Uni<Result>> complete) {
        return pool.withTransaction(tx -> begin(tx, scope, key, fingerprint).flatMap(start -> {
                    if (start instanceof Proceed proceed && proceed.resourceId() == null) {
                        return create.apply(tx).call(id -> tx.preparedQuery(
                                        "update idempotency_key set resource_id = $3 where scope = $1 and key = $2")
                                .execute(Tuple.of(scope, key, id))).map(Proceed::new);
                    }
                    return Uni.createFrom().<Start>item(start);
                }))
                .flatMap(start -> {
                    if (start instanceof Replay replay) {
                        return Uni.createFrom().item(new Result(replay.status(), replay.body(), true));
                    }
                    UUID resource = ((Proceed) start).resourceId();
                    return Uni.createFrom().deferred(() -> complete.apply(resource))
                            .call(result -> pool.preparedQuery("""
                                            update idempotency_key
                                            set response_status = $3, response_body = $4, locked_until = null
                                            where scope = $1 and key = $2""")
                                    .execute(Tuple.of(scope, key, result.status(), result.body())))
                            .onFailure().call(failure -> release(scope, key));
                });
    }

    private Uni<Start> begin(SqlClient tx, String scope, String key, byte[] fingerprint) {
        return tx.preparedQuery(CLAIM).execute(Tuple.of(scope, key, Buffer.buffer(fingerprint), leaseSeconds)).flatMap(claimed -> {
            if (claimed.rowCount() > 0) {
                return Uni.createFrom().item(new Proceed(null));
            }
            return tx.preparedQuery(EXISTING).execute(Tuple.of(scope, key)).flatMap(rows -> {
                Row row = rows.iterator().next();
                if (!Arrays.equals(row.getBuffer("fingerprint").getBytes(), fingerprint)) {
                    throw new ProblemException(new Problem(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key reused",
                            "This Idempotency-Key was used for a different request. Use a new key for a new request.",
                            null, null));
                }
                if (row.getInteger("response_status") != null) {
                    return Uni.createFrom().item(new Replay(row.getInteger("response_status"),
                            row.getString("response_body")));
                }
                if (Boolean.TRUE.equals(row.getBoolean("in_flight"))) {
                    throw new ProblemException(409, "IDEMPOTENCY_KEY_IN_USE", "Request in progress",
                            "A request with this Idempotency-Key is still in progress; retry in a moment.")
                            .retryAfter(1);
                }
                return tx.preparedQuery("""
                                update idempotency_key set locked_until = now() + make_interval(secs => $3)
                                where scope = $1 and key = $2""")
                        .execute(Tuple.of(scope, key, leaseSeconds))
                        .replaceWith(new Proceed(row.getUUID("resource_id")));
            });
        });
    }

    private Uni<Void> release(String scope, String key) {
        return pool.preparedQuery("update idempotency_key set locked_until = null where scope = $1 and key = $2")
                .execute(Tuple.of(scope, key)).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Could not release Idempotency-Key in %s: %s", scope, e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Forgets keys past their retention (and not in flight), hourly. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.preparedQuery("""
                        delete from idempotency_key
                        where created_at < now() - make_interval(hours => $1)
                          and (locked_until is null or locked_until < now())""")
                .execute(Tuple.of(retentionHours))
                .invoke(rows -> LOG.debugf("Purged %d expired idempotency keys", rows.rowCount()))
                .replaceWithVoid();
    }
}
