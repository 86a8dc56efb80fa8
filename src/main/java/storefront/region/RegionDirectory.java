package storefront.region;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import storefront.common.CatalogVersion;
import storefront.common.SharedLoad;

/** The regions of the current catalog generation, loaded once per generation. */
@Singleton
public class RegionDirectory {

    private final CatalogVersion version;
    private final AsyncLoadingCache<Long, Regions> snapshots;

    @Inject
    public RegionDirectory(CatalogVersion version, RegionRepository repository) {
        this.version = version;
        this.snapshots = Caffeine.newBuilder().maximumSize(2)
                .buildAsync((generation, executor) -> repository.loadAll().subscribeAsCompletionStage());
    }

    public Uni<Regions> regions() {
        return SharedLoad.await(snapshots.get(version.current()));
    }
}
