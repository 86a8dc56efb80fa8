package storefront.sellers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.common.ETags;
import storefront.common.Ids;
import storefront.common.Problem;
import storefront.common.Problem.FieldError;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.common.RowLocks;
import storefront.common.Statements;
import storefront.events.EventType;
import storefront.events.Events;
import storefront.region.RegionDirectory;
import storefront.sellers.SellerApi.Domain;
import storefront.sellers.SellerApi.Kind;
import storefront.sellers.SellerApi.SellerInput;
import storefront.sellers.SellerApi.SellerList;
import storefront.sellers.SellerApi.SellerView;
import storefront.sellers.SellerApi.Status;
import storefront.sellers.SellerApi.Storefront;
import storefront.sellers.SellerApi.Verification;

/** Seller verification, and the registry ops keep (audited). */
@Singleton
class SellerService {

    /** A seller as stored, with the ETag a replace needs in If-Match. */
    record Stored(SellerView seller, String etag) {
    }

    /** A seller written by ops: what it is now, and whether this call created it. */
    record Written(Stored stored, boolean created) {
    }

    private final SellerRepository repository;
    private final SellerLookup lookup;
    private final RegionDirectory regions;
    private final AuditLog audit;
    private final Events events;
    private final List<String> brandNames;
    private final Clock clock;

