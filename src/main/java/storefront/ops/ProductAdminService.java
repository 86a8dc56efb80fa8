package storefront.ops;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import storefront.audit.AuditLog;
import storefront.audit.AuditLog.Change;
import storefront.audit.Operator;
import storefront.catalog.AvailabilityLedger;
import storefront.common.CatalogVersion;
import storefront.common.ETags;
import storefront.common.Money;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.RowLocks;
import storefront.common.Statements;
import storefront.ops.OpsApi.PricesInput;
import storefront.ops.OpsApi.ProductInput;
import storefront.ops.OpsApi.ProductView;
import storefront.ops.OpsApi.RegionPrices;
import storefront.ops.OpsApi.SkuInput;
import storefront.ops.OpsApi.TextInput;
import storefront.region.RegionDirectory;
import storefront.region.Regions;

/**
 * Products as ops maintain them: create, update, retire, and prices per region.
 * Each write is one transaction with its audit entry, guarded by If-Match on the
 * product's ETag (its version: of two writers with the same one, one commits
 * and the other gets 412); invalid input is refused before anything is written,
 * and a conflict found while writing rolls everything back.
 */
@Singleton
class ProductAdminService {

    /** A product view with its ETag. */
    record Tagged(ProductView product, String etag) {
    }

    private final ProductRepository products;
    private final AuditLog audit;
    private final CatalogVersion version;
    private final RegionDirectory directory;
    private final Clock clock;
    private final AvailabilityLedger ledger;

    private final MediaConfig media;

    ProductAdminService(ProductRepository products, AuditLog audit, CatalogVersion version,
                        RegionDirectory directory, Clock clock, AvailabilityLedger ledger, MediaConfig media) {
        this.media = media;
        this.products = products;
        this.ledger = ledger;
        this.audit = audit;
        this.version = version;
        this.directory = directory;
        this.clock = clock;
    }

    @WithSession
    Uni<Tagged> get(String slug) {
        return products.whole(slug).map(product -> {
            if (product == null) {
                throw productNotFound(slug);
            }
            return tagged(product);
        });
    }

