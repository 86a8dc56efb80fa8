package storefront.ops;

import storefront.audit.AuditLog;
import storefront.audit.Operator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import storefront.common.Json;
import storefront.availability.Decision;
import storefront.availability.RegionRules;
import storefront.catalog.AvailabilityLedger;
import storefront.catalog.CatalogService;
import storefront.catalog.ProductInRegion;
import storefront.common.BusinessMetrics;
import storefront.common.CatalogVersion;
import storefront.common.ETags;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.Statements;
import storefront.ops.OpsApi.AppliedChange;
import storefront.ops.OpsApi.Change;
import storefront.ops.OpsApi.ChangeSetResult;
import storefront.ops.OpsApi.ChangeType;
import storefront.ops.OpsApi.Preview;
import storefront.ops.OpsApi.PreviewItem;
import storefront.ops.OpsApi.ProductShift;
import storefront.ops.OpsApi.RegionDiff;
import storefront.region.RegionDirectory;
import storefront.region.Regions;

/**
 * The switches of the regional catalog: regions open or closed, categories sold
 * or not, products listed or delisted, sales windows. Every change runs in one
 * transaction with its audit entries and under its If-Match check; a change set
 * runs all of its changes in one, and a dry run rolls it back after computing
 * what shoppers would see change.
 */
@Singleton
class ToggleService {

    /** The thing one change turns: a region, a category in a region, or a product in a region. */
    enum Kind { REGION, CATEGORY, LISTING }

    record Target(Kind kind, String region, String category, String product) {
        String name() {
            return switch (kind) {
                case REGION -> "region:" + region;
                case CATEGORY -> "region:" + region + "/category:" + category;
                case LISTING -> "region:" + region + "/product:" + product;
            };
        }
    }

    /** A state as read, with its ETag. */
    record Stated(Object state, String etag) {
    }

    /** A target found: its state as ops see it, and the entity a change of it writes. */
    private record Found(Object state, RegionSwitch region, ToggleRepository.Standing standing) {
    }

    private static final Pattern REGION_CODE = Pattern.compile("^[A-Z]{2,8}$");

    /** Carries a dry run's answer out of the transaction it rolls back. */
    private static final class DryRun extends RuntimeException {
        final transient ChangeSetResult result;

