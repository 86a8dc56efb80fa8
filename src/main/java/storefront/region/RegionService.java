package storefront.region;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.common.CachedResponse;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.ResponseCache;

@Singleton
class RegionService {

    private static final Problem.FieldError COUNTRY_ERROR = new Problem.FieldError("country",
            "must be an ISO 3166-1 alpha-2 country code, such as DE");

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

    /** The region's delivery methods, in the order offered; to a country (and state), those that ship there. */
    Uni<CachedResponse> deliveryMethods(String code, String countryParam, String stateParam) {
        String country = countryParam == null || countryParam.isBlank() ? null : countryParam.strip();
        String state = stateParam == null || stateParam.isBlank() ? null : stateParam.strip();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (country != null && !isCountryCode(country)) {
            errors.add(COUNTRY_ERROR);
        }
        if (state != null && !state.matches("[A-Za-z0-9]{1,3}")) {
            errors.add(new Problem.FieldError("state", "must be the subdivision part of an ISO 3166-2 code, such as CA"));
        }
        if (state != null && country == null) {
            errors.add(new Problem.FieldError("state", "needs country"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        String c = country == null ? null : country.toUpperCase(Locale.ROOT);
        String st = state == null ? null : state.toUpperCase(Locale.ROOT);
        return directory.regions().flatMap(regions -> {
            Regions.Entry region = regions.require(code);
            if (c != null) {
                regions.requireShipsTo(region.view().code(), c);
            }
            List<DeliveryMethod> methods = c == null ? region.delivery() : region.deliveryTo(c, st);
            return cache.get("delivery:" + region.view().code() + ":" + c + ":" + st, () -> Uni.createFrom().item(
                    cache.json(200, new DeliveryMethods(region.view().code(), methods), null)));
        });
    }

    /** A region's delivery methods, as the directory answers them. */
    @Schema(name = "DeliveryMethodList")
    record DeliveryMethods(String region, List<DeliveryMethod> items) {
    }

    private static boolean isCountryCode(String country) {
        return country.matches("[A-Za-z]{2}");
    }

    Uni<CachedResponse> resolve(String country) {
        if (country == null || !isCountryCode(country)) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(COUNTRY_ERROR)));
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