    Uni<Tagged> create(Operator operator, ProductInput input) {
        if (input.slug() == null) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("slug", "must not be null")));
        }
        checkContent(input);
        String slug = input.slug();
        return checkLocalized(input).flatMap(checked -> write(slug, () -> checkCodes(input)
                .flatMap(ignored -> RowLocks.findOrLockToCreate(target(slug), () -> products.whole(slug)))
                .flatMap(existing -> {
                    if (existing != null) {
                        throw new ProblemException(409, "PRODUCT_SLUG_TAKEN", "Slug taken",
                                "A product with the slug '" + slug + "' exists already.");
                    }
                    return requireOwnSkus(input, slug);
                })
                .flatMap(ignored -> {
                    Product product = new Product();
                    product.slug = slug;
                    product.assign(input);
                    return products.persistAndFlush(product);
                })
                .call(product -> ledger.reconsider(Statements.inSession(), AvailabilityLedger.Scope.created(slug)))
                .flatMap(product -> audit.record(Statements.inSession(), operator, new Change("PRODUCT_CREATED",
                        null, target(slug), null, product.view()), input.reason().strip(), null)
                        .replaceWith(tagged(product)))));
    }

    Uni<Tagged> update(Operator operator, String slug, String ifMatch, ProductInput input) {
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("slug",
                    "cannot change; a product keeps its slug (retire it and create another)")));
        }
        checkContent(input);
        return checkLocalized(input).flatMap(checked -> guarded(slug, ifMatch, product -> checkCodes(input)
                .flatMap(ignored -> requireOwnSkus(input, slug))
                .flatMap(ignored -> {
                    ProductView before = product.view();
                    product.assign(input);
                    return changed(product, operator, "PRODUCT_UPDATED", null, target(slug), before, product.view(),
                            input.reason().strip());
                })));
    }

    Uni<Tagged> retire(Operator operator, String slug, String ifMatch, String reason) {
        return guarded(slug, ifMatch, product -> {
            if (product.retiredAt != null) {
                throw new ProblemException(409, "PRODUCT_ALREADY_RETIRED", "Already retired",
                        "Product '" + slug + "' was retired already.");
            }
            ProductView before = product.view();
            product.retiredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            product.retiredReason = reason.strip();
            return changed(product, operator, "PRODUCT_RETIRED", null, target(slug), before, product.view(),
                    reason.strip());
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
            return guarded(slug, ifMatch, product -> {
                Set<String> skus = new HashSet<>(product.skus.stream().map(sku -> sku.code).toList());
                List<Problem.FieldError> errors = new ArrayList<>();
                new TreeMap<>(input.prices()).keySet().stream().filter(code -> !skus.contains(code)).forEach(code ->
                        errors.add(new Problem.FieldError("prices." + code, "is not a SKU of product " + slug)));
                if (!errors.isEmpty()) {
                    throw ProblemException.invalid(errors);
                }
                RegionPrices before = prices(product.view(), region, currency);
                product.setPrices(region, currency, input.prices());
                return changed(product, operator, "PRICES_SET", region, target(slug) + "/prices:" + region, before,
                        prices(product.view(), region, currency), input.reason().strip());
            });
        });
    }

    // ---- the transaction shape every product write shares ----

    /** Loads the product, checks If-Match against its version, then runs {@code change} in the same transaction. */
    private Uni<Tagged> guarded(String slug, String ifMatch, Function<Product, Uni<Tagged>> change) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "PRECONDITION_REQUIRED", "If-Match required",
                    "Send If-Match with the ETag from GET /api/v1/admin/products/" + slug
                            + ", so that a concurrent change is not overwritten.");
        }
        return write(slug, () -> products.whole(slug).flatMap(product -> {
            if (product == null) {
                throw productNotFound(slug);
            }
            ETags.requireMatch(ifMatch, ETags.ofVersion(product.version), target(slug),
                    "GET /api/v1/admin/products/" + slug);
            return change.apply(product);
        }));
    }

    /**
     * Writes what changed (nothing, and the same ETag, when the change changes
     * nothing) with its audit entry. The version moves on whatever changed, a
     * SKU's price as much as the product's name, and its update is the check
     * that nobody wrote the product since it was read.
     */
    private Uni<Tagged> changed(Product product, Operator operator, String action, String region, String target,
                                Object before, Object after, String reason) {
        if (after.equals(before)) {
            return Uni.createFrom().item(tagged(product));
        }
        return products.getSession()
                .flatMap(session -> session.lock(product, LockModeType.PESSIMISTIC_FORCE_INCREMENT))
                .flatMap(ignored -> products.flush())
                .flatMap(ignored -> ledger.reconsider(Statements.inSession(),
                        AvailabilityLedger.Scope.product(region, product.slug)))
                .flatMap(ignored -> audit.record(Statements.inSession(), operator,
                        new Change(action, region, target, before, after), reason, null))
                .replaceWith(() -> tagged(product));
    }

    /** Runs {@code work} in a transaction; after commit, this replica's next catalog read sees it. */
    private Uni<Tagged> write(String slug, Supplier<Uni<Tagged>> work) {
        return ETags.staleAsPreconditionFailed(Panache.withTransaction(work), target(slug))
                .invoke(ignored -> version.changed());
    }

    /** 400 naming an unknown category or certification, before anything is written. */
    private Uni<Void> checkCodes(ProductInput input) {
        List<String> certifications = input.certifications() == null ? List.of() : input.certifications();
        return products.unknownCodes(input.category(), certifications).map(unknown -> {
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

    /**
     * 400 naming each option and picture at fault, before anything is written:
     * text without the default locale of a region that sells the product's
     * category; an option or value named twice; a SKU that does not name
     * exactly one value of each declared option, or names the same values as
     * another; a picture not https on the brand's image CDN, or of a SKU the
     * product does not have.
     */
    private Uni<Void> checkLocalized(ProductInput input) {
        List<OpsApi.MediaInput> pictures = input.media() == null ? List.of() : input.media();
        List<OpsApi.OptionInput> options = input.options() == null ? List.of() : input.options();
        List<OpsApi.SpecInput> specs = input.specifications() == null ? List.of() : input.specifications();
        List<OpsApi.SpecGroupInput> groups = input.specificationGroups() == null ? List.of()
                : input.specificationGroups();
        if (pictures.isEmpty() && options.isEmpty() && specs.isEmpty() && groups.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return directory.regions().map(regions -> {
            Set<String> required = new TreeSet<>();
            regions.all().stream().filter(r -> r.view().categories().contains(input.category()))
                    .forEach(r -> required.add(r.view().defaultLocale()));
            List<Problem.FieldError> errors = new ArrayList<>();
            checkOptions(input, options, required, errors);
            Set<String> skus = new HashSet<>(input.skus().stream().map(SkuInput::code).toList());
            checkSpecifications(input, groups, specs, skus, required, errors);
            Set<String> hosts = new HashSet<>(media.hosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList());
            for (int i = 0; i < pictures.size(); i++) {
                OpsApi.MediaInput picture = pictures.get(i);
                String field = "media[" + i + "]";
                if (!onCdn(picture.url().strip(), hosts)) {
                    errors.add(new Problem.FieldError(field + ".url", "must be an https address on the brand's "
                            + "image CDN (" + String.join(", ", new TreeSet<>(hosts)) + ")"));
                }
                if (picture.sku() != null && !skus.contains(picture.sku())) {
                    errors.add(new Problem.FieldError(field + ".sku", "is not a SKU of this product"));
                }
                requireLocales(picture.alt(), required, input.category(), field + ".alt", errors);
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return null;
        });
    }

    private static void checkOptions(ProductInput input, List<OpsApi.OptionInput> options, Set<String> required,
                                     List<Problem.FieldError> errors) {
        if (options.isEmpty()) {
            return;
        }
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            OpsApi.OptionInput option = options.get(i);
            String field = "options[" + i + "]";
            if (values.containsKey(option.code())) {
                errors.add(new Problem.FieldError(field + ".code", "is declared twice"));
            }
            requireLocales(option.labels(), required, input.category(), field + ".labels", errors);
            Set<String> codes = new HashSet<>();
            for (int v = 0; v < option.values().size(); v++) {
                OpsApi.OptionValueInput value = option.values().get(v);
                if (!codes.add(value.code().strip())) {
                    errors.add(new Problem.FieldError(field + ".values[" + v + "].code", "is declared twice"));
                }
                requireLocales(value.labels(), required, input.category(), field + ".values[" + v + "].labels",
                        errors);
            }
            values.put(option.code(), codes);
        }
        Map<Map<String, String>, String> combinations = new HashMap<>();
        for (int i = 0; i < input.skus().size(); i++) {
            SkuInput sku = input.skus().get(i);
            Map<String, String> chosen = sku.options() == null ? Map.of() : sku.options();
            String field = "skus[" + i + "].options";
            if (!chosen.keySet().equals(values.keySet())) {
                errors.add(new Problem.FieldError(field, "must name one value of each option: "
                        + String.join(", ", values.keySet())));
                continue;
            }
            chosen.forEach((option, value) -> {
                if (!values.get(option).contains(value)) {
                    errors.add(new Problem.FieldError(field + "." + option, "'" + value + "' is not a value of "
                            + option));
                }
            });
            String other = combinations.putIfAbsent(Map.copyOf(chosen), sku.code());
            if (other != null) {
                errors.add(new Problem.FieldError(field, "names the same values as SKU " + other));
            }
        }
    }

    private static void checkSpecifications(ProductInput input, List<OpsApi.SpecGroupInput> groups,
                                            List<OpsApi.SpecInput> specs, Set<String> skus, Set<String> required,
                                            List<Problem.FieldError> errors) {
        Set<String> groupCodes = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            if (!groupCodes.add(groups.get(i).code())) {
                errors.add(new Problem.FieldError("specificationGroups[" + i + "].code", "is declared twice"));
            }
            requireLocales(groups.get(i).labels(), required, input.category(),
                    "specificationGroups[" + i + "].labels", errors);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            OpsApi.SpecInput spec = specs.get(i);
            String field = "specifications[" + i + "]";
            if (!groupCodes.contains(spec.group())) {
                errors.add(new Problem.FieldError(field + ".group", "is not one of specificationGroups"));
            }
            if (spec.sku() != null && !skus.contains(spec.sku())) {
                errors.add(new Problem.FieldError(field + ".sku", "is not a SKU of this product"));
            }
            if (!seen.add(spec.code() + "/" + spec.sku())) {
                errors.add(new Problem.FieldError(field + ".code", "is given twice for "
                        + (spec.sku() == null ? "the product" : "SKU " + spec.sku())));
            }
            requireLocales(spec.labels(), required, input.category(), field + ".labels", errors);
            Map<String, Boolean> given = new LinkedHashMap<>();
            given.put("number", spec.number() != null);
            given.put("unit", spec.unit() != null);
            given.put("flag", spec.flag() != null);
            given.put("text", spec.text() != null);
            given.put("items", spec.items() != null);
            Set<String> takes = switch (spec.type()) {
                case NUMBER -> Set.of("number", "unit");
                case BOOLEAN -> Set.of("flag");
                case TEXT -> Set.of("text");
                case LIST -> Set.of("items");
            };
            String needs = switch (spec.type()) {
                case NUMBER -> "number";
                case BOOLEAN -> "flag";
                case TEXT -> "text";
                case LIST -> "items";
            };
            if (!given.get(needs)) {
                errors.add(new Problem.FieldError(field + "." + needs, "is required for a " + spec.type()));
            }
            given.forEach((member, present) -> {
                if (present && !takes.contains(member)) {
                    errors.add(new Problem.FieldError(field + "." + member, "is not for a " + spec.type()));
                }
            });
            if (spec.text() != null) {
                requireLocales(spec.text(), required, input.category(), field + ".text", errors);
            }
        }
    }

    private static void requireLocales(Map<String, String> texts, Set<String> required, String category,
                                       String field, List<Problem.FieldError> errors) {
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(texts.keySet());
        if (!missing.isEmpty()) {
            errors.add(new Problem.FieldError(field, "needs the default locale of every region selling " + category
                    + ": missing " + String.join(", ", missing)));
        }
    }

    private static boolean onCdn(String url, Set<String> hosts) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return "https".equals(uri.getScheme()) && uri.getRawUserInfo() == null && uri.getHost() != null
                    && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT)) && uri.getRawFragment() == null
                    && uri.getPort() == -1;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** 409 when a SKU code of the input belongs to another product. */
    private Uni<Void> requireOwnSkus(ProductInput input, String slug) {
        return products.skuCodesOfOthers(input.skus().stream().map(SkuInput::code).toList(), slug).map(taken -> {
            if (!taken.isEmpty()) {
                throw new ProblemException(new Problem(409, "SKU_CODE_TAKEN", "SKU code taken",
                        "These SKU codes belong to another product: " + String.join(", ", taken) + ".",
                        null, Map.of("skus", taken)));
            }
            return null;
        });
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

    private static Tagged tagged(Product product) {
        return new Tagged(product.view(), ETags.ofVersion(product.version));
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
