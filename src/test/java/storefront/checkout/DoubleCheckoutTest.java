package storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import storefront.Await;
import storefront.inventory.TestSkus;

/**
 * A double-clicked Pay button: checkouts of one cart at the same moment under
 * different Idempotency-Keys. One places the order; every other one is told the
 * cart is already an order (409 CART_ALREADY_CHECKED_OUT), never a 500.
 */
@QuarkusTest
@QuarkusTestResource(StripeMock.class)
class DoubleCheckoutTest {

    @Inject
    Pool pool;

    @Test
    void oneCheckoutWinsAndTheOthersAreToldTheCartIsAnOrder() throws Exception {
        StripeMock.answerLikeStripe();
        String sku = TestSkus.create(pool, "US", 1000, 10);
        String cart = Shop.cart("US", Map.of(sku, 1));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<Future<Response>> sent = new ArrayList<>();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            // Hold the cart while the three checkouts arrive, so that all of them are under way together.
            Transaction holding = connection.begin().await().indefinitely();
            connection.preparedQuery("select 1 from cart where id = $1 for update").execute(Tuple.of(UUID.fromString(cart)))
                    .await().indefinitely();
            for (int i = 0; i < 3; i++) {
                sent.add(threads.submit(() -> Shop.checkout(cart, UUID.randomUUID().toString(),
                        Shop.checkoutBody("US", "CA"))));
            }
            Await.until("every checkout waits on the cart", () -> TestSkus.one(pool, "select count(*) from "
                    + "pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' "
                    + "and state = 'active'").getLong(0) >= 3);
            holding.commit().await().indefinitely();
        } finally {
            connection.close().await().indefinitely();
        }
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Future<Response> answer : sent) {
            Response response = answer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() != 201) {
                codes.add(response.jsonPath().getString("code"));
            }
        }
        threads.shutdownNow();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409);
        assertThat(codes).containsOnly("CART_ALREADY_CHECKED_OUT");
        assertThat(TestSkus.one(pool, "select count(*) from customer_order where cart_id = $1::uuid", cart).getLong(0))
                .isEqualTo(1);
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(10, 1);
    }
}
