package storefront.flashsale;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import storefront.Tokens;
import storefront.checkout.ReservationSweeper;
import storefront.checkout.Shop;
import storefront.checkout.StripeMock;
import storefront.inventory.TestSkus;

/** Flash sales end to end: ops create them, shoppers claim and check out, unused claims come back. */
@QuarkusTest
class FlashSaleTest {

    @Inject
    Pool pool;
    @Inject
    ReservationSweeper sweeper;

    @Test
    void creatingASaleSetsItsUnitsAsideAndIsAudited() {
        String sku = TestSkus.create(pool, "CN", 9900, 10);
        JsonPath sale = FlashSales.create(sku, "CN", 6, 1, Instant.now().plusSeconds(600),
                Instant.now().plusSeconds(1200)).then().statusCode(201).extract().jsonPath();
        assertThat(sale.getString("sale.state")).isEqualTo("ANNOUNCED");
        assertThat(sale.getInt("remaining")).isEqualTo(6);
        assertThat(sale.getLong("sale.price.amountMinor")).isEqualTo(4900);
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(10, 6);
        assertThat(TestSkus.one(pool, "select count(*) as n from audit_entry where target = $1",
                "flash-sale:" + sale.getString("sale.id")).getLong("n")).isEqualTo(1);

        FlashSales.create(sku, "CN", 5, 1, Instant.now(), Instant.now().plusSeconds(600))
                .then().statusCode(409).body("code", equalTo("OUT_OF_STOCK"));
        FlashSales.create(sku, "CN", 1, 1, Instant.now().plusSeconds(600), Instant.now())
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        FlashSales.create(sku, "CN", 1, 11, Instant.now(), Instant.now().plusSeconds(600)).then().statusCode(400);
        given().auth().oauth2(Tokens.ops("eu-lead", "EU")).contentType("application/json")
                .body(Map.of("sku", sku, "region", "CN", "startsAt", Instant.now().toString(), "endsAt",
                        Instant.now().plusSeconds(60).toString(), "priceMinor", 1, "quantity", 1, "reason", "x"))
                .post("/api/v1/admin/flash-sales").then().statusCode(403).body("code", equalTo("REGION_NOT_IN_SCOPE"));
        assertThat(TestSkus.stock(pool, sku, "CN")).as("refusals set nothing aside").containsExactly(10, 6);

        // Announced: visible, not buyable.
        String id = sale.getString("sale.id");
        given().queryParam("region", "CN").get("/api/v1/flash-sales").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.state", equalTo("ANNOUNCED"));
        FlashSales.claim(Tokens.shopper("early-bird"), id, UUID.randomUUID().toString(), FlashSales.home())
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("NOT_STARTED"))
                .header("Retry-After", notNullValue());
    }

    @Test
    void aClaimIsGrantedOnceAndReplayedAndTheLimitHoldsPerAccountAndPerAddress() {
        String sku = TestSkus.create(pool, "CN", 9900, 10);
        String sale = FlashSales.live(sku, "CN", 5, 1);
        String ada = Tokens.shopper("ada-" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();

        JsonPath granted = FlashSales.claim(ada, sale, key, FlashSales.home()).then().statusCode(201)
                .body("status", equalTo("GRANTED")).body("sku", equalTo(sku)).extract().jsonPath();
        FlashSales.claim(ada, sale, key, FlashSales.home()).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("claimToken", equalTo(granted.getString("claimToken")));
        FlashSales.claim(ada, sale, key, FlashSales.elsewhere(7)).then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        FlashSales.claim(ada, sale, UUID.randomUUID().toString(), FlashSales.elsewhere(8)).then().statusCode(409)
                .body("code", equalTo("LIMIT_REACHED")).body("limitedBy", equalTo("account")).body("limit", equalTo(1));
        // A second account shipping to the same door, written differently.
        FlashSales.claim(Tokens.shopper("ada-2-" + UUID.randomUUID()), sale, UUID.randomUUID().toString(),
                FlashSales.homeWrittenDifferently()).then().statusCode(409).body("code", equalTo("LIMIT_REACHED"))
                .body("limitedBy", equalTo("address"));

        given().contentType("application/json").header("Idempotency-Key", "k")
                .body(Map.of("shippingAddress", FlashSales.home())).post("/api/v1/flash-sales/{id}/claims", sale)
                .then().statusCode(401);
        FlashSales.claim(Tokens.shopper("no-key"), sale, null, FlashSales.elsewhere(9)).then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        FlashSales.claim(Tokens.shopper("abroad"), sale, UUID.randomUUID().toString(), Shop.address("DE", null))
                .then().statusCode(422).body("code", equalTo("SHIPPING_COUNTRY_NOT_IN_REGION"));
        FlashSales.claim(Tokens.shopper("lost"), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                FlashSales.home()).then().statusCode(404).body("code", equalTo("FLASH_SALE_NOT_FOUND"));

        JsonPath admin = given().auth().oauth2(FlashSales.ADMIN).get("/api/v1/admin/flash-sales/{id}", sale)
                .then().statusCode(200).extract().jsonPath();
        assertThat(admin.getInt("granted")).isEqualTo(1);
        assertThat(admin.getInt("remaining")).isEqualTo(4);
    }

    @Test
    void aSaleSellsOutAtOnceAndAnExpiredClaimReturnsItsUnit() throws InterruptedException {
        String sku = TestSkus.create(pool, "CN", 9900, 10);
        String sale = FlashSales.live(sku, "CN", 2, 1);
        FlashSales.claim(Tokens.shopper("a-" + sale), sale, "k1", FlashSales.elsewhere(1)).then().statusCode(201);
        String lastToken = FlashSales.claim(Tokens.shopper("b-" + sale), sale, "k1", FlashSales.elsewhere(2))
                .then().statusCode(201).extract().path("claimToken");
        FlashSales.claim(Tokens.shopper("c-" + sale), sale, "k1", FlashSales.elsewhere(3))
                .then().statusCode(409).body("code", equalTo("SOLD_OUT"));
        given().get("/api/v1/flash-sales/{id}", sale).then().statusCode(200).body("state", equalTo("SOLD_OUT"));
        // The winner's retry with its key still replays its grant while the sale reads as sold out.
        FlashSales.claim(Tokens.shopper("b-" + sale), sale, "k1", FlashSales.elsewhere(2))
                .then().statusCode(201).body("claimToken", equalTo(lastToken));

        TestSkus.sql(pool, "update flash_claim set expires_at = now() - interval '1 second' where id = $1::uuid",
                lastToken);
        assertThat(sweeper.sweep().await().indefinitely().of(ReservationSweeper.EXPIRED_CLAIMS))
                .isGreaterThanOrEqualTo(1);
        Thread.sleep(300); // past the sold-out answer kept in memory
        FlashSales.claim(Tokens.shopper("c-" + sale), sale, "k2", FlashSales.elsewhere(3))
                .then().statusCode(201);
        // The expired claim's limit is free again, its token is not.
        FlashSales.claim(Tokens.shopper("b-" + sale), sale, "k1", FlashSales.elsewhere(2))
                .then().statusCode(201).body("status", equalTo("EXPIRED"));
    }

    @Test
    void aClaimIsCheckedOutAtTheSalePriceAndSoldWhenPaid() {
        StripeMock.answerLikeStripe();
        String sku = TestSkus.create(pool, "CN", 9900, 10);
        String sale = FlashSales.live(sku, "CN", 3, 1);
        String customer = "buyer-" + UUID.randomUUID();
        String shopper = Tokens.shopper(customer);
        String token = FlashSales.claim(shopper, sale, UUID.randomUUID().toString(), FlashSales.home())
                .then().statusCode(201).extract().path("claimToken");
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(10, 3);

        String cart = Shop.cart("CN", Map.of(sku, 1));
        Map<String, Object> body = new HashMap<>(Map.of("email", "ada@example.com", "shippingAddress",
                FlashSales.homeWrittenDifferently(), "flashClaims", List.of(token)));
        // Only the claimant, only to its address, only with the claimed quantity.
        Shop.checkout(given().auth().oauth2(Tokens.shopper("thief")), cart, UUID.randomUUID().toString(), body)
                .then().statusCode(409).body("code", equalTo("FLASH_CLAIM_INVALID"));
        Shop.checkout(cart, UUID.randomUUID().toString(), body).then().statusCode(401);
        Map<String, Object> otherAddress = new HashMap<>(body);
        otherAddress.put("shippingAddress", FlashSales.elsewhere(5));
        Shop.checkout(given().auth().oauth2(shopper), cart, UUID.randomUUID().toString(), otherAddress)
                .then().statusCode(422).body("code", equalTo("FLASH_CLAIM_ADDRESS_MISMATCH"));
        Shop.put(cart, sku, 2).then().statusCode(200);
        Shop.checkout(given().auth().oauth2(shopper), cart, UUID.randomUUID().toString(), body)
                .then().statusCode(422).body("code", equalTo("FLASH_CLAIM_QUANTITY_MISMATCH"));
        Shop.put(cart, sku, 1).then().statusCode(200);

        JsonPath order = Shop.checkout(given().auth().oauth2(shopper), cart, UUID.randomUUID().toString(), body)
                .then().statusCode(201).extract().jsonPath();
        // 49.00 sale price + 10.00 shipping, tax included.
        assertThat(order.getLong("totals.subtotal.amountMinor")).isEqualTo(4900);
        assertThat(TestSkus.stock(pool, sku, "CN")).as("no second hold for a claimed unit").containsExactly(10, 3);
        Shop.checkout(given().auth().oauth2(shopper), Shop.cart("CN", Map.of(sku, 1)), UUID.randomUUID().toString(),
                body).then().statusCode(409).body("code", equalTo("FLASH_CLAIM_INVALID")).body("reason", equalTo("ORDERED"));

        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", order.getString("payment.paymentIntentId"),
                order.getString("orderId"), order.getLong("totals.total.amountMinor"), "cny")).then().statusCode(200);
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(9, 2);
        JsonPath admin = given().auth().oauth2(FlashSales.ADMIN).get("/api/v1/admin/flash-sales/{id}", sale)
                .then().statusCode(200).extract().jsonPath();
        assertThat(admin.getInt("sold")).isEqualTo(1);
        assertThat(admin.getInt("remaining")).isEqualTo(2);
    }

    @Test
    void claimsOfOneSkuFromTwoSalesAreNotMixedInOneLine() {
        String sku = TestSkus.create(pool, "CN", 9900, 10);
        String first = FlashSales.live(sku, "CN", 2, 1);
        String second = FlashSales.live(sku, "CN", 2, 1);
        String shopper = Tokens.shopper("twice-" + UUID.randomUUID());
        String a = FlashSales.claim(shopper, first, UUID.randomUUID().toString(), FlashSales.home())
                .then().statusCode(201).extract().path("claimToken");
        String b = FlashSales.claim(shopper, second, UUID.randomUUID().toString(), FlashSales.home())
                .then().statusCode(201).extract().path("claimToken");
        Shop.checkout(given().auth().oauth2(shopper), Shop.cart("CN", Map.of(sku, 2)), UUID.randomUUID().toString(),
                Map.of("email", "twice@example.com", "shippingAddress", FlashSales.home(), "flashClaims", List.of(a, b)))
                .then().statusCode(422).body("code", equalTo("FLASH_CLAIMS_FROM_SEVERAL_SALES"));
        assertThat(TestSkus.one(pool, "select count(*) as n from flash_claim where id in ($1::uuid, $2::uuid) "
                + "and status = 'GRANTED'", a, b).getLong("n")).as("both claims still held").isEqualTo(2);
    }

    @Test
    void anExpiredOrderGivesItsClaimedUnitBackToTheSaleAndAnEndedSaleGivesTheRestToStock() {
        StripeMock.answerLikeStripe();
        String sku = TestSkus.create(pool, "CN", 9900, 10);
        String sale = FlashSales.live(sku, "CN", 3, 1);
        String shopper = Tokens.shopper("slow-" + UUID.randomUUID());
        String token = FlashSales.claim(shopper, sale, UUID.randomUUID().toString(), FlashSales.home())
                .then().statusCode(201).extract().path("claimToken");
        JsonPath order = Shop.checkout(given().auth().oauth2(shopper), Shop.cart("CN", Map.of(sku, 1)),
                UUID.randomUUID().toString(), Map.of("email", "slow@example.com", "shippingAddress", FlashSales.home(),
                        "flashClaims", List.of(token))).then().statusCode(201).extract().jsonPath();
        TestSkus.runOut(pool, order.getString("orderId"));
        sweeper.sweep().await().indefinitely();
        assertThat(TestSkus.one(pool, "select status from flash_claim where id = $1::uuid", token)
                .getString("status")).isEqualTo("RELEASED");
        JsonPath admin = given().auth().oauth2(FlashSales.ADMIN).get("/api/v1/admin/flash-sales/{id}", sale)
                .then().statusCode(200).extract().jsonPath();
        assertThat(admin.getInt("remaining")).isEqualTo(3);
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(10, 3);

        // The sale ends: claims are refused and what is left goes back to stock.
        TestSkus.sql(pool, "update flash_sale set starts_at = now() - interval '2 hours', "
                + "ends_at = now() - interval '1 second' where id = $1::uuid", sale);
        FlashSales.claim(Tokens.shopper("too-late"), sale, UUID.randomUUID().toString(), FlashSales.elsewhere(4))
                .then().statusCode(409).body("code", equalTo("ENDED"));
        sweeper.sweep().await().indefinitely();
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(10, 0);
        given().get("/api/v1/flash-sales/{id}", sale).then().statusCode(200).body("state", equalTo("ENDED"));
    }

    @Test
    void oneClientCannotFloodTheClaims() {
        String sku = TestSkus.create(pool, "CN", 9900, 10);
        String sale = FlashSales.live(sku, "CN", 5, 1);
        String bot = Tokens.shopper("bot-" + UUID.randomUUID());
        Response limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            Response r = FlashSales.claim(bot, sale, UUID.randomUUID().toString(), FlashSales.elsewhere(100 + i));
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertThat(limited).as("a 429 within 20 rapid claims").isNotNull();
        limited.then().contentType("application/problem+json").body("code", equalTo("CLAIM_RATE_LIMITED"))
                .header("Retry-After", notNullValue());
        // Another shopper is not affected.
        FlashSales.claim(Tokens.shopper("human-" + UUID.randomUUID()), sale, UUID.randomUUID().toString(),
                FlashSales.elsewhere(200)).then().statusCode(201);
    }
}
