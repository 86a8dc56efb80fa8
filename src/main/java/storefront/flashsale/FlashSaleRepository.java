package storefront.flashsale;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import storefront.common.Ids;
import storefront.common.SqlTime;
import storefront.common.Statements;

/** Flash sales, their shards and claims, on whichever connection the caller holds. */
@Singleton
class FlashSaleRepository {

    /** What never changes about a sale once created. */
    public record Sale(UUID id, String sku, String product, String region, Instant startsAt, Instant endsAt,
                       long price, String currency, int quantity, int perCustomerLimit, int shards, String createdBy,
                       Instant settledAt) {
    }

    /** The claim function's answer. */
    record ClaimOutcome(Outcome outcome, UUID claimId, ClaimStatus status, Instant expiresAt) {

        /** What claim_flash_units answered for one attempt. */
        enum Outcome {
            GRANTED, REPLAYED, KEY_REUSED, NOT_FOUND, NOT_STARTED, ENDED, SOLD_OUT, LIMIT_REACHED_ACCOUNT,
            LIMIT_REACHED_ADDRESS,
            /** The attempt met a lock held elsewhere: the batcher sends it again. */
            RETRY
        }
    }

    /** A claim and its sale, as a replay shows it. */
    record StoredClaim(UUID id, UUID saleId, String addressKey, ClaimStatus status, Instant expiresAt) {
    }

    record Counts(int remaining, int granted, int ordered, int sold, int expired, int released) {
    }

    private static final String SALE = """
            select f.id, f.sku_code, p.slug, f.region_code, f.starts_at, f.ends_at, f.price_minor, f.currency,
                   f.quantity, f.per_customer_limit, f.shards, f.created_by, f.settled_at
            from flash_sale f join sku s on s.code = f.sku_code join product p on p.id = s.product_id""";

