package storefront.flashsale;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import storefront.Tokens;
import storefront.checkout.Shop;

/** Flash sales as tests drive them. */
public final class FlashSales {

    static final String ADMIN = Tokens.admin("flash-tests");

    private FlashSales() {
    }

    public static Response create(String sku, String region, int quantity, int limit, Instant startsAt, Instant endsAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("region", region);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("priceMinor", 4900);
        body.put("quantity", quantity);
        body.put("perCustomerLimit", limit);
        body.put("reason", "Test drop");
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/admin/flash-sales");
    }

    /** A live sale (started a minute ago, ends in an hour); answers its id. */
    static String live(String sku, String region, int quantity, int limit) {
        return create(sku, region, quantity, limit, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600))
                .then().statusCode(201).extract().path("sale.id");
    }

    public static Response claim(String token, String saleId, String key, Map<String, Object> address) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("shippingAddress", address));
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.post("/api/v1/flash-sales/{id}/claims", saleId);
    }

    /** The demo test address in China, written one way. */
    public static Map<String, Object> home() {
        return Shop.address("CN", null);
    }

    /** The same delivery point as {@link #home()}, written another way. */
    static Map<String, Object> homeWrittenDifferently() {
        Map<String, Object> address = new LinkedHashMap<>(Shop.address("CN", null));
        address.put("name", "A. Lovelace");
        address.put("line1", "1  MAIN ST.");
        address.put("city", "springfield");
        address.put("postalCode", "12 345");
        address.put("country", "cn");
        return address;
    }

    static Map<String, Object> elsewhere(int number) {
        Map<String, Object> address = new LinkedHashMap<>(Shop.address("CN", null));
        address.put("line1", number + " Main Street");
        return address;
    }
}
