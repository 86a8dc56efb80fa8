package storefront.delivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.common.CatalogVersion;
import storefront.common.ETags;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.RowLocks;
import storefront.common.Statements;
import storefront.delivery.DeliveryApi.AdminList;
import storefront.delivery.DeliveryApi.AdminView;
import storefront.delivery.DeliveryApi.DeliveryMethodInput;
import storefront.region.RegionDirectory;
import storefront.region.Regions;

/**
 * A region's delivery methods as ops maintain them: each write is one
 * transaction with its audit entry, under If-Match on the method's version,
 * for operators whose scope covers the region. Checkout and the directory read
 * them with the regions, whose cached copy every replica drops on the change's
 * notice.
 */
@Singleton
class DeliveryAdminService {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,31}$");

    /** A method with its ETag, and whether the write created it. */
    record Written(AdminView method, String etag, boolean created) {
    }

    private final DeliveryMethodRepository repository;
    private final RegionDirectory directory;
    private final AuditLog audit;
    private final CatalogVersion version;

    DeliveryAdminService(DeliveryMethodRepository repository, RegionDirectory directory, AuditLog audit,
                         CatalogVersion version) {
        this.repository = repository;
        this.directory = directory;
        this.audit = audit;
        this.version = version;
    }

    Uni<AdminList> list(String regionCode) {
        return directory.regions().flatMap(regions -> {
            Regions.Entry region = regions.require(regionCode);
            String code = region.view().code();
            return Panache.withSession(() -> repository.inRegion(code)).map(rows -> new AdminList(code, rows.stream()
                    .sorted(Comparator.comparingInt((DeliveryMethodRow r) -> r.position).thenComparing(r -> r.code))
                    .map(r -> r.view(region.view().currency())).toList()));
        });
    }

    Uni<Written> get(String regionCode, String codeParam) {
        return directory.regions().flatMap(regions -> {
            Regions.Entry region = regions.require(regionCode);
            String code = codeParam.strip().toUpperCase(Locale.ROOT);
            return Panache.withSession(() -> repository.findById(new DeliveryMethodRow.Key(region.view().code(), code)))
                    .map(row -> {
                        if (row == null) {
                            throw notFound(region.view().code(), code);
                        }
                        return new Written(row.view(region.view().currency()), ETags.ofVersion(row.version), false);
                    });
        });
    }

    Uni<Written> put(Operator operator, String regionCode, String codeParam, String ifMatch,
                     DeliveryMethodInput input) {
        // The regions are read before the transaction: inside it, a reload would want a second connection.
        return directory.regions().flatMap(regions -> {
            Regions.Entry region = regions.require(regionCode);
            String regionCodeNormalized = region.view().code();
            operator.requireScope(List.of(regionCodeNormalized));
            String code = codeParam.strip().toUpperCase(Locale.ROOT);
            DeliveryMethodInput checked = checked(region, code, input);
            String target = "region:" + regionCodeNormalized + "/delivery-method:" + code;
            String currency = region.view().currency();
            Uni<Written> write = Panache.withTransaction(() -> RowLocks.findOrLockToCreate(target,
                    () -> repository.findById(new DeliveryMethodRow.Key(regionCodeNormalized, code))).flatMap(row -> {
                ETags.requireMatch(ifMatch, row == null ? null : ETags.ofVersion(row.version), target,
                        "GET /api/v1/admin/regions/" + regionCodeNormalized + "/delivery-methods/" + code);
                AdminView before = row == null ? null : row.view(currency);
                DeliveryMethodRow written = row == null ? new DeliveryMethodRow() : row;
                written.regionCode = regionCodeNormalized;
                written.code = code;
                written.assign(checked);
                AdminView after = written.view(currency);
                if (after.equals(before)) {
                    return Uni.createFrom().item(new Written(before, ETags.ofVersion(row.version), false));
                }
                return repository.persistAndFlush(written)
                        .call(x -> audit.record(Statements.inSession(), operator, new AuditLog.Change(
                                before == null ? "CREATE_DELIVERY_METHOD" : "UPDATE_DELIVERY_METHOD",
                                regionCodeNormalized, target, before, after), checked.reason().strip(), null))
                        .map(x -> new Written(after, ETags.ofVersion(written.version), before == null));
            })).invoke(written -> version.changed());
            return ETags.staleAsPreconditionFailed(write, target);
        });
    }

    /** The input, normalized, or 400 naming every field at fault; what the database would refuse, first. */
    private static DeliveryMethodInput checked(Regions.Entry region, String code, DeliveryMethodInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!CODE.matcher(code).matches()) {
            errors.add(new Problem.FieldError("code", "must be 1 to 32 letters, digits or _, starting with a letter"));
        }
        if (input.minDays() != null && input.maxDays() != null && input.maxDays() < input.minDays()) {
            errors.add(new Problem.FieldError("maxDays", "must be at least minDays"));
        }
        List<String> countries = new ArrayList<>();
        List<String> ships = region.view().countries();
        List<String> given = input.countries() == null ? List.of() : input.countries();
        for (int i = 0; i < given.size(); i++) {
            String country = given.get(i).toUpperCase(Locale.ROOT);
            if (!ships.contains(country)) {
                errors.add(new Problem.FieldError("countries[" + i + "]", "is not a country of region "
                        + region.view().code() + "; one of " + String.join(", ", ships)));
            } else if (!countries.contains(country)) {
                countries.add(country);
            }
        }
        List<String> states = new ArrayList<>();
        List<String> givenStates = input.states() == null ? List.of() : input.states();
        for (int i = 0; i < givenStates.size(); i++) {
            String state = givenStates.get(i).toUpperCase(Locale.ROOT);
            String country = state.substring(0, 2);
            if (!ships.contains(country) || (!countries.isEmpty() && !countries.contains(country))) {
                errors.add(new Problem.FieldError("states[" + i + "]", "is not in a country the method serves"));
            } else if (!states.contains(state)) {
                states.add(state);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new DeliveryMethodInput(input.name().strip(), input.priceMinor(), input.freeAboveMinor(),
                input.minDays(), input.maxDays(), List.copyOf(countries), List.copyOf(states),
                input.active() == null || input.active(), input.position() == null ? 0 : input.position(),
                input.reason());
    }

    private static ProblemException notFound(String region, String code) {
        return ProblemException.notFound("DELIVERY_METHOD_NOT_FOUND", "Delivery method not found",
                "Region " + region + " has no delivery method " + code + ".");
    }
}
