package storefront.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import storefront.Tokens;
import storefront.checkout.Shop;
import storefront.inventory.TestSkus;

/**
 * Input of any kind, at any layer (path, query, header, body), is taken as
 * written or refused with a problem document that names what is wrong, and
 * nothing changes: no 5xx, no coercion, no mangled string stored.
 */
@QuarkusTest
class StrictInputTest {

    @Inject
    Pool pool;

    private static Response putQuantity(String cart, String body) {
        return given().contentType("application/json").body(body).put("/api/v1/carts/{id}/items/MI-BAND-8-BLACK", cart);
    }

    private static void refusedNaming(Response answer, String code, String field) {
        answer.then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo(code)).body("requestId", notNullValue())
                .body("errors.field", hasItem(field));
    }

    private static int lines(String cart) {
        return given().get("/api/v1/carts/{id}", cart).then().statusCode(200).extract().jsonPath()
                .getList("lines").size();
    }

    @Test
    void aMemberGivenTwiceIsAMalformedBody() {
        String cart = Shop.cart("US", Map.of());
        refusedNaming(putQuantity(cart, "{\"quantity\": 1, \"quantity\": 1}"), "MALFORMED_BODY", "quantity");
        refusedNaming(given().contentType("application/json").body("{\"region\": \"US\", \"region\": \"EU\"}")
                .post("/api/v1/carts"), "MALFORMED_BODY", "region");
        // Inside nested objects too, named by their path.
        given().contentType("application/json").header("Idempotency-Key", "dup-nested-" + cart)
                .body("{\"email\": \"a@example.com\", \"shippingAddress\": {\"country\": \"US\", \"country\": \"US\"}}")
                .post("/api/v1/carts/{id}/checkout", cart)
                .then().statusCode(400).body("code", equalTo("MALFORMED_BODY"))
                .body("errors.field", hasItem("shippingAddress.country"));
        assertThat(lines(cart)).isZero();
    }

    @Test
    void numbersFlagsAndInstantsAreNeverCoerced() {
        String cart = Shop.cart("US", Map.of());
        for (String body : List.of("{\"quantity\": 2.9}", "{\"quantity\": 2.0}", "{\"quantity\": 1e0}",
                "{\"quantity\": \"3\"}", "{\"quantity\": \"\"}", "{\"quantity\": true}", "{\"quantity\": [1]}")) {
            refusedNaming(putQuantity(cart, body), "MALFORMED_BODY", "quantity");
        }
        assertThat(lines(cart)).isZero();

        String sku = TestSkus.create(pool, "US", 1000, 5);
        String admin = Tokens.bearer(Tokens.admin("strict-input"));
        for (String delta : List.of("1.9", "\"1\"", "true")) {
            refusedNaming(given().header("Authorization", admin).contentType("application/json")
                    .body("{\"delta\": " + delta + ", \"reason\": \"count\"}")
                    .post("/api/v1/admin/stock/US/{sku}/adjustments", sku), "MALFORMED_BODY", "delta");
        }
        assertThat(TestSkus.stock(pool, sku, "US")[0]).isEqualTo(5);

        String product = TestSkus.one(pool, "select p.slug from product p join sku s on s.product_id = p.id "
                + "where s.code = $1", sku).getString(0);
        String etag = given().header("Authorization", admin).get("/api/v1/admin/products/{slug}", product)
                .then().statusCode(200).extract().header("ETag");
        refusedNaming(given().header("Authorization", admin).header("If-Match", etag).contentType("application/json")
                .body("{\"currency\": \"USD\", \"prices\": {\"" + sku + "\": 29.99}, \"reason\": \"price\"}")
                .put("/api/v1/admin/products/{slug}/prices/US", product), "MALFORMED_BODY", "prices." + sku);
        assertThat(TestSkus.one(pool, "select amount_minor from sku_price sp join sku s on s.id = sp.sku_id "
                + "where s.code = $1", sku).getLong(0)).isEqualTo(1000);

        String listingEtag = given().header("Authorization", admin)
                .get("/api/v1/admin/regions/US/products/{slug}", product).then().extract().header("ETag");
        for (String flag : List.of("2", "\"false\"", "0")) {
            refusedNaming(given().header("Authorization", admin).header("If-Match", listingEtag)
                    .contentType("application/json").body("{\"listed\": " + flag + ", \"reason\": \"flag\"}")
                    .put("/api/v1/admin/regions/US/products/{slug}/listing", product), "MALFORMED_BODY", "listed");
        }
        // An instant is an ISO 8601 string, not a number of seconds.
        refusedNaming(given().header("Authorization", admin).header("If-Match", listingEtag)
                .contentType("application/json").body("{\"availableFrom\": 1700000000, \"reason\": \"window\"}")
                .put("/api/v1/admin/regions/US/products/{slug}/launch-window", product), "MALFORMED_BODY",
                "availableFrom");
        given().header("Authorization", admin).get("/api/v1/admin/regions/US/products/{slug}", product)
                .then().header("ETag", equalTo(listingEtag));
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedWhereverTheyCome() {
        // In a JSON string, escaped or not; in a member name.
        refusedNaming(given().contentType("application/json").body("{\"region\": \"U\\u0000S\"}")
                .post("/api/v1/carts"), "MALFORMED_BODY", "region");
        refusedNaming(given().contentType("application/json").body("{\"region\": \"U\\ud800S\"}")
                .post("/api/v1/carts"), "MALFORMED_BODY", "region");
        String sku = TestSkus.create(pool, "US", 1000, 5);
        String admin = Tokens.bearer(Tokens.admin("strict-input"));
        Response refused = given().header("Authorization", admin).contentType("application/json")
                .body("{\"delta\": 1, \"reason\": \"lone \\udc00 surrogate\"}")
                .post("/api/v1/admin/stock/US/{sku}/adjustments", sku);
        refusedNaming(refused, "MALFORMED_BODY", "reason");
        assertThat(TestSkus.one(pool, "select count(*) from audit_entry where target like $1", "%" + sku + "%")
                .getLong(0)).isZero();

        // In the query and the path, percent-encoded.
        refusedNaming(given().urlEncodingEnabled(false).get("/api/v1/regions/US/products?q=a%00b"),
                "VALIDATION_FAILED", "q");
        refusedNaming(given().urlEncodingEnabled(false).get("/api/v1/regions/US%00/products"),
                "VALIDATION_FAILED", "path");
        refusedNaming(given().urlEncodingEnabled(false).get("/api/v1/stores?near=1,2&openAt=%00"),
                "VALIDATION_FAILED", "openAt");
        // A surrogate cannot be written in UTF-8 at all: its bytes are no UTF-8, and nothing is guessed.
        refusedNaming(given().urlEncodingEnabled(false).get("/api/v1/regions/US/products?q=%ED%A0%80"),
                "MALFORMED_URI", "q");
        refusedNaming(given().urlEncodingEnabled(false).get("/api/v1/regions/U%FFS"), "MALFORMED_URI", "path");
        // Well-formed text in any script is taken.
        given().urlEncodingEnabled(false).get("/api/v1/regions/EU/products?q=Kopfh%C3%B6rer")
                .then().statusCode(200);
    }

    @Test
    void aMissingRequiredParameterIsA400NamingIt() {
        refusedNaming(given().get("/api/v1/flash-sales"), "VALIDATION_FAILED", "region");
        refusedNaming(given().header("Authorization", Tokens.bearer(Tokens.admin("strict-input")))
                .get("/api/v1/admin/stock"), "VALIDATION_FAILED", "region");
        refusedNaming(given().header("Authorization", Tokens.bearer(Tokens.admin("strict-input")))
                .queryParam("reason", "x").queryParam("dryRun", "yes").contentType("text/csv").body("id\n")
                .post("/api/v1/admin/stores/import"), "VALIDATION_FAILED", "dryRun");
    }

    @Test
    void theBodyLimitHoldsForChunkedBodiesToo() throws IOException {
        String huge = "{\"region\": \"US\", \"note\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        HttpURLConnection connection = (HttpURLConnection) URI.create(
                "http://localhost:" + io.restassured.RestAssured.port + "/api/v1/carts").toURL().openConnection();
        connection.setDoOutput(true);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("X-Request-Id", "chunked-too-big");
        connection.setChunkedStreamingMode(64 * 1024);
        int status;
        String body;
        long before = TestSkus.one(pool, "select count(*) from cart").getLong(0);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(huge.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedEarly) {
            // The server may answer and close before the whole body is sent.
        }
        status = connection.getResponseCode();
        try (InputStream in = connection.getErrorStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(status).isEqualTo(413);
        assertThat(connection.getContentType()).isEqualTo("application/problem+json");
        assertThat(body).contains("\"code\":\"PAYLOAD_TOO_LARGE\"").contains("\"requestId\":\"chunked-too-big\"");
        assertThat(TestSkus.one(pool, "select count(*) from cart").getLong(0)).isEqualTo(before);
    }

    @Test
    void refusalsBelowTheApiAreProblemsWithTheRequestId() {
        given().header("X-Request-Id", "long-uri").get("/api/v1/regions/" + "a".repeat(9000))
                .then().statusCode(414).contentType("application/problem+json")
                .body("code", equalTo("URI_TOO_LONG")).body("requestId", equalTo("long-uri"));
        given().header("X-Request-Id", "big-headers").header("X-Padding", "p".repeat(17_000)).get("/api/v1/regions")
                .then().statusCode(431).contentType("application/problem+json")
                .body("code", equalTo("HEADERS_TOO_LARGE")).body("requestId", equalTo("big-headers"));
        given().header("X-Request-Id", "html-please").accept("text/html").get("/api/v1/regions")
                .then().statusCode(406).contentType("application/problem+json")
                .body("code", equalTo("NOT_ACCEPTABLE")).body("requestId", equalTo("html-please"))
                .body("detail", not(org.hamcrest.Matchers.containsString("@Produces")));
        given().header("X-Request-Id", "text-body").contentType("text/plain").body("US").post("/api/v1/carts")
                .then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE")).body("requestId", equalTo("text-body"))
                .body("detail", not(org.hamcrest.Matchers.containsString("@Consumes")));
        given().header("X-Request-Id", "no-such").get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND")).body("requestId", equalTo("no-such"));
        given().header("X-Request-Id", "cors").header("Origin", "https://elsewhere.example").get("/api/v1/regions")
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("CORS_ORIGIN_NOT_ALLOWED")).body("requestId", equalTo("cors"));
    }

    /**
     * What no HTTP client library sends (it refuses to build such a URI): a
     * {@code %} not followed by two hex digits, a raw brace or bar. The server's
     * own check would answer an empty 400; the edge answers a problem naming the part.
     */
    @Test
    void aTargetThatIsNoUriIsAProblemNamingItsPart() throws IOException {
        Map<String, String> targets = Map.of(
                "/api/v1/regions/%ZZ/products", "path",
                "/api/v1/regions/US/products?q=100%", "q",
                "/api/v1/regions/US/products?q=%G1", "q",
                "/api/v1/regions/{US}/products", "path",
                "/api/v1/regions/US/products?q=a|b", "query",
                "/api/v1/regions/US/products?q=a^b", "query");
        for (Map.Entry<String, String> target : targets.entrySet()) {
            String answer = raw("GET " + target.getKey() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Request-Id: not-a-uri\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(target.getKey()).startsWith("HTTP/1.1 400 ")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .containsIgnoringCase("x-request-id: not-a-uri")
                    .contains("\"code\":\"MALFORMED_URI\"").contains("\"requestId\":\"not-a-uri\"")
                    .contains("\"field\":\"" + target.getValue() + "\"");
        }
        // The same text, encoded, is taken.
        assertThat(raw("GET /api/v1/regions/US/products?q=a%7Cb HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ");
    }

    /** Sends {@code request} as bytes on a connection of its own and reads the whole answer. */
    private static String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void metricsLabelRoutesByTemplateWhateverPathIsSent() {
        for (int i = 0; i < 5; i++) {
            given().header("Origin", "https://elsewhere.example").get("/api/v1/regions/US/made-up-" + i)
                    .then().statusCode(403);
            given().urlEncodingEnabled(false).get("/api/v1/regions/US%00" + i).then().statusCode(400);
            given().get("/api/v1/not-a-route-" + i).then().statusCode(404);
        }
        given().get("/api/v1/regions/US").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> uris = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count"))
                .map(l -> l.replaceAll(".*uri=\"([^\"]*)\".*", "$1")).distinct().toList();
        assertThat(uris).contains("/api/v1/regions/{code}", "UNMATCHED")
                .noneMatch(uri -> uri.contains("made-up") || uri.contains("not-a-route") || uri.contains("%00"));
    }
}
