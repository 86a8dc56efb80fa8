package storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import storefront.Tokens;
import storefront.common.CachedResponse;
import storefront.common.CatalogChangeListener;
import storefront.common.CatalogVersion;
import storefront.common.ResponseCache;
import storefront.region.RegionDirectory;

/**
 * A second replica, built from the same classes with its own pool, cache and
 * LISTEN connection against the same database: a toggle made through this
 * application's ops API reaches the other replica's cached answers within a
 * second, with nothing shared between the two but PostgreSQL.
 */
@QuarkusTest
class CrossReplicaTest {

    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @ConfigProperty(name = "storefront.db.schema")
    String schema;

    Pool otherPool;
    PgSubscriber otherListener;
    CatalogVersion otherVersion;
    CatalogService other;

    @BeforeEach
    void startTheOtherReplica() throws InterruptedException {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).addProperty("search_path", schema);
        password.ifPresent(options::setPassword);
        otherPool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(options).using(vertx).build();
        otherVersion = new CatalogVersion(otherPool, java.time.Clock.systemUTC());
        long before = otherVersion.current();
        otherListener = CatalogChangeListener.subscribe(vertx, options, schema, otherVersion);
        ResponseCache cache = new ResponseCache(otherVersion, mapper, new SimpleMeterRegistry(), 16);
        CatalogRepository repository = new CatalogRepository(otherPool);
        other = new CatalogService(java.time.Clock.systemUTC(), RegionDirectory.over(otherVersion, otherPool),
                repository, cache, new FacetIndex(repository, otherVersion));
        // Subscribing moves the generation on: from then on the listener hears every notice.
        CatalogChangesTest.millisUntil(() -> otherVersion.current() > before, Duration.ofSeconds(5));
    }

    @AfterEach
    void stopIt() {
        otherListener.closeAndAwait();
        otherPool.closeAndAwait();
    }

    CachedResponse otherListing(String region) {
        return other.list(region, null, null, "100", null, null, null).await().atMost(Duration.ofSeconds(5));
    }

    boolean otherLists(String region, String slug) {
        return new String(otherListing(region).body(), StandardCharsets.UTF_8).contains("\"slug\":\"" + slug + "\"");
    }

    @Test
    void aToggleOnOneReplicaReachesTheOthersCacheWithinASecond() throws InterruptedException {
        String slug = "mi-power-bank-20000";
        String lead = Tokens.ops("lead-us-replicas", "US");
        CachedResponse warm = otherListing("US");
        assertThat(otherListing("US")).as("the other replica answers from its cache").isSameAs(warm);
        assertThat(otherLists("US", slug)).isTrue();

        storefront.ops.OpsTestAccess.delist(lead, "US", slug, "Cross-replica check");
        try {
            long millis = CatalogChangesTest.millisUntil(() -> !otherLists("US", slug), Duration.ofSeconds(1));
            assertThat(millis).isLessThan(1000);
        } finally {
            storefront.ops.OpsTestAccess.list(lead, "US", slug, "Cross-replica check over");
        }
        CatalogChangesTest.millisUntil(() -> otherLists("US", slug), Duration.ofSeconds(1));
    }
}
