package storefront.sellers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import storefront.Tokens;
import storefront.inventory.TestSkus;
import storefront.ops.Ops;

/**
 * Seller verification against the registry (the demo sellers and sellers
 * made here), its signed answers, and the registry ops keep.
 */
@QuarkusTest
class SellerRegistryTest {

    static final String VERIFY = "/api/v1/sellers/verify";

    @Inject
    Pool pool;

    static JsonPath verify(String query) {
        return given().get(VERIFY + "?" + query).then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> seller(String kind, List<String> regions, String since, String until, String status,
                                      List<Map<String, Object>> domains, List<Map<String, Object>> storefronts) {
        Map<String, Object> seller = new LinkedHashMap<>();
        seller.put("name", "Test Seller");
        seller.put("kind", kind);
        seller.put("regions", regions);
        seller.put("authorizedSince", since);
        seller.put("authorizedUntil", until);
        seller.put("status", status);
        seller.put("domains", domains);
        seller.put("storefronts", storefronts);
        seller.put("reason", "Contract signed");
        return seller;
    }

    static Response put(String token, String id, Map<String, Object> seller) {
        return Ops.asRead(token, "/api/v1/admin/sellers/{id}", id).contentType(ContentType.JSON).body(seller)
                .put("/api/v1/admin/sellers/{id}", id);
    }

    @Test
    void theBrandsOwnDomainsAndTheirSubdomainsAreOfficial() {
        for (String domain : List.of("mi.com", "WWW.MI.COM", "store.mi.com", "https://www.mi.com/in/product?id=1",
                "xiaomi.com.")) {
            JsonPath answer = verify("domain=" + domain);
            assertThat(answer.getString("verdict")).as(domain).isEqualTo("OFFICIAL");
            assertThat(answer.getString("seller.id")).isEqualTo("mi-official");
            assertThat(answer.getString("reason")).isNull();
        }
        assertThat(verify("domain=store.mi.com").getString("matchedDomain")).isEqualTo("mi.com");
        assertThat(verify("domain=store.mi.com").getString("domain")).isEqualTo("store.mi.com");
    }

    @Test
    void anAuthorizedResellerComesWithRegionsAndValidity() {
        JsonPath answer = verify("domain=www.KaveriDigital.in");
        assertThat(answer.getString("verdict")).isEqualTo("AUTHORIZED");
        assertThat(answer.getString("domain")).isEqualTo("kaveridigital.in");
        assertThat(answer.getList("seller.regions")).containsExactly("IN");
        assertThat(answer.getString("seller.authorizedSince")).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(answer.getString("seller.authorizedUntil")).isEqualTo("2027-12-31T23:59:59Z");
        assertThat(answer.getString("checkedAt")).isNotBlank();

        JsonPath subdomain = verify("domain=deals.kaveridigital.in");
        assertThat(subdomain.getString("verdict")).isEqualTo("NOT_AUTHORIZED");
        assertThat(subdomain.getString("reason")).isEqualTo("SUBDOMAIN_NOT_COVERED");
        assertThat(subdomain.getString("hint")).contains("kaveridigital.in is registered");
        // A shop on a shared host does not vouch for its neighbours
        assertThat(verify("domain=kaveri.shops.example").getString("verdict")).isEqualTo("AUTHORIZED");
        assertThat(verify("domain=mallory.shops.example").getString("reason")).isEqualTo("NOT_IN_REGISTRY");
    }

    @Test
    void revokedSuspendedExpiredAndFutureSellersAreNotAuthorized() {
        JsonPath revoked = verify("domain=gadgetbazaar.in");
        assertThat(revoked.getString("verdict")).isEqualTo("NOT_AUTHORIZED");
        assertThat(revoked.getString("reason")).isEqualTo("REVOKED");
        assertThat(revoked.getString("seller.status")).isEqualTo("REVOKED");

        put(Ops.ADMIN, "test-expired", seller("AUTHORIZED", List.of("EU"), "2020-01-01T00:00:00Z",
                "2021-01-01T00:00:00Z", null, List.of(Map.of("domain", "expired-shop.example")), List.of()))
                .then().statusCode(201);
        put(Ops.ADMIN, "test-future", seller("AUTHORIZED", List.of("EU"), "2099-01-01T00:00:00Z", null, null,
                List.of(Map.of("domain", "future-shop.example")), List.of())).then().statusCode(201);
        put(Ops.ADMIN, "test-suspended", seller("AUTHORIZED", List.of("EU"), "2020-01-01T00:00:00Z", null,
                "SUSPENDED", List.of(Map.of("domain", "paused-shop.example")), List.of())).then().statusCode(201);
        assertThat(verify("domain=expired-shop.example").getString("reason")).isEqualTo("EXPIRED");
        assertThat(verify("domain=future-shop.example").getString("reason")).isEqualTo("NOT_YET_AUTHORIZED");
        assertThat(verify("domain=paused-shop.example").getString("reason")).isEqualTo("SUSPENDED");
    }

    @Test
    void aBrandNameInAnUnknownDomainIsNoProof() {
        JsonPath answer = verify("domain=xiaomi-official-store.shop");
        assertThat(answer.getString("verdict")).isEqualTo("NOT_AUTHORIZED");
        assertThat(answer.getString("reason")).isEqualTo("LOOK_ALIKE");
        assertThat(answer.getString("hint")).contains("\"xiaomi\"").contains("not a proof");
        assertThat(answer.getString("seller")).isNull();
        // Cyrillic letters that pass for Latin ones, sent as Unicode
        assertThat(verify("domain=xіaomі.com").getString("reason")).isEqualTo("LOOK_ALIKE");
        assertThat(verify("domain=xіaomі.com").getString("domain")).startsWith("xn--");
        assertThat(verify("domain=example.com").getString("reason")).isEqualTo("NOT_IN_REGISTRY");
    }

    @Test
    void marketplaceStorefronts() {
        JsonPath answer = verify("marketplace=Amazon.IN&storeId=A2KAVERIDIGI01");
        assertThat(answer.getString("verdict")).isEqualTo("AUTHORIZED");
        assertThat(answer.getString("marketplace")).isEqualTo("amazon.in");
        assertThat(answer.getString("seller.id")).isEqualTo("kaveri-digital");
        assertThat(verify("marketplace=tmall.com&storeId=xiaomi").getString("verdict")).isEqualTo("OFFICIAL");
        assertThat(verify("marketplace=amazon.in&storeId=a2kaveridigi01").getString("reason"))
                .as("store ids are compared as the marketplace writes them").isEqualTo("NOT_IN_REGISTRY");
    }

    @Test
    void badQuestionsAre400() {
        given().get(VERIFY).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItems("domain"));
        given().get(VERIFY + "?domain=mi.com&marketplace=amazon.in&storeId=1").then().statusCode(400)
                .body("errors.field", hasItems("domain"));
        given().get(VERIFY + "?marketplace=amazon.in").then().statusCode(400).body("errors.field", hasItems("storeId"));
        given().get(VERIFY + "?storeId=1").then().statusCode(400).body("errors.field", hasItems("marketplace"));
        for (String domain : List.of("not a domain", "10.0.0.1", "localhost")) {
            given().queryParam("domain", domain).get(VERIFY).then().statusCode(400)
                    .body("errors.field", hasItems("domain"));
        }
    }

