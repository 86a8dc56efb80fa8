package storefront.flashsale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import storefront.ShortTimeouts;
import storefront.Await;
import storefront.LogCapture;
import storefront.Tokens;
import storefront.edge.EdgeFilters;
import storefront.inventory.TestSkus;

/**
 * A batch the database holds up (here: its units locked by another
 * transaction) costs its claims their request timeout, not the sale: the
 * claims after it are decided while it still waits, and what it does once let
 * go is replayed to the shopper who asks again with the same key. The claim's
 * own late answer, which finds its 503 already sent, is logged as a line, not
 * as a server error.
 */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
class ClaimBatchTimeoutTest {

    @Inject
    Pool pool;

    @Test
    void aBatchHeldUpInTheDatabaseDoesNotHoldUpTheClaimsAfterIt() {
        String sku = TestSkus.create(pool, "CN", 9900, 10);
        String sale = FlashSales.live(sku, "CN", 2, 1);
        String ann = Tokens.shopper("held-up-ann-" + sale);
        String bob = Tokens.shopper("held-up-bob-" + sale);
        FlashSales.claim(ann, sale, "a1", FlashSales.elsewhere(1)).then().statusCode(201);

        try (LogCapture serverErrors = LogCapture.of("io.quarkus.vertx.http.runtime.QuarkusErrorHandler");
             LogCapture edge = LogCapture.of(EdgeFilters.class.getName())) {
            SqlConnection locker = pool.getConnection().await().indefinitely();
            Transaction tx = locker.begin().await().indefinitely();
            try {
                locker.preparedQuery("select shard from flash_sale_shard where sale_id = $1 for update")
                        .execute(Tuple.of(UUID.fromString(sale))).await().indefinitely();
                // Bob's batch needs the unit left, which the lock holds: it waits in the database.
                FlashSales.claim(bob, sale, "b1", FlashSales.elsewhere(2)).then().statusCode(503)
                        .body("code", equalTo("REQUEST_TIMEOUT"));
                // Ann's second claim needs no unit: her limit refuses it, in a batch of its own.
                FlashSales.claim(ann, sale, "a2", FlashSales.elsewhere(1)).then().statusCode(409)
                        .body("code", equalTo("LIMIT_REACHED"));
            } finally {
                tx.rollback().await().indefinitely();
                locker.close().await().indefinitely();
            }
            // Bob's claim gets its own answer when its batch gives up too, a moment after his 503.
            Await.until("the held-up claim's late answer noted", () -> !edge.records().isEmpty());
            assertThat(serverErrors.records()).noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue());
            assertThat(edge.records()).map(LogRecord::getMessage).anySatisfy(m -> assertThat(m)
                    .contains("/claims: its answer came after the request was answered 503"));
        }
        // Let go, Bob's batch took the unit; his retry with the key replays it.
        var replay = FlashSales.claim(bob, sale, "b1", FlashSales.elsewhere(2));
        for (int i = 0; i < 10 && replay.statusCode() != 201; i++) {
            Await.pause(500);  // his first claim may still be finishing
            replay = FlashSales.claim(bob, sale, "b1", FlashSales.elsewhere(2));
        }
        replay.then().statusCode(201).header("Idempotent-Replayed", "true").body("status", equalTo("GRANTED"));
        assertThat(TestSkus.one(pool, "select count(*) as n from flash_claim where sale_id = $1",
                UUID.fromString(sale)).getLong("n")).isEqualTo(2);
    }
}
