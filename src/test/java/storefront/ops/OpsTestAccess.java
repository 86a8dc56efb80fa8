package storefront.ops;

/** The ops test helpers, for tests of other packages. */
public final class OpsTestAccess {

    private OpsTestAccess() {
    }

    public static void delist(String token, String region, String slug, String reason) {
        Ops.listed(token, region, slug, false, reason).then().statusCode(200);
    }

    public static void list(String token, String region, String slug, String reason) {
        Ops.listed(token, region, slug, true, reason).then().statusCode(200);
    }
}
