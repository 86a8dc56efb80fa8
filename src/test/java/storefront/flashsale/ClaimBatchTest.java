package storefront.flashsale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import storefront.flashsale.FlashSaleRepository.ClaimAttempt;
import storefront.flashsale.FlashSaleRepository.ClaimOutcome;
import storefront.inventory.TestSkus;

/**
 * One batch of claims in the database (claim_flash_units): each claim gets the
 * answer it would get alone, or RETRY when the batch holds an earlier claim of
 * its account or address, and what a refused claim touched is given back.
 */
@QuarkusTest
class ClaimBatchTest {

    private static final Duration TTL = Duration.ofMinutes(10);

    @Inject
    Pool pool;
    @Inject
    FlashSaleRepository sales;

    @Test
    void aBatchGrantsWhatIsLeftAndAnswersTheRestAsEachWouldBeAnsweredAlone() {
        String sku = TestSkus.create(pool, "CN", 9900, 10);
        UUID sale = UUID.fromString(FlashSales.live(sku, "CN", 3, 1));
        ClaimAttempt ann = attempt("ann", "addr-1", "k1");
        List<ClaimOutcome> first = claim(sale, 0,
                ann,
                attempt("ann", "addr-2", "k2"),    // the same account again
                attempt("bob", "addr-1", "k1"),    // the same address again
                attempt("cid", "addr-3", "k1"));
        assertThat(outcomes(first)).containsExactly("GRANTED", "RETRY", "RETRY", "GRANTED");
        assertThat(first.get(0).claimId()).isEqualTo(ann.claimId());
        assertThat(first.get(0).expiresAt()).isAfter(Instant.now().plus(TTL).minusSeconds(60));

        List<ClaimOutcome> second = claim(sale, 1,
                attempt("ann", "addr-1", "k1"),    // ann's claim again: replayed
                attempt("ann", "addr-9", "k1"),    // her key for another address
                attempt("ann", "addr-4", "k3"),    // ann again, with a new key: over her limit
                attempt("dan", "addr-3", "k1"),    // cid's address: over its limit
                attempt("eve", "addr-5", "k1"),    // the last unit
                attempt("fay", "addr-6", "k1"));   // none left
        assertThat(outcomes(second)).containsExactly("REPLAYED", "KEY_REUSED", "RETRY", "LIMIT_REACHED_ADDRESS",
                "GRANTED", "SOLD_OUT");
        assertThat(second.get(0).claimId()).isEqualTo(ann.claimId());
        assertThat(outcomes(claim(sale, 2, attempt("ann", "addr-9", "k1"), attempt("ann", "addr-4", "k3"))))
                .containsExactly("KEY_REUSED", "RETRY");
        assertThat(outcomes(claim(sale, 0, attempt("ann", "addr-4", "k3")))).containsExactly("LIMIT_REACHED_ACCOUNT");

        Row db = TestSkus.one(pool, """
                select (select sum(remaining) from flash_sale_shard where sale_id = $1) as remaining,
                       (select count(*) from flash_claim where sale_id = $1) as claims,
                       (select string_agg(replace(buyer_key, '-' || $2, ''), ',' order by buyer_key)
                        from flash_sale_buyer where sale_id = $1 and held > 0) as holders,
                       (select count(*) from flash_sale_buyer where sale_id = $1 and held > 1) as over_limit""",
                sale, run);
        assertThat(db.getLong("remaining")).isZero();
        assertThat(db.getLong("claims")).isEqualTo(3);
        assertThat(db.getString("holders")).as("refused claims hold nothing")
                .isEqualTo("account:ann,account:cid,account:eve,address:addr-1,address:addr-3,address:addr-5");
        assertThat(db.getLong("over_limit")).isZero();
    }

    @Test
    void aBatchTakesItsUnitsFromSeveralShardsWhenOneRunsShort() {
        String sku = TestSkus.create(pool, "CN", 9900, 10);
        UUID sale = UUID.fromString(FlashSales.live(sku, "CN", 4, 1));   // four shards of one unit
        List<ClaimOutcome> batch = claim(sale, 2, attempt("a", "1", "k"), attempt("b", "2", "k"),
                attempt("c", "3", "k"));
        assertThat(outcomes(batch)).containsExactly("GRANTED", "GRANTED", "GRANTED");
        Row db = TestSkus.one(pool, """
                select (select string_agg(shard::text, ',' order by shard) from flash_sale_shard
                        where sale_id = $1 and remaining > 0) as left_in,
                       (select string_agg(shard::text, ',' order by customer_id) from flash_claim
                        where sale_id = $1) as taken_from""", sale);
        assertThat(db.getString("left_in")).as("the shard before the starting one").isEqualTo("1");
        assertThat(db.getString("taken_from")).isEqualTo("2,3,0");
    }

    @Test
    void aSaleThatHasNotStartedGrantsNothing() {
        String sku = TestSkus.create(pool, "CN", 9900, 10);
        UUID sale = UUID.fromString(FlashSales.create(sku, "CN", 2, 1, Instant.now().plusSeconds(600),
                Instant.now().plusSeconds(1200)).then().statusCode(201).extract().path("sale.id"));
        assertThat(outcomes(claim(sale, 0, attempt("a", "1", "k"), attempt("b", "2", "k"))))
                .containsExactly("NOT_STARTED", "NOT_STARTED");
        assertThat(outcomes(claim(UUID.randomUUID(), 0, attempt("a", "1", "k")))).containsExactly("NOT_FOUND");
        assertThat(TestSkus.one(pool, "select count(*) as n from flash_sale_buyer where sale_id = $1", sale)
                .getLong("n")).isZero();
    }

    @Test
    void aBatchSizeThatCannotWorkStopsTheStartWithAReadableMessage() {
        FlashSaleConfig batchOfNone = new FlashSaleConfig() {
            public int shards() {
                return 16;
            }

            public int claimBatch() {
                return 0;
            }

            public int claimMinutes() {
                return 10;
            }

            public long soldOutRecheckMs() {
                return 1000;
            }

            public RateLimit rateLimit() {
                return null;
            }
        };
        assertThatThrownBy(() -> new ClaimBatcher(pool, sales, batchOfNone, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FLASH_CLAIM_BATCH").hasMessageContaining("between 1 and 1000, not 0");
    }

    private List<ClaimOutcome> claim(UUID sale, int startShard, ClaimAttempt... attempts) {
        return sales.claim(pool, sale, List.of(attempts), startShard, TTL).await().indefinitely();
    }

    /** Customers are made unique to the test run, so runs do not meet each other's claims. */
    private final String run = UUID.randomUUID().toString();

    private ClaimAttempt attempt(String customer, String address, String key) {
        return new ClaimAttempt(UUID.randomUUID(), customer + "-" + run, address + "-" + run, key);
    }

    private static List<String> outcomes(List<ClaimOutcome> outcomes) {
        return outcomes.stream().map(outcome -> outcome.outcome().name()).toList();
    }
}
