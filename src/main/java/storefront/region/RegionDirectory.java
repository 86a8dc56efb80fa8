package storefront.region;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import storefront.common.CatalogVersion;
import storefront.common.Statements;
import storefront.common.SharedLoad;

/**
 * The regions of the current catalog generation, loaded once per generation,
 * with the ones this deployment serves (SERVED_REGIONS; empty: all). A served
 * code that names no region stops the start with a readable message.
 */
@Singleton
public class RegionDirectory {

    private final CatalogVersion version;
    private final AsyncLoadingCache<Long, Regions> snapshots;
    private final Set<String> served;

    @Inject
    RegionDirectory(CatalogVersion version, RegionRepository repository, RegionsConfig config) {
        this(version, repository, config.served());
    }

    RegionDirectory(CatalogVersion version, RegionRepository repository, Optional<List<String>> served) {
        this.version = version;
        this.served = served.orElse(List.of()).stream().map(String::strip).filter(code -> !code.isEmpty())
                .map(code -> code.toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
        this.snapshots = Caffeine.newBuilder().maximumSize(2)
                .buildAsync((generation, executor) -> repository.loadAll()
                        .map(all -> all.servingOnly(this.served)).subscribeAsCompletionStage());
    }

    void checkServedRegions(@Observes StartupEvent event) {
        if (served.isEmpty()) {
            return;
        }
        Regions all = regions().await().atMost(Duration.ofSeconds(30));
        List<String> unknown = all.unknown(served);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("SERVED_REGIONS names regions that do not exist: "
                    + String.join(", ", unknown) + ". This database has " + String.join(", ", all.byCode().keySet())
                    + ".");
        }
    }

    /** A directory of the regions on {@code pool}, serving them all (another replica's, in a test). */
    public static RegionDirectory over(CatalogVersion version, Pool pool) {
        return new RegionDirectory(version, new RegionRepository(pool), Optional.empty());
    }

    /**
     * The regions as {@code tx} sees them now, uncached: a transaction reads
     * its own uncommitted changes (a change set's dry run).
     */
    public Uni<Regions> regionsAsSeenBy(Statements tx) {
        return new RegionRepository(tx).loadAll();
    }

    public Uni<Regions> regions() {
        return SharedLoad.await(snapshots.get(version.current()));
    }
}