    public Uni<Optional<Sale>> find(SqlClient client, UUID id) {
        return client.preparedQuery(SALE + " where f.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(sale(rows.iterator().next())));
    }

    /** The region's sales that have not ended, soonest first. */
    Uni<List<Sale>> current(SqlClient client, String region, Instant now, int limit) {
        return client.preparedQuery(SALE + """

                         where f.region_code = $1 and f.ends_at > $2
                         order by f.starts_at, f.id limit $3""")
                .execute(Tuple.of(region, SqlTime.utc(now), limit))
                .map(rows -> {
                    List<Sale> sales = new ArrayList<>();
                    rows.forEach(row -> sales.add(sale(row)));
                    return sales;
                });
    }

    /**
     * A new sale's units, split evenly over its shards (claims take from them in
     * parallel), in the transaction {@code tx} runs in.
     */
    Uni<Void> insertShards(Statements tx, UUID saleId, int quantity, int shards) {
        Integer[] shardNumbers = new Integer[shards];
        Integer[] remaining = new Integer[shards];
        for (int i = 0; i < shards; i++) {
            shardNumbers[i] = i;
            remaining[i] = quantity / shards + (i < quantity % shards ? 1 : 0);
        }
        return tx.execute("""
                        insert into flash_sale_shard (sale_id, shard, remaining)
                        select $1, s, r from unnest(cast($2 as int[]), cast($3 as int[])) as x(s, r)""",
                saleId, shardNumbers, remaining).replaceWithVoid();
    }

    /** The sale, or 404 FLASH_SALE_NOT_FOUND (an id that is no UUID names no sale). */
    Uni<Sale> require(SqlClient client, String id) {
        return Ids.uuid(id).map(uuid -> find(client, uuid)).orElse(Uni.createFrom().item(Optional.empty()))
                .map(found -> found.orElseThrow(ClaimRefusals::saleNotFound));
    }

    /** A claim as it goes to the database, with the id it gets if granted. */
    record ClaimAttempt(UUID claimId, String customerId, String addressKey, String idempotencyKey) {
    }

    /**
     * A batch of claims of one sale, decided in one statement (see claim_flash_units):
     * the outcome of each, in the order given.
     */
    Uni<List<ClaimOutcome>> claim(SqlClient client, UUID saleId, List<ClaimAttempt> attempts, int startShard,
                                  Duration ttl) {
        int n = attempts.size();
        UUID[] claims = new UUID[n];
        String[] customers = new String[n];
        String[] addresses = new String[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            ClaimAttempt attempt = attempts.get(i);
            claims[i] = attempt.claimId();
            customers[i] = attempt.customerId();
            addresses[i] = attempt.addressKey();
            keys[i] = attempt.idempotencyKey();
        }
        Tuple params = Tuple.tuple().addUUID(saleId).addArrayOfUUID(claims).addArrayOfString(customers)
                .addArrayOfString(addresses).addArrayOfString(keys).addInteger(startShard)
                .addInteger((int) ttl.toSeconds());
        return client.preparedQuery("""
                        select * from claim_flash_units($1, $2, $3, $4, $5, $6, $7::int * interval '1 second')""")
                .execute(params)
                .map(rows -> {
                    ClaimOutcome[] outcomes = new ClaimOutcome[n];
                    rows.forEach(row -> outcomes[row.getInteger("pos") - 1] = new ClaimOutcome(
                            ClaimOutcome.Outcome.valueOf(row.getString("outcome")), row.getUUID("claim_id"),
                            ClaimStatus.of(row.getString("claim_status")),
                            SqlTime.instant(row.getOffsetDateTime("claim_expires_at"))));
                    for (int i = 0; i < n; i++) {
                        if (outcomes[i] == null) {
                            throw new IllegalStateException("claim_flash_units gave no outcome for claim " + (i + 1));
                        }
                    }
                    return List.of(outcomes);
                });
    }

    /** The claim a customer made with this Idempotency-Key, if any. */
    Uni<Optional<StoredClaim>> claimByKey(SqlClient client, String customerId, String idempotencyKey) {
        return client.preparedQuery("""
                        select id, sale_id, address_key, status, expires_at from flash_claim
                        where customer_id = $1 and idempotency_key = $2""")
                .execute(Tuple.of(customerId, idempotencyKey))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new StoredClaim(row.getUUID("id"), row.getUUID("sale_id"),
                            row.getString("address_key"), ClaimStatus.of(row.getString("status")),
                            row.getOffsetDateTime("expires_at").toInstant()));
                });
    }

    /** One string for a customer's Idempotency-Key. */
    static String grantKey(String customerId, String idempotencyKey) {
        return customerId + '\u0000' + idempotencyKey;
    }

    /** The keys of every claim of the sale, whatever became of it, as {@link #grantKey}s (a concurrent set). */
    Uni<Set<String>> grantedKeys(SqlClient client, UUID saleId) {
        return client.preparedQuery("select customer_id, idempotency_key from flash_claim where sale_id = $1")
                .execute(Tuple.of(saleId)).map(rows -> {
                    Set<String> keys = ConcurrentHashMap.newKeySet(rows.size() * 2);
                    rows.forEach(row -> keys.add(grantKey(row.getString("customer_id"),
                            row.getString("idempotency_key"))));
                    return keys;
                });
    }

    /** Units left in the pool of each of these sales, in one query. */
    Uni<Map<UUID, Integer>> remaining(SqlClient client, List<UUID> saleIds) {
        return client.preparedQuery("""
                        select sale_id, sum(remaining)::int as n from flash_sale_shard
                        where sale_id = any($1::uuid[]) group by sale_id""")
                .execute(Tuple.of(saleIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Integer> left = new HashMap<>();
                    rows.forEach(row -> left.put(row.getUUID("sale_id"), row.getInteger("n")));
                    return left;
                });
    }

    Uni<Counts> counts(SqlClient client, UUID saleId) {
        return client.preparedQuery("""
                        select (select coalesce(sum(remaining), 0) from flash_sale_shard where sale_id = $1)::int
                                   as remaining,
                               count(*) filter (where status = 'GRANTED')::int as granted,
                               count(*) filter (where status = 'ORDERED')::int as ordered,
                               count(*) filter (where status = 'SOLD')::int as sold,
                               count(*) filter (where status = 'EXPIRED')::int as expired,
                               count(*) filter (where status = 'RELEASED')::int as released
                        from flash_claim where sale_id = $1""")
                .execute(Tuple.of(saleId)).map(rows -> {
                    Row row = rows.iterator().next();
                    return new Counts(row.getInteger("remaining"), row.getInteger("granted"),
                            row.getInteger("ordered"), row.getInteger("sold"), row.getInteger("expired"),
                            row.getInteger("released"));
                });
    }

    /** These claims with their sales, locked until the transaction ends; unknown ids are absent. */
    public Uni<List<HeldClaim>> lockForCheckout(SqlClient tx, List<UUID> ids) {
        return tx.preparedQuery("""
                        select c.id, c.sale_id, c.customer_id, f.sku_code, f.region_code, f.price_minor,
                               c.address_key, c.status, c.expires_at
                        from flash_claim c join flash_sale f on f.id = c.sale_id
                        where c.id = any($1::uuid[])
                        order by c.id
                        for update of c""")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    List<HeldClaim> claims = new ArrayList<>();
                    rows.forEach(row -> claims.add(new HeldClaim(row.getUUID("id"), row.getUUID("sale_id"),
                            row.getString("customer_id"), row.getString("sku_code"), row.getString("region_code"),
                            row.getLong("price_minor"), row.getString("address_key"), ClaimStatus.of(row.getString("status")),
                            row.getOffsetDateTime("expires_at").toInstant())));
                    return claims;
                });
    }

    /** The claims now belong to the order. */
    public Uni<Void> attachToOrder(SqlClient tx, List<UUID> ids, UUID orderId) {
        return tx.preparedQuery("""
                        update flash_claim set status = 'ORDERED', order_id = $2, updated_at = now()
                        where id = any($1::uuid[]) and status = 'GRANTED'""")
                .execute(Tuple.of(ids.toArray(UUID[]::new), orderId)).replaceWithVoid();
    }

    /** Unused claims past their time go back to their pools; answers how many. */
    public Uni<Integer> expireClaims(SqlClient tx, int limit) {
        return tx.preparedQuery("""
                        select count(*) filter (where released)::int as n from (
                            select release_flash_claim(c.id, 'EXPIRED') as released from (
                                select id from flash_claim where status = 'GRANTED' and expires_at < now()
                                order by expires_at limit $1 for update skip locked) c) r""")
                .execute(Tuple.of(limit)).map(rows -> rows.iterator().next().getInteger("n"));
    }

    /** Sales that have ended give what is left in their pools back to stock; answers how many sales. */
    public Uni<Integer> settleEnded(SqlClient tx, int limit) {
        return tx.preparedQuery("""
                        select count(*)::int as n from (
                            select settle_flash_sale(id) from (
                                select id from flash_sale where settled_at is null and ends_at < now()
                                order by ends_at limit $1 for update skip locked) s) r""")
                .execute(Tuple.of(limit)).map(rows -> rows.iterator().next().getInteger("n"));
    }

    private static Sale sale(Row row) {
        return new Sale(row.getUUID("id"), row.getString("sku_code"), row.getString("slug"),
                row.getString("region_code"), row.getOffsetDateTime("starts_at").toInstant(),
                row.getOffsetDateTime("ends_at").toInstant(), row.getLong("price_minor"), row.getString("currency"),
                row.getInteger("quantity"), row.getInteger("per_customer_limit"), row.getInteger("shards"),
                row.getString("created_by"), SqlTime.instant(row.getOffsetDateTime("settled_at")));
    }
}
