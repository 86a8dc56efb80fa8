package storefront.ops;

import storefront.audit.AuditLog;
import storefront.audit.Operator;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import storefront.common.Json;
import storefront.catalog.CatalogService;
import storefront.catalog.StoredProduct;
import storefront.common.CatalogVersion;
import storefront.common.ETags;
import storefront.common.Money;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.ops.OpsApi.PricesInput;
import storefront.ops.OpsApi.ProductInput;
import storefront.ops.OpsApi.ProductView;
import storefront.ops.OpsApi.RegionPrices;
import storefront.ops.OpsApi.SkuInput;
import storefront.ops.OpsApi.SkuView;
import storefront.ops.OpsApi.TextInput;
import storefront.ops.OpsApi.TextView;
import storefront.region.RegionDirectory;
import storefront.region.Regions;

/**
 * Products as ops maintain them: create, update, retire, and prices per region.
 * Each write is one transaction with its audit entry, guarded by If-Match on the
 * product's ETag; invalid input is refused before anything is written, and a
 * conflict found while writing rolls everything back.
 */
@Singleton
class ProductAdminService {

    /** A product view with its ETag. */
    record Tagged(ProductView product, String etag) {
    }

    private final Pool pool;
    private final CatalogService catalog;
    private final AuditLog audit;
    private final CatalogVersion version;
    private final RegionDirectory directory;
    private final Json json;

    ProductAdminService(Pool pool, AuditLog audit, CatalogVersion version, RegionDirectory directory,
                        CatalogService catalog, Json json) {
        this.catalog = catalog;
        this.pool = pool;
        this.audit = audit;
        this.version = version;
        this.directory = directory;
        this.json = json;
    }

    Uni<Tagged> get(String slug) {
        return load(pool, slug);
    }

