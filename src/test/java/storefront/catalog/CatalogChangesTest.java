package storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import storefront.TestClock;

/**
 * Cached answers never outlive the data: a change committed by anyone (here
 * plain SQL, as another replica or a migration would) shows within a second,
 * and a scheduled launch takes effect at its instant with nobody touching anything.
 */
@QuarkusTest
class CatalogChangesTest {

    @Inject
    Pool pool;

    static int detailStatus(String region, String slug) {
        return given().get("/api/v1/regions/{r}/products/{s}", region, slug).statusCode();
    }

    static List<String> listing(String region) {
        return given().queryParam("limit", 100).get("/api/v1/regions/{r}/products", region)
                .then().statusCode(200).extract().jsonPath().getList("items.slug");
    }

    static long millisUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    void sql(String statement, Object... params) {
        pool.preparedQuery(statement).execute(Tuple.from(params)).await().indefinitely();
    }

    @Test
    void aCommittedChangeShowsWithinASecond() throws InterruptedException {
        String slug = "mi-in-ear-headphones-pro";
        // Warm the cache first, so what follows proves invalidation and not a cold read.
        assertThat(detailStatus("US", slug)).isEqualTo(200);
        assertThat(listing("US")).contains(slug);
        try {
            sql("insert into product_region (product_id, region_code, listed, delisted_reason) "
                    + "select id, 'US', false, 'test recall' from product where slug = $1", slug);
            millisUntil(() -> detailStatus("US", slug) == 404, Duration.ofSeconds(1));
            given().get("/api/v1/regions/US/products/{s}", slug).then()
                    .body("reasons[0].code", org.hamcrest.Matchers.equalTo("PRODUCT_DELISTED"))
                    .body("reasons[0].message", org.hamcrest.Matchers.containsString("test recall"));
            assertThat(listing("US")).doesNotContain(slug);
        } finally {
            sql("delete from product_region where region_code = 'US' "
                    + "and product_id = (select id from product where slug = $1)", slug);
        }
        millisUntil(() -> detailStatus("US", slug) == 200, Duration.ofSeconds(1));
        assertThat(listing("US")).contains(slug);
    }

    @Test
    void aScheduledLaunchTakesEffectAtItsInstant() throws InterruptedException {
        String slug = "mi-in-ear-headphones";
        OffsetDateTime launch = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
        try {
            sql("insert into product_region (product_id, region_code, available_from) "
                    + "select id, 'IN', $2 from product where slug = $1", slug, launch);
            millisUntil(() -> detailStatus("IN", slug) == 404, Duration.ofSeconds(1));
            assertThat(listing("IN")).doesNotContain(slug);
            given().get("/api/v1/regions/IN/products/{s}/availability", slug).then()
                    .body("reasons.code", org.hamcrest.Matchers.contains("NOT_YET_LAUNCHED"));
            // A second before its instant, still not; then nothing changes in the database:
            // the clock alone must open the sale.
            TestClock.setTo(launch.toInstant().minusSeconds(1));
            assertThat(detailStatus("IN", slug)).isEqualTo(404);
            TestClock.setTo(launch.toInstant());
            millisUntil(() -> detailStatus("IN", slug) == 200, Duration.ofSeconds(1));
            assertThat(listing("IN")).contains(slug);
        } finally {
            TestClock.reset();
            sql("delete from product_region where region_code = 'IN' "
                    + "and product_id = (select id from product where slug = $1)", slug);
        }
    }
}
