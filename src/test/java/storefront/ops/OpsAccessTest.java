package storefront.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import storefront.Tokens;

/** Who may do what: no token 401, a wrong role or region 403, and the shopper catalog stays public. */
@QuarkusTest
class OpsAccessTest {

    static final String STATUS = "/api/v1/admin/regions/{r}/status";

    static Map<String, Object> close(String reason) {
        return Map.of("open", false, "reason", reason);
    }

    @Test
    void noTokenIs401WithAProblem() {
        given().get(STATUS, "US").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("AUTHENTICATION_REQUIRED"));
        given().contentType(ContentType.JSON).body(close("x")).put(STATUS, "US").then().statusCode(401)
                .body("code", equalTo("AUTHENTICATION_REQUIRED"));
        given().get("/api/v1/admin/audit").then().statusCode(401);
    }

    @Test
    void aTokenWeDoNotTrustIs401() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreignKey = Tokens.token("mallory", "ops-admin", List.of(), Tokens.ISSUER,
                generator.generateKeyPair().getPrivate(), 3600);
        String otherIssuer = Tokens.token("mallory", "ops-admin", List.of(), "https://elsewhere.example",
                Tokens.devKey(), 3600);
        String expired = Tokens.token("mallory", "ops-admin", List.of(), Tokens.ISSUER, Tokens.devKey(), -600);
        for (String token : List.of(foreignKey, otherIssuer, expired, "not-a-jwt")) {
            given().auth().oauth2(token).get(STATUS, "US").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                    .body("code", equalTo("INVALID_TOKEN"));
        }
    }

    @Test
    void aTokenIsTakenUpToTheDocumentedLeewayPastItsExpiry() {
        // JWT_CLOCK_SKEW_SECONDS, 60 by default: 30 s past exp is within it, 90 s past is not.
        given().auth().oauth2(Tokens.expiredAgo("drift", 30)).get(STATUS, "US").then().statusCode(200);
        given().auth().oauth2(Tokens.expiredAgo("drift", 90))
                .get(STATUS, "US").then().statusCode(401).body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void theShopperCatalogStaysPublicWhateverTheHeader() {
        given().get("/api/v1/regions/US/products").then().statusCode(200);
        given().auth().oauth2("not-a-jwt").get("/api/v1/regions/US/products").then().statusCode(200);
    }

    @Test
    void anOpsLeadChangesOnlyTheRegionsInTheToken() {
        String token = Tokens.ops("lead-us", "US");
        given().auth().oauth2(token).get(STATUS, "EU").then().statusCode(200);
        String etag = given().auth().oauth2(token).get(STATUS, "EU").header("ETag");
        given().auth().oauth2(token).header("If-Match", etag).contentType(ContentType.JSON).body(close("not mine"))
                .put(STATUS, "EU").then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("REGION_NOT_IN_SCOPE"))
                .body("regions", contains("EU"));
        // A change set reaching one region outside the scope is refused whole.
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "mixed", "changes", List.of(
                        Map.of("type", "STOP_CATEGORY", "region", "US", "category", "AUDIO", "ifMatch", "*"),
                        Map.of("type", "STOP_CATEGORY", "region", "EU", "category", "AUDIO", "ifMatch", "*"))))
                .post("/api/v1/admin/change-sets").then().statusCode(403).body("code", equalTo("REGION_NOT_IN_SCOPE"));
        given().get("/api/v1/regions/EU").then().body("open", equalTo(true));
        given().get("/api/v1/regions/US").then().body("categories", org.hamcrest.Matchers.hasItem("AUDIO"));
    }

    @Test
    void anAuditorReadsButChangesNothing() {
        String token = Tokens.auditor("auditor-1");
        String etag = given().auth().oauth2(token).get(STATUS, "US").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).get("/api/v1/admin/regions/US/preview").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/admin/audit").then().statusCode(200);
        given().auth().oauth2(token).header("If-Match", etag).contentType(ContentType.JSON).body(close("no"))
                .put(STATUS, "US").then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
    }

    @Test
    void productsAndPricesAreForAdminsOnly() {
        String lead = Tokens.ops("lead-us", "US");
        given().auth().oauth2(lead).get("/api/v1/admin/products/mi-band-8").then().statusCode(200);
        given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("currency", "USD", "prices", Map.of(), "reason", "x")).header("If-Match", "*")
                .put("/api/v1/admin/products/mi-band-8/prices/US").then().statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        // Only ops-admin and auditor read the audit log.
        given().auth().oauth2(lead).get("/api/v1/admin/audit").then().statusCode(403);
    }

    @Test
    void theDevTokenCommandMintsATokenTheApiAccepts() throws Exception {
        Process process = new ProcessBuilder("bin/dev-token", "ops", "us").redirectErrorStream(true).start();
        String token = new String(process.getInputStream().readAllBytes()).strip();
        org.assertj.core.api.Assertions.assertThat(process.waitFor()).as(token).isZero();
        given().auth().oauth2(token).get(STATUS, "US").then().statusCode(200).body("region", equalTo("US"));
        String etag = given().auth().oauth2(token).get(STATUS, "CN").header("ETag");
        given().auth().oauth2(token).header("If-Match", etag).contentType(ContentType.JSON).body(close("not mine"))
                .put(STATUS, "CN").then().statusCode(403).body("code", equalTo("REGION_NOT_IN_SCOPE"));
    }
}
