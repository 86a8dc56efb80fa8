package storefront.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;

/**
 * Ready answers to catalog reads, keyed by what the request asked and by the
 * catalog generation they were computed from. A new generation makes every
 * older answer unreachable at once; concurrent misses for one key share one load.
 */
@Singleton
public class ResponseCache {

    private record Key(long generation, Object request) {
    }

    private final AsyncCache<Key, CachedResponse> cache;
    private final CatalogVersion version;
    private final ObjectMapper mapper;
    private volatile long lastGeneration = -1;

    /** What an entry costs beyond its body: key, headers, bookkeeping. A rough, deliberate overestimate. */
    private static final int ENTRY_OVERHEAD_BYTES = 512;

    @Inject
    ResponseCache(CatalogVersion version, ObjectMapper mapper, MeterRegistry registry, CatalogCacheConfig config) {
        this(version, mapper, registry, config.maxMb());
    }

    /** A cache of at most {@code maxMegabytes} (another replica's, in a test). */
    public ResponseCache(CatalogVersion version, ObjectMapper mapper, MeterRegistry registry, long maxMegabytes) {
        this.version = version;
        this.mapper = mapper;
        // Bounded by bytes, not entries: a client cannot grow it past the limit with large pages or odd queries.
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxMegabytes * 1024 * 1024)
                .<Key, CachedResponse>weigher((key, answer) -> answer.body().length + ENTRY_OVERHEAD_BYTES)
                .recordStats()
                .buildAsync();
        // cache_gets_total{cache="catalog",result="hit"|"miss"}, evictions and size at /q/metrics.
        CaffeineCacheMetrics.monitor(registry, cache, "catalog");
    }

    /** The cached answer to {@code request}, loading it on a miss. Failed loads are not kept. */
    public Uni<CachedResponse> get(Object request, Supplier<Uni<CachedResponse>> loader) {
        long generation = version.current();
        if (generation != lastGeneration) {
            lastGeneration = generation;
            cache.synchronous().invalidateAll();
        }
        return SharedLoad.await(cache.get(new Key(generation, request),
                (key, executor) -> loader.get().subscribeAsCompletionStage()));
    }

    public CachedResponse json(int status, Object body, String contentLanguage) {
        return serialize(status, MediaType.APPLICATION_JSON, body, contentLanguage);
    }

    public CachedResponse problem(Problem problem, String contentLanguage) {
        return serialize(problem.status, Problem.MEDIA_TYPE, problem, contentLanguage);
    }

    private CachedResponse serialize(int status, String mediaType, Object body, String contentLanguage) {
        try {
            return CachedResponse.of(status, mediaType, mapper.writeValueAsBytes(body), contentLanguage);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + body.getClass().getSimpleName(), e);
        }
    }
}
