package storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import storefront.Contention;
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
    void oneCheckoutWinsAndTheOthersAreToldTheCartIsAnOrder() {
        StripeMock.answerLikeStripe();
        String sku = TestSkus.create(pool, "US", 1000, 10);
        String cart = Shop.cart("US", Map.of(sku, 1));
        List<Response> answers = Contention.race(pool, "select 1 from cart where id = $1 for update",
                Tuple.of(UUID.fromString(cart)), 3,
                n -> Shop.checkout(cart, UUID.randomUUID().toString(), Shop.checkoutBody("US", "CA")));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409, 409);
        assertThat(answers).filteredOn(r -> r.statusCode() != 201)
                .extracting(r -> r.jsonPath().getString("code")).containsOnly("CART_ALREADY_CHECKED_OUT");
        assertThat(TestSkus.one(pool, "select count(*) from customer_order where cart_id = $1::uuid", cart).getLong(0))
                .isEqualTo(1);
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(10, 1);
    }
}