    Uni<Tagged> create(Operator operator, ProductInput input) {
        if (input.slug() == null) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("slug", "must not be null")));
        }
        checkContent(input);
        return write(connection -> checkCodes(connection, input)
                .flatMap(ignored -> new ProductRepository(connection).insert(input.slug(), input.category()))
                .flatMap(id -> {
                    if (id.isEmpty()) {
                        throw new ProblemException(409, "PRODUCT_SLUG_TAKEN", "Slug taken",
                                "A product with the slug '" + input.slug() + "' exists already.");
                    }
                    return replaceContent(connection, id.get(), input);
                })
                .flatMap(ignored -> load(connection, input.slug()))
                .flatMap(after -> audit.write(connection, operator, "PRODUCT_CREATED", null, target(input.slug()),
                        null, after.product(), input.reason().strip(), null).replaceWith(after)));
    }

    Uni<Tagged> update(Operator operator, String slug, String ifMatch, ProductInput input) {
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("slug",
                    "cannot change; a product keeps its slug (retire it and create another)")));
        }
        checkContent(input);
        return guarded(slug, ifMatch, (connection, locked) -> checkCodes(connection, input)
                .flatMap(ignored -> replaceContent(connection, locked.id(), input))
                .flatMap(ignored -> load(connection, slug))
                .flatMap(after -> audit.write(connection, operator, "PRODUCT_UPDATED", null, target(slug),
                        locked.before().product(), after.product(), input.reason().strip(), null).replaceWith(after)));
    }

    Uni<Tagged> retire(Operator operator, String slug, String ifMatch, String reason) {
        return guarded(slug, ifMatch, (connection, locked) -> {
            if (locked.before().product().retired()) {
                throw new ProblemException(409, "PRODUCT_ALREADY_RETIRED", "Already retired",
                        "Product '" + slug + "' was retired already.");
            }
            return new ProductRepository(connection).retire(locked.id(), reason.strip())
                    .flatMap(ignored -> load(connection, slug))
                    .flatMap(after -> audit.write(connection, operator, "PRODUCT_RETIRED", null, target(slug),
                            locked.before().product(), after.product(), reason.strip(), null).replaceWith(after));
        });
    }

    Uni<Tagged> setPrices(Operator operator, String slug, String regionCode, String ifMatch, PricesInput input) {
        return directory.regions().flatMap(regions -> {
            Regions.Entry entry = regions.require(regionCode);
            String region = entry.view().code();
            String currency = entry.view().currency();
            if (!currency.equals(input.currency())) {
                throw ProblemException.invalid(List.of(new Problem.FieldError("currency",
                        "must be " + currency + ", the currency of region " + region)));
            }
            return guarded(slug, ifMatch, (connection, locked) -> {
                Set<String> skus = new HashSet<>(locked.before().product().skus().stream().map(SkuView::code).toList());
                List<Problem.FieldError> errors = new ArrayList<>();
                new TreeMap<>(input.prices()).keySet().stream().filter(code -> !skus.contains(code)).forEach(code ->
                        errors.add(new Problem.FieldError("prices." + code, "is not a SKU of product " + slug)));
                if (!errors.isEmpty()) {
                    throw ProblemException.invalid(errors);
                }
                RegionPrices before = prices(locked.before().product(), region, currency);
                return new ProductRepository(connection).replacePrices(locked.id(), region, currency, input.prices())
                        .flatMap(ignored -> load(connection, slug))
                        .flatMap(after -> audit.write(connection, operator, "PRICES_SET", region,
                                target(slug) + "/prices:" + region, before, prices(after.product(), region, currency),
                                input.reason().strip(), null).replaceWith(after));
            });
        });
    }

    // ---- the transaction shape every product write shares ----

    private record Locked(long id, Tagged before) {
    }

    /** Locks the product, checks If-Match against it, then runs {@code change} in the same transaction. */
    private Uni<Tagged> guarded(String slug, String ifMatch, BiFunction<SqlConnection, Locked, Uni<Tagged>> change) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "PRECONDITION_REQUIRED", "If-Match required",
                    "Send If-Match with the ETag from GET /api/v1/admin/products/" + slug
                            + ", so that a concurrent change is not overwritten.");
        }
        return write(connection -> new ProductRepository(connection).lock(slug).flatMap(id -> {
            if (id.isEmpty()) {
                throw productNotFound(slug);
            }
            return load(connection, slug).flatMap(before -> {
                ETags.requireMatch(ifMatch, before.etag(), target(slug), "GET /api/v1/admin/products/" + slug);
                return change.apply(connection, new Locked(id.get(), before));
            });
        }));
    }

    /** Runs {@code work} in a transaction; after commit, this replica's next catalog read sees it. */
    private Uni<Tagged> write(Function<SqlConnection, Uni<Tagged>> work) {
        return pool.withTransaction(work).invoke(ignored -> version.changed());
    }

    /** 400 naming an unknown category or certification, before anything is written. */
    private static Uni<Void> checkCodes(SqlConnection connection, ProductInput input) {
        List<String> certifications = input.certifications() == null ? List.of() : input.certifications();
        return new ProductRepository(connection).unknownCodes(input.category(), certifications).map(unknown -> {
            List<Problem.FieldError> errors = new ArrayList<>();
            if (unknown.categoryUnknown()) {
                errors.add(new Problem.FieldError("category", "unknown category '" + input.category() + "'"));
            }
            if (!unknown.certifications().isEmpty()) {
                errors.add(new Problem.FieldError("certifications",
                        "unknown: " + String.join(", ", unknown.certifications())));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return null;
        });
    }

    /** Writes the content; a SKU code of another product fails the whole transaction with 409. */
    private static Uni<Void> replaceContent(SqlConnection connection, long id, ProductInput input) {
        return new ProductRepository(connection).replaceContent(id, input).map(taken -> {
            if (!taken.isEmpty()) {
                throw new ProblemException(new Problem(409, "SKU_CODE_TAKEN", "SKU code taken",
                        "These SKU codes belong to another product: " + String.join(", ", taken) + ".",
                        null, Map.of("skus", taken)));
            }
            return null;
        });
    }

    /** The product as {@code client} sees it: the pool, or a transaction's connection. */
    private Uni<Tagged> load(SqlClient client, String slug) {
        return directory.regions().flatMap(regions -> catalog.product(client, slug)
                .map(found -> tagged(found.orElseThrow(() -> productNotFound(slug)), regions)));
    }

    /** Duplicates inside the request, which the database would refuse less clearly. */
    private static void checkContent(ProductInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> locales = new HashSet<>();
        for (TextInput text : input.texts()) {
            if (!locales.add(text.locale())) {
                errors.add(new Problem.FieldError("texts", "locale " + text.locale() + " appears twice"));
            }
        }
        Set<String> codes = new HashSet<>();
        for (SkuInput sku : input.skus()) {
            if (!codes.add(sku.code())) {
                errors.add(new Problem.FieldError("skus", "SKU " + sku.code() + " appears twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private Tagged tagged(StoredProduct product, Regions regions) {
        List<SkuView> skus = product.skus().stream().map(sku -> {
            Map<String, Money> prices = new TreeMap<>();
            sku.pricesByRegion().forEach((region, amount) ->
                    prices.put(region, new Money(amount, regions.require(region).view().currency())));
            return new SkuView(sku.code(), sku.options(), prices);
        }).toList();
        ProductView view = new ProductView(product.facts().slug(), product.facts().category(),
                product.facts().certifications().stream().sorted().toList(),
                product.texts().stream().map(t -> new TextView(t.locale(), t.name(), t.description())).toList(),
                skus, product.facts().retired(), product.retiredReason());
        return new Tagged(view, json.etag(view));
    }

    private static RegionPrices prices(ProductView product, String region, String currency) {
        Map<String, Long> prices = new LinkedHashMap<>();
        product.skus().forEach(sku -> {
            Money price = sku.prices().get(region);
            if (price != null) {
                prices.put(sku.code(), price.amountMinor());
            }
        });
        return new RegionPrices(product.slug(), region, currency, prices);
    }

    private static String target(String slug) {
        return "product:" + slug;
    }

    private static ProblemException productNotFound(String slug) {
        return ProblemException.notFound("PRODUCT_NOT_FOUND", "Product not found", "No product has the slug '" + slug + "'.");
    }
}
