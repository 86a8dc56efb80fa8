package storefront.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResponseCacheTest {

    @Inject
    ResponseCache cache;

    Uni<CachedResponse> slowLoad(AtomicInteger loads) {
        return Uni.createFrom().item(() -> {
            loads.incrementAndGet();
            return cache.json(200, "answer", null);
        }).onItem().delayIt().by(Duration.ofMillis(300));
    }

    @Test
    void concurrentMissesShareOneLoadAndALeavingClientDoesNotFailTheOthers() {
        String key = UUID.randomUUID().toString();
        AtomicInteger loads = new AtomicInteger();

        UniAssertSubscriber<CachedResponse> leaving = cache.get(key, () -> slowLoad(loads))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<CachedResponse> staying = cache.get(key, () -> slowLoad(loads))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        leaving.cancel();

        CachedResponse answer = staying.awaitItem(Duration.ofSeconds(5)).getItem();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body())).isEqualTo("\"answer\"");
        assertThat(loads).hasValue(1);
        // Later requests are served from the cache, without loading again.
        assertThat(cache.get(key, () -> slowLoad(loads)).await().atMost(Duration.ofSeconds(5)).etag())
                .isEqualTo(answer.etag());
        assertThat(loads).hasValue(1);
    }
}
