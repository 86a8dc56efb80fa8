package storefront.region;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import storefront.common.CachedResponse;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.ResponseCache;

@Singleton
class RegionService {

    private final RegionDirectory directory;
    private final ResponseCache cache;

    RegionService(RegionDirectory directory, ResponseCache cache) {
        this.directory = directory;
        this.cache = cache;
    }

    Uni<CachedResponse> list() {
        return cache.get("regions", () -> directory.regions()
                .map(regions -> cache.json(200, regions.all().stream().map(Regions.Entry::view).toList(), null)));
    }

    Uni<CachedResponse> get(String code) {
        return directory.regions().flatMap(regions -> {
            RegionView region = regions.require(code).view();
            return cache.get("region:" + region.code(), () -> Uni.createFrom().item(cache.json(200, region, null)));
        });
    }

    Uni<CachedResponse> resolve(String country) {
        if (country == null || !country.matches("[A-Za-z]{2}")) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Problem.FieldError("country",
                    "must be an ISO 3166-1 alpha-2 country code, such as DE"))));
        }
        String normalized = country.toUpperCase(Locale.ROOT);
        return directory.regions().flatMap(regions -> {
            String code = regions.regionByCountry().get(normalized);
            if (code == null) {
                return Uni.createFrom().failure(ProblemException.notFound("COUNTRY_NOT_SERVED", "Country not served",
                        "No region serves the country " + normalized + "."));
            }
            return get(code);
        });
    }
}
