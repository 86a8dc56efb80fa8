package storefront.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static storefront.ops.Ops.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Products and prices: validated, all or nothing, audited, and guarded by If-Match. */
@QuarkusTest
class ProductAdminTest {

    static final String PRODUCTS = "/api/v1/admin/products";

    @Inject
    Pool pool;

    static Map<String, Object> product(String slug, String category, List<String> skuCodes) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("category", category);
        body.put("certifications", List.of("FCC", "CE"));
        body.put("texts", List.of(Map.of("locale", "en", "name", "Mi Smart Scale", "description", "Weighs you."),
                Map.of("locale", "de", "name", "Mi Körperwaage")));
        body.put("skus", skuCodes.stream().map(code -> Map.of("code", code, "options", Map.of("color", "white"))).toList());
        body.put("reason", "New product line");
        return body;
    }

    static Response create(Map<String, Object> body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post(PRODUCTS);
    }

    static Response prices(String slug, String region, String etag, Map<String, ?> body) {
        return given().auth().oauth2(ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .put(PRODUCTS + "/{s}/prices/{r}", slug, region);
    }

    /** Everything a product write touches, as one comparable text. */
    String productTables() {
        return pool.query("""
                        select concat_ws(' | ',
                          (select string_agg(slug || ':' || category_code || ':' || coalesce(retired_reason, ''), ',' order by slug) from product),
                          (select string_agg(code || ':' || options::text, ',' order by code) from sku),
                          (select count(*)::text from product_text), (select count(*)::text from product_certification),
                          (select string_agg(sku_id || ':' || region_code || ':' || amount_minor, ',' order by 1) from sku_price),
                          (select count(*)::text from audit_entry))""")
                .execute().await().indefinitely().iterator().next().getString(0);
    }

    @Test
    void aProductIsCreatedPricedUpdatedAndRetired() {
        String slug = "mi-smart-scale-2";
        String etag = create(product(slug, "WEARABLE", List.of("SCALE-2-WHITE", "SCALE-2-BLACK"))).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(PRODUCTS + "/" + slug))
                .body("slug", equalTo(slug)).body("skus.code", contains("SCALE-2-WHITE", "SCALE-2-BLACK"))
                .body("texts.locale", contains("de", "en")).body("retired", equalTo(false))
                .extract().header("ETag");
        // No price anywhere yet: not sold anywhere.
        assertThat(Ops.listing("US")).doesNotContain(slug);
        assertThat(Ops.reasonCodes("US", slug)).containsExactly("NO_PRICE");

        etag = prices(slug, "us", etag, Map.of("currency", "USD", "prices", Map.of("SCALE-2-WHITE", 2999, "SCALE-2-BLACK", 3199),
                "reason", "Launch pricing")).then().statusCode(200)
                .body("skus.find { it.code == 'SCALE-2-BLACK' }.prices.US.amountMinor", equalTo(3199))
                .body("skus.find { it.code == 'SCALE-2-BLACK' }.prices.US.currency", equalTo("USD"))
                .extract().header("ETag");
        assertThat(Ops.listing("US")).contains(slug);
        Ops.detail("US", slug).then().statusCode(200).body("priceRange.min.amountMinor", equalTo(2999));

        Map<String, Object> update = product(null, "WEARABLE", List.of("SCALE-2-WHITE"));
        update.put("texts", List.of(Map.of("locale", "en", "name", "Mi Smart Scale 2")));
        update.put("reason", "Black discontinued");
        etag = given().auth().oauth2(ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(update)
                .put(PRODUCTS + "/{s}", slug).then().statusCode(200)
                .body("skus.code", contains("SCALE-2-WHITE"))
                .body("skus[0].prices.US.amountMinor", equalTo(2999))
                .extract().header("ETag");
        Ops.detail("US", slug).then().statusCode(200).body("name", equalTo("Mi Smart Scale 2"))
                .body("skus.code", contains("SCALE-2-WHITE"));

        given().auth().oauth2(ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("reason", "End of life")).post(PRODUCTS + "/{s}/retirement", slug).then().statusCode(200)
                .body("retired", equalTo(true)).body("retiredReason", equalTo("End of life"));
        assertThat(Ops.listing("US")).doesNotContain(slug);
        assertThat(Ops.reasonCodes("US", slug)).containsExactly("PRODUCT_RETIRED");
        given().auth().oauth2(ADMIN).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("reason", "again")).post(PRODUCTS + "/{s}/retirement", slug).then().statusCode(409)
                .body("code", equalTo("PRODUCT_ALREADY_RETIRED"));

        List<String> actions = given().auth().oauth2(ADMIN).queryParam("actor", "admin-tests").queryParam("limit", 200)
                .get("/api/v1/admin/audit").then().extract().jsonPath()
                .getList("items.findAll { it.target.startsWith('product:" + slug + "') }.action");
        assertThat(actions).containsExactly("PRODUCT_RETIRED", "PRODUCT_UPDATED", "PRICES_SET", "PRODUCT_CREATED");
    }

    @Test
    void invalidProductsAreRefusedWithNothingWritten() {
        String before = productTables();
        // Shape: malformed codes and missing parts, all named at once.
        Map<String, Object> malformed = product("Not A Slug", "wearable", List.of("lower-case"));
        malformed.put("texts", List.of());
        malformed.remove("reason");
        create(malformed).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("slug")).body("errors.field", hasItem("category"))
                .body("errors.field", hasItem("texts")).body("errors.field", hasItem("reason"))
                .body("errors.field", hasItem("skus[0].code"));
        // Unknown category and certification.
        Map<String, Object> unknown = product("mi-mystery", "TOASTER", List.of("MYSTERY-1"));
        unknown.put("certifications", List.of("FCC", "UL"));
        create(unknown).then().statusCode(400).body("errors.field", containsInAnyOrder("category", "certifications"))
                .body("errors.find { it.field == 'certifications' }.message", equalTo("unknown: UL"));
        // Duplicates inside the request.
        create(product("mi-twice", "AUDIO", List.of("TWICE-1", "TWICE-1"))).then().statusCode(400)
                .body("errors[0].field", equalTo("skus"));
        // Taken slug; taken SKU code (the product row would be written first: it must roll back).
        create(product("mi-band-8", "WEARABLE", List.of("FRESH-1"))).then().statusCode(409)
                .body("code", equalTo("PRODUCT_SLUG_TAKEN"));
        create(product("mi-band-8-clone", "WEARABLE", List.of("CLONE-1", "MI-BAND-8-BLACK"))).then().statusCode(409)
                .body("code", equalTo("SKU_CODE_TAKEN")).body("skus", contains("MI-BAND-8-BLACK"));
        given().auth().oauth2(ADMIN).get(PRODUCTS + "/mi-band-8-clone").then().statusCode(404)
                .body("code", equalTo("PRODUCT_NOT_FOUND"));
        assertThat(productTables()).isEqualTo(before);
    }

    @Test
    void pricesAreInTheRegionsCurrencyNonNegativeAndForTheProductsOwnSkus() {
        String slug = "mi-band-8";
        String etag = Ops.etag(ADMIN, PRODUCTS + "/{s}", slug);
        String before = productTables();
        prices(slug, "EU", etag, Map.of("currency", "USD", "prices", Map.of("MI-BAND-8-BLACK", 100), "reason", "x"))
                .then().statusCode(400).body("errors[0].field", equalTo("currency"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("EUR"));
        prices(slug, "EU", etag, Map.of("currency", "EUR", "prices", Map.of("MI-BAND-8-BLACK", -1), "reason", "x"))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("prices"));
        prices(slug, "EU", etag, Map.of("currency", "EUR", "prices", Map.of("MI-4-16GB-WHITE", 100), "reason", "x"))
                .then().statusCode(400).body("errors[0].field", equalTo("prices.MI-4-16GB-WHITE"));
        prices(slug, "EU", etag, Map.of("currency", "EUR", "prices", Map.of("MI-BAND-8-BLACK", "cheap"), "reason", "x"))
                .then().statusCode(400).body("code", equalTo("MALFORMED_BODY"));
        prices(slug, "XX", etag, Map.of("currency", "EUR", "prices", Map.of(), "reason", "x"))
                .then().statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));
        assertThat(productTables()).isEqualTo(before);
    }

    @Test
    void aStaleProductETagIs412AndAMissingOneIs428() {
        String slug = "mi-power-bank-20000";
        String etag = Ops.etag(ADMIN, PRODUCTS + "/{s}", slug);
        Map<String, Long> current = given().auth().oauth2(ADMIN).get(PRODUCTS + "/{s}", slug).then().extract().jsonPath()
                .getMap("skus.collectEntries { [it.code, it.prices.US?.amountMinor] }");
        String fresh = prices(slug, "US", etag, Map.of("currency", "USD", "prices", current, "reason", "Same prices"))
                .then().statusCode(200).extract().header("ETag");
        assertThat(fresh).as("nothing changed, so the tag is the same").isEqualTo(etag);
        Map<String, Object> edit = given().auth().oauth2(ADMIN).get(PRODUCTS + "/{s}", slug).then().extract().jsonPath()
                .getMap("");
        Map<String, Object> update = new HashMap<>();
        update.put("category", edit.get("category"));
        update.put("certifications", edit.get("certifications"));
        update.put("texts", edit.get("texts"));
        update.put("skus", ((List<Map<String, Object>>) edit.get("skus")).stream()
                .map(s -> Map.of("code", s.get("code"), "options", s.get("options"))).toList());
        update.put("reason", "Edit");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(update).put(PRODUCTS + "/{s}", slug)
                .then().statusCode(428).body("code", equalTo("PRECONDITION_REQUIRED"));
        given().auth().oauth2(ADMIN).header("If-Match", "\"stale\"").contentType(ContentType.JSON).body(update)
                .put(PRODUCTS + "/{s}", slug).then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        given().auth().oauth2(ADMIN).get(PRODUCTS + "/{s}", slug).then().header("ETag", equalTo(etag))
                .body("retiredReason", nullValue());
    }
}