        DryRun(ChangeSetResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private final Clock clock;
    private final Pool pool;
    private final ToggleRepository repository;
    private final AuditLog audit;
    private final CatalogVersion version;
    private final RegionDirectory directory;
    private final CatalogService catalog;
    private final Json json;

    private final BusinessMetrics metrics;
    private final AvailabilityLedger ledger;

    ToggleService(Clock clock, Pool pool, ToggleRepository repository, AuditLog audit, CatalogVersion version,
                  RegionDirectory directory, CatalogService catalog, Json json, BusinessMetrics metrics,
                  AvailabilityLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
        this.repository = repository;
        this.metrics = metrics;
        this.pool = pool;
        this.audit = audit;
        this.version = version;
        this.directory = directory;
        this.catalog = catalog;
        this.json = json;
    }

    static Kind kind(ChangeType type) {
        return switch (type) {
            case OPEN_REGION, CLOSE_REGION -> Kind.REGION;
            case SELL_CATEGORY, STOP_CATEGORY -> Kind.CATEGORY;
            case LIST_PRODUCT, DELIST_PRODUCT, SET_WINDOW, CLEAR_WINDOW -> Kind.LISTING;
        };
    }

    static Target target(Change change) {
        return new Target(kind(change.type()), change.region(), change.category(), change.product());
    }

    // ---- reads ----

    /** The current state of a target, as GET shows it and If-Match compares it. */
    Uni<Stated> state(Target target) {
        return directory.regions().flatMap(regions -> {
            regions.require(target.region());
            return Panache.withSession(() -> find(target, false))
                    .map(found -> new Stated(found.state(), json.etag(found.state())));
        });
    }

    /**
     * What a shopper of {@code region} sees of every product at {@code at} (null:
     * now), with scheduled windows applied.
     */
    Uni<Preview> preview(String region, Instant atOrNull) {
        Instant at = atOrNull == null ? clock.instant() : atOrNull;
        return directory.regions().flatMap(regions -> {
            Regions.Entry entry = regions.require(region);
            return catalog.productsIn(Statements.on(pool), entry.view().code()).map(products -> {
                List<PreviewItem> items = new ArrayList<>();
                int available = 0;
                for (ProductInRegion p : products) {
                    Decision d = p.decide(entry.rules(), at);
                    available += d.available() ? 1 : 0;
                    items.add(new PreviewItem(p.facts().slug(), p.facts().category(), d.available(), d.reasons()));
                }
                return new Preview(entry.view().code(), at, available, items);
            });
        });
    }

    // ---- changes ----

    /**
     * Applies {@code changes} in order, atomically. Checks, in this order: the
     * shape of each change (400), the operator's regions (403), If-Match present
     * unless a dry run (428), targets exist (404), If-Match still true (412).
     */
    Uni<ChangeSetResult> apply(Operator operator, String reason, List<Change> changes, boolean dryRun, boolean single) {
        List<Change> normalized = validate(changes, single);
        operator.requireScope(normalized.stream().map(Change::region).toList());
        if (!dryRun) {
            requireIfMatch(normalized, single);
        }
        String why = reason.strip();
        Set<String> regions = new TreeSet<>(normalized.stream().map(Change::region).toList());
        UUID id = UUID.randomUUID();
        Statements tx = Statements.inSession();
        // A single change answers its target's state only: what shoppers see change is a change set's answer.
        boolean withDiff = !single;
        Uni<ChangeSetResult> work = directory.regions().invoke(all -> regions.forEach(code -> all.find(code)
                .orElseThrow(() -> ProblemException.notFound("REGION_NOT_FOUND", "Region not found",
                        "No region has the code '" + code + "'."))))
                .flatMap(known -> Panache.withTransaction(() -> tx.rows("select now()")
                .map(rows -> ((OffsetDateTime) rows.get(0)[0]).toInstant())
                .flatMap(at -> decisions(tx, withDiff ? regions : Set.of(), at).flatMap(before ->
                        Multi.createFrom().range(0, normalized.size())
                                .onItem().transformToUniAndConcatenate(i -> applyOne(tx, operator, normalized.get(i),
                                        i, why, id))
                                .collect().asList()
                                .call(applied -> repository.flush())
                                .call(applied -> dryRun ? Uni.createFrom().voidItem() : reconsider(tx, normalized))
                                .flatMap(applied -> decisions(tx, withDiff ? regions : Set.of(), at).map(after ->
                                        new ChangeSetResult(dryRun ? null : id, dryRun, at, applied,
                                                diff(before, after))))))
                .invoke(result -> {
                    if (dryRun) {
                        throw new DryRun(result);
                    }
                })));
        return work
                .onFailure(DryRun.class).recoverWithItem(failure -> ((DryRun) failure).result)
                .invoke(result -> {
                    if (!result.dryRun()) {
                        // This replica's next request must see the change; others hear of it by NOTIFY.
                        version.changed();
                        normalized.forEach(change -> metrics.toggle(change.region(), change.type().name()));
                    }
                });
    }

    private Uni<AppliedChange> applyOne(Statements tx, Operator operator, Change change, int index, String reason,
                                        UUID changeSet) {
        Target target = target(change);
        return find(target, true).flatMap(found -> {
            Object before = found.state();
            if (change.ifMatch() != null && !ETags.matchHits(change.ifMatch(), json.etag(before))) {
                Map<String, Object> extensions = new LinkedHashMap<>();
                extensions.put("change", index);
                extensions.put("target", target.name());
                throw new ProblemException(new Problem(412, "PRECONDITION_FAILED", "Changed since you read it",
                        target.name() + " changed since the ETag you sent; read it again and decide anew.",
                        null, extensions));
            }
            return write(found, change, reason)
                    .call(after -> audit.record(tx, operator, new AuditLog.Change(change.type().name(),
                            target.region(), target.name(), before, after), reason, changeSet))
                    .map(after -> new AppliedChange(change.type(), target.name(), before, after, json.etag(after)));
        });
    }

    private Uni<Found> find(Target target, boolean lock) {
        return switch (target.kind()) {
            case REGION -> repository.region(target.region(), lock)
                    .map(region -> new Found(requireRegion(region, target).status(), region, null));
            case CATEGORY -> repository.region(target.region(), lock).flatMap(region -> {
                requireRegion(region, target);
                return repository.categoryExists(target.category()).map(exists -> {
                    if (!exists) {
                        throw ProblemException.notFound("CATEGORY_NOT_FOUND", "Category not found",
                                "No category has the code '" + target.category() + "'.");
                    }
                    return new Found(region.category(target.category()), region, null);
                });
            });
            case LISTING -> repository.standing(target.region(), target.product(), lock).map(standing -> {
                if (standing == null) {
                    throw ProblemException.notFound("PRODUCT_NOT_FOUND", "Product not found",
                            "No product has the slug '" + target.product() + "'.");
                }
                return new Found(ProductStanding.view(target.region(), target.product(), standing.entity()), null,
                        standing);
            });
        };
    }

    private static RegionSwitch requireRegion(RegionSwitch region, Target target) {
        if (region == null) {
            throw ProblemException.notFound("REGION_NOT_FOUND", "Region not found",
                    "No region has the code '" + target.region() + "'.");
        }
        return region;
    }

    /** Makes the change on the entity {@code found} holds; answers the target's state after it. */
    private Uni<Object> write(Found found, Change change, String reason) {
        RegionSwitch region = found.region();
        return switch (change.type()) {
            case OPEN_REGION -> {
                region.open();
                yield Uni.createFrom().item(region.status());
            }
            case CLOSE_REGION -> {
                region.close(reason);
                yield Uni.createFrom().item(region.status());
            }
            case SELL_CATEGORY, STOP_CATEGORY -> {
                region.sell(change.category(), change.type() == ChangeType.SELL_CATEGORY);
                yield Uni.createFrom().item(region.category(change.category()));
            }
            case LIST_PRODUCT, DELIST_PRODUCT, SET_WINDOW, CLEAR_WINDOW ->
                    repository.toChange(found.standing()).map(standing -> {
                        switch (change.type()) {
                            case LIST_PRODUCT -> standing.list();
                            case DELIST_PRODUCT -> standing.delist(reason);
                            case SET_WINDOW -> standing.window(change.availableFrom(), change.availableUntil());
                            default -> standing.window(null, null);
                        }
                        return ProductStanding.view(change.region(), change.product(), standing);
                    });
        };
    }

    // ---- what shoppers see change ----

    /**
     * Asks the ledger to decide again what the changes touched, region by
     * region in code order: every product of a region opened, closed or
     * selling a category more or less; otherwise the products listed,
     * delisted or given a window.
     */
    private Uni<Void> reconsider(Statements tx, List<Change> changes) {
        Map<String, Set<String>> touched = new TreeMap<>();
        Set<String> whole = new TreeSet<>();
        for (Change change : changes) {
            if (kind(change.type()) == Kind.LISTING) {
                touched.computeIfAbsent(change.region(), r -> new TreeSet<>()).add(change.product());
            } else {
                whole.add(change.region());
                touched.computeIfAbsent(change.region(), r -> new TreeSet<>());
            }
        }
        return Multi.createFrom().iterable(touched.entrySet())
                .onItem().transformToUniAndConcatenate(region -> ledger.reconsider(tx, whole.contains(region.getKey())
                        ? AvailabilityLedger.Scope.region(region.getKey())
                        : AvailabilityLedger.Scope.products(region.getKey(), List.copyOf(region.getValue()))))
                .collect().last().replaceWithVoid();
    }

    /** Per region, every product's decision at {@code at}, as the connection sees the data now. */
    private Uni<Map<String, Map<String, Decision>>> decisions(Statements tx, Set<String> regions, Instant at) {
        if (regions.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return directory.regionsAsSeenBy(tx).flatMap(all -> Multi.createFrom().iterable(regions)
                .onItem().transformToUniAndConcatenate(code -> {
                    RegionRules rules = all.require(code).rules();
                    return catalog.productsIn(tx, code).map(list -> {
                        Map<String, Decision> decided = new LinkedHashMap<>();
                        list.forEach(p -> decided.put(p.facts().slug(), p.decide(rules, at)));
                        return Map.entry(code, decided);
                    });
                })
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static List<RegionDiff> diff(Map<String, Map<String, Decision>> before, Map<String, Map<String, Decision>> after) {
        List<RegionDiff> diff = new ArrayList<>();
        for (String region : new TreeSet<>(after.keySet())) {
            List<ProductShift> appearing = new ArrayList<>();
            List<ProductShift> disappearing = new ArrayList<>();
            Map<String, Decision> was = before.getOrDefault(region, Map.of());
            after.get(region).forEach((slug, now) -> {
                Decision then = was.get(slug);
                boolean wasAvailable = then != null && then.available();
                if (now.available() && !wasAvailable) {
                    appearing.add(new ProductShift(slug, then == null ? List.of() : then.reasons()));
                } else if (!now.available() && wasAvailable) {
                    disappearing.add(new ProductShift(slug, now.reasons()));
                }
            });
            diff.add(new RegionDiff(region, appearing, disappearing));
        }
        return diff;
    }

    // ---- checks that need no data ----

    /** Each change, normalized (codes upper case, text stripped), or 400 naming every field at fault. */
    static List<Change> validate(List<Change> changes, boolean single) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Change> normalized = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            String at = single ? "" : "changes[" + i + "].";
            String region = upper(c.region());
            if (region == null || !REGION_CODE.matcher(region).matches()) {
                errors.add(new Problem.FieldError(at + "region", "must be a region code"));
            }
            Kind kind = kind(c.type());
            String category = upper(c.category());
            if (kind == Kind.CATEGORY && category == null) {
                errors.add(new Problem.FieldError(at + "category", "is required for " + c.type()));
            } else if (kind != Kind.CATEGORY && category != null) {
                errors.add(new Problem.FieldError(at + "category", "is not used by " + c.type()));
            }
            String product = blankToNull(c.product());
            if (kind == Kind.LISTING && product == null) {
                errors.add(new Problem.FieldError(at + "product", "is required for " + c.type()));
            } else if (kind != Kind.LISTING && product != null) {
                errors.add(new Problem.FieldError(at + "product", "is not used by " + c.type()));
            }
            if (c.type() == ChangeType.SET_WINDOW) {
                if (c.availableFrom() == null && c.availableUntil() == null) {
                    errors.add(new Problem.FieldError(at + "availableFrom", "availableFrom or availableUntil is required"));
                } else if (c.availableFrom() != null && c.availableUntil() != null
                        && !c.availableFrom().isBefore(c.availableUntil())) {
                    errors.add(new Problem.FieldError(at + "availableUntil", "must be after availableFrom"));
                }
            } else if (c.availableFrom() != null || c.availableUntil() != null) {
                errors.add(new Problem.FieldError(at + "availableFrom", "is not used by " + c.type()));
            }
            normalized.add(new Change(c.type(), region, category, product, c.availableFrom(), c.availableUntil(),
                    blankToNull(c.ifMatch())));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return normalized;
    }

    private static void requireIfMatch(List<Change> changes, boolean single) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).ifMatch() == null) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String detail = single
                ? "Send If-Match with the ETag from a GET of what you are changing, so that a concurrent change is not overwritten."
                : "Every change needs ifMatch, the ETag of its target as you read it, so that a concurrent change is not overwritten.";
        throw new ProblemException(new Problem(428, "PRECONDITION_REQUIRED", "If-Match required", detail, null,
                single ? null : Map.of("changes", missing)));
    }

    private static String upper(String value) {
        String v = blankToNull(value);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
