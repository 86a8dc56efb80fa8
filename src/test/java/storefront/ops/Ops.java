package storefront.ops;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import storefront.Tokens;

/** The ops API as tests drive it: read a target's ETag, change it with If-Match. */
public final class Ops {

    public static final String ADMIN = Tokens.admin("admin-tests");

    private Ops() {
    }

    static String etag(String token, String path, Object... params) {
        return given().auth().oauth2(token).get(path, params).then().statusCode(200).extract().header("ETag");
    }

    /**
     * A create-or-replace as a client that read the target first: the request,
     * with If-Match carrying the target's ETag when it exists (read as ops-admin).
     */
    public static RequestSpecification asRead(String token, String targetPath, Object... params) {
        Response read = given().auth().oauth2(ADMIN).get(targetPath, params);
        RequestSpecification request = given().auth().oauth2(token);
        return read.statusCode() == 200 ? request.header("If-Match", read.header("ETag")) : request;
    }

    /** GET the target for its ETag, then PUT {@code body} to {@code path} with it. */
    static Response change(String token, String targetPath, String path, Map<String, ?> body, Object... params) {
        String etag = etag(token, targetPath, params);
        return given().auth().oauth2(token).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .put(path, params);
    }

    public static Response regionOpen(String token, String region, boolean open, String reason) {
        return change(token, "/api/v1/admin/regions/{r}/status", "/api/v1/admin/regions/{r}/status",
                Map.of("open", open, "reason", reason), region);
    }

    static Response category(String token, String region, String category, boolean sold, String reason) {
        return change(token, "/api/v1/admin/regions/{r}/categories/{c}", "/api/v1/admin/regions/{r}/categories/{c}",
                Map.of("sold", sold, "reason", reason), region, category);
    }

    public static Response listed(String token, String region, String slug, boolean listed, String reason) {
        return change(token, "/api/v1/admin/regions/{r}/products/{s}", "/api/v1/admin/regions/{r}/products/{s}/listing",
                Map.of("listed", listed, "reason", reason), region, slug);
    }

    public static Response window(String token, String region, String slug, Map<String, ?> body) {
        return change(token, "/api/v1/admin/regions/{r}/products/{s}", "/api/v1/admin/regions/{r}/products/{s}/launch-window",
                body, region, slug);
    }

    public static Response changeSet(String token, boolean dryRun, String reason, List<Map<String, ?>> changes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).queryParam("dryRun", dryRun)
                .body(Map.of("reason", reason, "changes", changes)).post("/api/v1/admin/change-sets");
    }

    // ---- what shoppers see ----

    public static List<String> listing(String region) {
        return given().queryParam("limit", 100).get("/api/v1/regions/{r}/products", region)
                .then().statusCode(200).extract().jsonPath().getList("items.slug");
    }

    static Response detail(String region, String slug) {
        return given().get("/api/v1/regions/{r}/products/{s}", region, slug);
    }

    static List<String> reasonCodes(String region, String slug) {
        return given().get("/api/v1/regions/{r}/products/{s}/availability", region, slug)
                .then().statusCode(200).extract().jsonPath().getList("reasons.code");
    }

    /** The audit actions on targets like {@code targetLike} (SQL LIKE), oldest first. */
    public static List<String> audited(io.vertx.mutiny.sqlclient.Pool pool, String targetLike) {
        List<String> actions = new java.util.ArrayList<>();
        pool.preparedQuery("select action from audit_entry where target like $1 order by id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(targetLike)).await().indefinitely()
                .forEach(r -> actions.add(r.getString(0)));
        return actions;
    }
}