    SellerService(Clock clock, SellerRepository repository, SellerLookup lookup, RegionDirectory regions, AuditLog audit,
                  Events events, SellersConfig config) {
        this.clock = clock;
        this.events = events;
        this.repository = repository;
        this.lookup = lookup;
        this.regions = regions;
        this.audit = audit;
        this.brandNames = config.brandNames().stream().map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).toList();
    }

    /** The verdict on a domain (or URL), or on a marketplace storefront. */
    Uni<Verification> verify(String domainParam, String marketplaceParam, String storeIdParam) {
        String domain = QueryParams.given(domainParam);
        String marketplace = QueryParams.given(marketplaceParam);
        String storeId = QueryParams.given(storeIdParam);
        List<FieldError> errors = new ArrayList<>();
        if ((domain == null) == (marketplace == null && storeId == null)) {
            errors.add(new FieldError("domain", "give either domain, or marketplace and storeId"));
        } else if (domain == null && (marketplace == null || storeId == null)) {
            errors.add(new FieldError(marketplace == null ? "marketplace" : "storeId",
                    "is required with " + (marketplace == null ? "storeId" : "marketplace")));
        }
        String normalized = errors.isEmpty() ? normalize(domain != null ? domain : marketplace,
                domain != null ? "domain" : "marketplace", errors) : null;
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (domain != null) {
            return lookup.domains(SellerChecks.candidates(normalized))
                    .map(entries -> SellerChecks.decide(normalized, entries, brandNames, clock.instant()));
        }
        return lookup.storefront(normalized, storeId)
                .map(seller -> SellerChecks.decideStorefront(normalized, storeId, seller, clock.instant()));
    }

    @WithSession
    Uni<SellerList> list() {
        return repository.all().map(all -> new SellerList(all.stream().map(Seller::view).toList()));
    }

    @WithSession
    Uni<Stored> find(String id) {
        return repository.whole(id).map(seller -> {
            if (seller == null) {
                throw notFound(id);
            }
            return stored(seller);
        });
    }

    /**
     * Creates or replaces a seller with its domains and storefronts; audited as
     * CREATE_SELLER or UPDATE_SELLER in the same transaction. Official sellers
     * are the ops-admin's; an ops token needs every region of the seller, before
     * and after. Of two writers with the same If-Match, the seller's version
     * lets one win; the other gets 412.
     */
    Uni<Written> put(Operator operator, String id, String ifMatch, SellerInput input) {
        String target = "seller:" + id;
        // The regions are read before the transaction: inside it, a reload would want a second connection.
        Uni<Written> write = regions.regions().flatMap(all -> {
            SellerView seller = checked(id, input, code -> all.find(code).isPresent());
            return Panache.withTransaction(() -> RowLocks.findOrLockToCreate(target, () -> repository.whole(id))
                    .flatMap(entity -> {
                SellerView before = entity == null ? null : entity.view();
                requireAllowed(operator, seller, before);
                ETags.requireMatch(ifMatch, entity == null ? null : ETags.ofVersion(entity.version), target,
                        "GET /api/v1/admin/sellers/" + id);
                if (seller.equals(before)) {
                    return Uni.createFrom().item(new Written(stored(entity), false));
                }
                return repository.takenByOthers(id, seller.domains().stream().map(Domain::domain).toList(),
                        seller.storefronts()).flatMap(taken -> {
                    if (!taken.isEmpty()) {
                        Map<String, Object> extensions = new LinkedHashMap<>();
                        extensions.put("taken", List.copyOf(taken));
                        throw new ProblemException(new Problem(409, "SELLER_IDENTITY_TAKEN",
                                "Domain or storefront belongs to another seller",
                                "A domain or storefront belongs to one seller only: " + String.join("; ", taken)
                                        + ".", null, extensions));
                    }
                    Seller written = entity == null ? new Seller() : entity;
                    written.assign(seller);
                    String region = seller.regions().size() == 1 ? seller.regions().get(0) : null;
                    return repository.persistAndFlush(written)
                            .flatMap(x -> audit.record(Statements.inSession(), operator, new AuditLog.Change(
                                    before == null ? "CREATE_SELLER" : "UPDATE_SELLER", region, target, before,
                                    seller), input.reason(), null))
                            // A seller of several regions reaches every subscription, whatever its regions.
                            .flatMap(x -> events.emit(Statements.inSession(), EventType.SELLER_CHANGED,
                                    "seller/" + id, region, seller))
                            .map(x -> new Written(stored(written), before == null));
                });
            }));
        });
        return ETags.staleAsPreconditionFailed(write, target);
    }

    private static Stored stored(Seller seller) {
        return new Stored(seller.view(), ETags.ofVersion(seller.version));
    }

    private static void requireAllowed(Operator operator, SellerView seller, SellerView before) {
        boolean official = seller.kind() == Kind.OFFICIAL || (before != null && before.kind() == Kind.OFFICIAL);
        if (official && !operator.role().equals(Operator.ADMIN)) {
            throw new ProblemException(403, "ROLE_NOT_ALLOWED", "Not allowed",
                    "Official sellers are changed by ops-admin only.");
        }
        Set<String> touched = new LinkedHashSet<>(seller.regions());
        if (before != null) {
            touched.addAll(before.regions());
        }
        operator.requireScope(touched);
    }

    /** The seller as it is stored: regions known, domains and marketplaces normalized, no duplicates. */
    private static SellerView checked(String id, SellerInput input, Predicate<String> regionExists) {
        List<FieldError> errors = new ArrayList<>();
        Ids.codeProblem("id", id).ifPresent(errors::add);
        Set<String> regionCodes = new TreeSet<>();
        for (String code : input.regions()) {
            String region = code.strip().toUpperCase(Locale.ROOT);
            if (!regionExists.test(region)) {
                errors.add(new FieldError("regions", "no region has the code '" + code + "'"));
            }
            regionCodes.add(region);
        }
        if (input.authorizedUntil() != null && !input.authorizedUntil().isAfter(input.authorizedSince())) {
            errors.add(new FieldError("authorizedUntil", "must be after authorizedSince"));
        }
        Map<String, Domain> domains = new TreeMap<>();
        List<Domain> givenDomains = input.domains() == null ? List.of() : input.domains();
        for (int i = 0; i < givenDomains.size(); i++) {
            String field = "domains[" + i + "].domain";
            String domain = normalize(givenDomains.get(i).domain(), field, errors);
            if (domain != null && domains.put(domain, new Domain(domain, givenDomains.get(i).includeSubdomains())) != null) {
                errors.add(new FieldError(field, domain + " is listed twice"));
            }
        }
        Map<String, Storefront> storefronts = new TreeMap<>();
        List<Storefront> givenStorefronts = input.storefronts() == null ? List.of() : input.storefronts();
        for (int i = 0; i < givenStorefronts.size(); i++) {
            String field = "storefronts[" + i + "].marketplace";
            String marketplace = normalize(givenStorefronts.get(i).marketplace(), field, errors);
            String storeId = givenStorefronts.get(i).storeId().strip();
            if (marketplace != null
                    && storefronts.put(marketplace + "/" + storeId, new Storefront(marketplace, storeId)) != null) {
                errors.add(new FieldError("storefronts[" + i + "]", marketplace + "/" + storeId + " is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new SellerView(id, input.name().strip(), input.kind(), List.copyOf(regionCodes),
                input.authorizedSince().truncatedTo(ChronoUnit.MICROS),
                input.authorizedUntil() == null ? null : input.authorizedUntil().truncatedTo(ChronoUnit.MICROS), input.status() == null ? Status.AUTHORIZED : input.status(),
                List.copyOf(domains.values()), List.copyOf(storefronts.values()));
    }

    private static String normalize(String domain, String field, List<FieldError> errors) {
        try {
            return SellerChecks.normalizeDomain(domain);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("SELLER_NOT_FOUND", "Seller not found", "No seller has the id '" + id + "'.");
    }
}