    /** The answer's signature verifies with the published key over the exact body, and fails on any change. */
    @Test
    void theAnswerIsSignedWithThePublishedKey() throws Exception {
        Response response = given().get(VERIFY + "?domain=kaveridigital.in");
        response.then().statusCode(200).header("Cache-Control", "no-store");
        byte[] body = response.asByteArray();
        String signature = response.header("X-JWS-Signature");
        assertThat(signature).matches("^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$");

        String keys = given().get("/api/v1/sellers/signing-keys").then().statusCode(200)
                .header("Cache-Control", containsString("max-age")).extract().asString();
        List<JsonWebKey> published = new JsonWebKeySet(keys).getJsonWebKeys();
        assertThat(published).hasSize(1);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(signature);
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(published.get(0).getKeyId());
        // Detached payload: the body, base64url-encoded, goes where the empty middle part is
        jws.setEncodedPayload(Base64.getUrlEncoder().withoutPadding().encodeToString(body));
        jws.setKey(published.get(0).getKey());
        assertThat(jws.verifySignature()).isTrue();

        String forged = new String(body, StandardCharsets.UTF_8).replace("\"AUTHORIZED\"", "\"OFFICIAL\"");
        JsonWebSignature tampered = new JsonWebSignature();
        tampered.setCompactSerialization(signature);
        tampered.setEncodedPayload(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)));
        tampered.setKey(published.get(0).getKey());
        assertThat(tampered.verifySignature()).isFalse();
    }

    @Test
    void opsKeepTheRegistryAudited() {
        String inOps = Tokens.ops("ops-in", "IN");
        Map<String, Object> reseller = seller("AUTHORIZED", List.of("in"), "2025-01-01T00:00:00Z", null, null,
                List.of(Map.of("domain", "WWW.Lotus-Phones.in", "includeSubdomains", false)),
                List.of(Map.of("marketplace", "flipkart.com", "storeId", "LOTUS01")));
        put(inOps, "lotus-phones", reseller).then().statusCode(201)
                .body("regions", contains("IN")).body("domains[0].domain", equalTo("lotus-phones.in"))
                .body("authorizedUntil", nullValue());
        put(inOps, "lotus-phones", reseller).then().statusCode(200);
        assertThat(verify("domain=lotus-phones.in").getString("verdict")).isEqualTo("AUTHORIZED");
        assertThat(verify("marketplace=flipkart.com&storeId=LOTUS01").getString("seller.id")).isEqualTo("lotus-phones");

        reseller.put("status", "SUSPENDED");
        put(inOps, "lotus-phones", reseller).then().statusCode(200).body("status", equalTo("SUSPENDED"));
        assertThat(verify("domain=lotus-phones.in").getString("reason")).isEqualTo("SUSPENDED");
        assertThat(TestSkus.one(pool, "select count(*) from audit_entry where target = 'seller:lotus-phones'")
                .getLong(0)).as("created, suspended").isEqualTo(2);
        assertThat(TestSkus.one(pool, "select after ->> 'status' from audit_entry where target = 'seller:lotus-phones'"
                + " and action = 'UPDATE_SELLER'").getString(0)).isEqualTo("SUSPENDED");

        // A domain or storefront has one seller
        put(Ops.ADMIN, "lotus-copy", seller("AUTHORIZED", List.of("IN"), "2025-01-01T00:00:00Z", null, null,
                List.of(Map.of("domain", "lotus-phones.in")), List.of())).then().statusCode(409)
                .body("code", equalTo("SELLER_IDENTITY_TAKEN"))
                .body("taken", contains("domain lotus-phones.in: lotus-phones"));
        // Scopes: another region's ops, and official sellers, are refused
        put(Tokens.ops("ops-cn", "CN"), "lotus-phones", reseller).then().statusCode(403)
                .body("code", equalTo("REGION_NOT_IN_SCOPE"));
        put(inOps, "fake-official", seller("OFFICIAL", List.of("IN"), "2025-01-01T00:00:00Z", null, null,
                List.of(), List.of())).then().statusCode(403).body("code", equalTo("ROLE_NOT_ALLOWED"));
        // Bad input
        put(Ops.ADMIN, "bad-seller", seller("AUTHORIZED", List.of("XX"), "2025-01-01T00:00:00Z",
                "2024-01-01T00:00:00Z", null, List.of(Map.of("domain", "not a domain"), Map.of("domain", "a.example"),
                        Map.of("domain", "www.a.example")), List.of())).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("regions", "authorizedUntil", "domains[0].domain", "domains[2].domain"));
        given().auth().oauth2(Tokens.auditor("reader")).get("/api/v1/admin/sellers").then().statusCode(200)
                .body("sellers.id", hasItems("mi-official", "lotus-phones"));
        given().auth().oauth2(Tokens.auditor("reader")).get("/api/v1/admin/sellers/nope").then().statusCode(404)
                .body("code", equalTo("SELLER_NOT_FOUND"));
    }
}
