package storefront.fulfilment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import storefront.checkout.Shop;
import storefront.inventory.TestSkus;
import storefront.ops.Ops;

/**
 * A paid order is allocated to the region's stock locations: the nearest that
 * holds every line, split nearest first when none does; the region's stock is
 * the sum of what its locations hold unallocated, and concurrent payments never
 * allocate a unit twice.
 */
@QuarkusTest
class AllocationFlowTest {

    @Inject
    Pool pool;

    @Test
    void anOrderNoLocationHoldsWhollyIsSplitNearestFirst() {
        // 2 at the main warehouse (Reno, NV), 3 at the east warehouse (Newark, NJ).
        String sku = TestSkus.create(pool, "US", 2500, 2);
        TestSkus.stockAt(pool, "wh-us-east", sku, 3);
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(5, 0);

        JsonPath split = Shop.paid(Shop.placeOrder("US", Map.of(sku, 4), "US", "NJ"), "usd");
        JsonPath order = Shop.order(split);
        assertThat(order.getList("fulfilments.location")).containsExactly("wh-us-east", "wh-us");
        assertThat(order.getList("fulfilments.lines[0].quantity")).containsExactly(3);
        assertThat(order.getList("fulfilments.lines[1].quantity")).containsExactly(1);
        assertThat(order.getList("fulfilments.status")).containsExactly("ALLOCATED", "ALLOCATED");
        assertThat(order.getList("fulfilments.kind")).containsExactly("SHIPMENT", "SHIPMENT");
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(1, 0);
        assertThat(TestSkus.located(pool, sku)).containsExactly("wh-us 2/1", "wh-us-east 3/3");
        assertThat(allocatedEvents(order.getString("number"))).isEqualTo(2);

        // One unit left, at the main warehouse: a one-unit order to New Jersey takes it from there.
        JsonPath whole = Shop.order(Shop.paid(Shop.placeOrder("US", Map.of(sku, 1), "US", "NJ"), "usd"));
        assertThat(whole.getList("fulfilments.location")).containsExactly("wh-us");
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(0, 0);
        assertThat(TestSkus.located(pool, sku)).containsExactly("wh-us 2/2", "wh-us-east 3/3");
    }

    @Test
    void theNearestLocationHoldingEveryLineTakesTheWholeOrder() {
        String sku = TestSkus.create(pool, "US", 2500, 4);
        TestSkus.stockAt(pool, "wh-us-east", sku, 4);
        // New Jersey: the east warehouse; California: neither state matches, so the main warehouse.
        assertThat(Shop.order(Shop.paid(Shop.placeOrder("US", Map.of(sku, 2), "US", "NJ"), "usd"))
                .getList("fulfilments.location")).containsExactly("wh-us-east");
        assertThat(Shop.order(Shop.paid(Shop.placeOrder("US", Map.of(sku, 2), "US", "CA"), "usd"))
                .getList("fulfilments.location")).containsExactly("wh-us");
        // An unpaid order has no fulfilment.
        assertThat(Shop.order(Shop.placeOrder("US", Map.of(sku, 1), "US", "CA")).getList("fulfilments")).isEmpty();
    }

    @Test
    void concurrentPaymentsNeverAllocateAUnitTwice() {
        String sku = TestSkus.create(pool, "US", 2500, 3);
        TestSkus.stockAt(pool, "wh-us-east", sku, 3);
        List<JsonPath> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(Shop.placeOrder("US", Map.of(sku, 1), "US", i % 2 == 0 ? "NJ" : "CA"));
        }
        Shop.checkout(Shop.cart("US", Map.of(sku, 1)), java.util.UUID.randomUUID().toString(),
                Shop.checkoutBody("US", "CA")).then().statusCode(409).body("code", equalTo("OUT_OF_STOCK"));
        CompletableFuture.allOf(orders.stream().map(o -> CompletableFuture.runAsync(() -> Shop.paid(o, "usd")))
                .toArray(CompletableFuture[]::new)).join();
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(0, 0);
        assertThat(TestSkus.located(pool, sku)).containsExactly("wh-us 3/3", "wh-us-east 3/3");
        for (JsonPath order : orders) {
            assertThat(Shop.order(order).getList("fulfilments.lines[0].quantity")).containsExactly(1);
        }
    }

    @Test
    void aRegionWideCountMovesTheMainWarehouseOnly() {
        String sku = TestSkus.create(pool, "US", 2500, 2);
        TestSkus.stockAt(pool, "wh-us-east", sku, 5);
        String path = "/api/v1/admin/stock/{region}/{sku}";
        String etag = given().auth().oauth2(Ops.ADMIN).get(path, "US", sku).then().statusCode(200)
                .body("onHand", equalTo(7)).extract().header("ETag");
        // 5 of the 7 are in Newark: a count of 4 would need the main warehouse to go below zero.
        given().auth().oauth2(Ops.ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("onHand", 4, "reason", "count")).put(path, "US", sku)
                .then().statusCode(409).body("code", equalTo("STOCK_AT_OTHER_LOCATIONS"))
                .body("atMainWarehouse", equalTo(2));
        assertThat(TestSkus.located(pool, sku)).containsExactly("wh-us 2/0", "wh-us-east 5/0");
        given().auth().oauth2(Ops.ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("onHand", 9, "reason", "delivery counted")).put(path, "US", sku)
                .then().statusCode(200).body("onHand", equalTo(9));
        assertThat(TestSkus.located(pool, sku)).containsExactly("wh-us 4/0", "wh-us-east 5/0");
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("delta", -4, "reason", "damaged")).post(path + "/adjustments", "US", sku)
                .then().statusCode(200).body("onHand", equalTo(5));
        assertThat(TestSkus.located(pool, sku)).containsExactly("wh-us 0/0", "wh-us-east 5/0");
    }

    private long allocatedEvents(String number) {
        return pool.preparedQuery("""
                        select count(*) from outbox_event where type = 'storefront.fulfilment.allocated'
                        and subject = $1""").execute(Tuple.of("order/" + number)).await().indefinitely()
                .iterator().next().getLong(0);
    }
}
