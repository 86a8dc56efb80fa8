package storefront.catalog;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import storefront.availability.AvailabilityPolicy;
import storefront.availability.Decision;
import storefront.catalog.CatalogApi.AvailabilityView;
import storefront.catalog.CatalogApi.PriceRange;
import storefront.catalog.CatalogApi.ProductDetail;
import storefront.catalog.CatalogApi.ProductPage;
import storefront.catalog.CatalogApi.ProductSummary;
import storefront.catalog.CatalogApi.SkuAvailability;
import storefront.catalog.CatalogApi.Facets;
import storefront.catalog.CatalogApi.Image;
import storefront.catalog.CatalogApi.SkuView;
import storefront.catalog.CatalogRepository.ListedProduct;
import storefront.catalog.CatalogRepository.ListingQuery;
import storefront.catalog.CatalogRepository.PricedSku;
import storefront.catalog.StoredProduct.StoredSku;
import storefront.catalog.StoredProduct.Text;
import storefront.common.CachedResponse;
import storefront.common.Cursor;
import storefront.common.Money;
import storefront.inventory.StockApi.StockState;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.common.ResponseCache;
import storefront.common.Statements;
import storefront.region.Locales;
import storefront.region.RegionDirectory;
import storefront.region.RegionView;
import storefront.region.Regions;

/** Catalog reads for shoppers: every answer passes the one availability policy. */
@Singleton
public class CatalogService {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_QUERY_LENGTH = 200;

    private record ListKey(String region, String locale, String category, String text, String after, int limit,
                           ListingSort sort, String afterKey, ListingFilter filter, boolean facets) {
    }

    private record DetailKey(String region, String locale, String slug) {
    }

    private record AvailabilityKey(String region, String slug) {
    }

    private final Clock clock;
    private final RegionDirectory directory;
    private final CatalogRepository repository;
    private final ResponseCache cache;
    private final FacetIndex facetIndex;

    CatalogService(Clock clock, RegionDirectory directory, CatalogRepository repository, ResponseCache cache,
                   FacetIndex facetIndex) {
        this.clock = clock;
        this.directory = directory;
        this.repository = repository;
        this.cache = cache;
        this.facetIndex = facetIndex;
    }

    /** The narrowing of a listing beyond category and text, as the query gives it. */
    record Narrowing(String minPrice, String maxPrice, String inStock, List<String> options, List<String> specs,
                     String facets) {

        static final Narrowing NONE = new Narrowing(null, null, null, List.of(), List.of(), null);
    }

    Uni<CachedResponse> list(String regionCode, String categoryParam, String textParam, String limitParam,
                             String cursorParam, String sortParam, String acceptLanguage) {
        return list(regionCode, categoryParam, textParam, limitParam, cursorParam, sortParam, Narrowing.NONE,
                acceptLanguage);
    }

    Uni<CachedResponse> list(String regionCode, String categoryParam, String textParam, String limitParam,
                             String cursorParam, String sortParam, Narrowing narrowing, String acceptLanguage) {
        String category = QueryParams.given(categoryParam);
        String q = QueryParams.given(textParam);
        String cursor = QueryParams.given(cursorParam);
        return directory.regions().flatMap(regions -> {
            RegionView region = regions.require(regionCode).view();
            List<Problem.FieldError> errors = new ArrayList<>();
            int limit = QueryParams.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT, errors);
            ListingSort sort = QueryParams.constant(ListingSort.class, "sort", sortParam, errors);
            ListingFilter filter = ListingFilter.parse(narrowing.minPrice(), narrowing.maxPrice(),
                    narrowing.inStock(), narrowing.options(), narrowing.specs(), errors);
            boolean facets = QueryParams.flag("facets", narrowing.facets(), errors);
            if (sort == ListingSort.RELEVANCE && q == null) {
                errors.add(new Problem.FieldError("sort", "relevance ranks the words of q: give q"));
            }
            String after = null;
            String afterKey = null;
            if (cursor != null) {
                String[] position = Cursor.decode(cursor).map(key -> key.split("\\|", 3)).orElse(null);
                boolean fits = position != null && (sort == null ? position.length == 1
                        : position.length == 3 && position[0].equals(sort.name()) && sort.takes(position[2]));
                if (!fits) {
                    errors.add(new Problem.FieldError("cursor", "is not a cursor this API issued for this sort"));
                } else {
                    after = sort == null ? position[0] : position[1];
                    afterKey = sort == null ? null : position[2];
                }
            }
            String categoryCode = null;
            if (category != null) {
                categoryCode = category.toUpperCase(Locale.ROOT);
                if (!regions.categories().contains(categoryCode)) {
                    errors.add(new Problem.FieldError("category",
                            "unknown category; one of " + String.join(", ", regions.categories().stream().sorted().toList())));
                }
            }
            if (q != null && q.length() > MAX_QUERY_LENGTH) {
                errors.add(new Problem.FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            String locale = Locales.negotiate(acceptLanguage, region.supportedLocales(), region.defaultLocale());
            ListKey key = new ListKey(region.code(), locale, categoryCode, q, after, limit, sort, afterKey, filter,
                    facets);
            return cache.get(key, () -> loadPage(region, key));
        });
    }

    private Uni<CachedResponse> loadPage(RegionView region, ListKey key) {
        ListingQuery query = new ListingQuery(region.code(), clock.instant(), key.category(), key.text(), key.locale(),
                region.defaultLocale(), key.after(), key.limit() + 1, key.sort(), key.afterKey(), key.filter(), null);
        Uni<FacetIndex.Answer> indexed = key.facets() || !key.filter().empty()
                ? facetIndex.answer(query, key.facets()) : Uni.createFrom().item(FacetIndex.Answer.NONE);
        return indexed.flatMap(answer -> repository.availableProducts(query.among(answer.candidates())).flatMap(found -> {
            Facets counted = answer.facets() == null ? null : facets(answer.facets(), region, key.locale());
            List<ListedProduct> page = found.size() > key.limit() ? found.subList(0, key.limit()) : found;
            ListedProduct last = page.isEmpty() ? null : page.get(page.size() - 1);
            String next = found.size() > key.limit() ? Cursor.encode(key.sort() == null ? last.slug()
                    : key.sort().name() + "|" + last.slug() + "|" + last.sortKey()) : null;
            return repository.pricedSkus(region.code(), page.stream().map(ListedProduct::id).toList()).map(skus -> {
                Map<Long, List<SkuView>> skusByProduct = new LinkedHashMap<>();
                for (PricedSku sku : skus) {
                    skusByProduct.computeIfAbsent(sku.productId(), id -> new ArrayList<>())
                            .add(new SkuView(sku.code(), sku.options(), new Money(sku.price(), region.currency()),
                                    sku.stock(), Image.of(sku.image(), key.locale(), region.defaultLocale())));
                }
                List<ProductSummary> items = page.stream().map(p -> new ProductSummary(p.slug(), p.name(), p.category(),
                        new PriceRange(new Money(p.minPrice(), region.currency()), new Money(p.maxPrice(), region.currency())),
                        skusByProduct.getOrDefault(p.id(), List.of()),
                        Image.of(p.image(), key.locale(), region.defaultLocale()))).toList();
                return cache.json(200, new ProductPage(items, next, counted), key.locale());
            });
        }));
    }

    /** The facets' JSON as the contract words it: labels in the response's language. */
    private static Facets facets(JsonObject json, RegionView region, String locale) {
        String fallback = region.defaultLocale();
        List<CatalogApi.FacetCount> categories = new ArrayList<>();
        json.getJsonArray("categories").forEach(o -> categories.add(new CatalogApi.FacetCount(
                ((JsonObject) o).getString("code"), ((JsonObject) o).getInteger("count"))));
        Map<String, CatalogApi.OptionFacet> options = new LinkedHashMap<>();
        json.getJsonArray("options").forEach(o -> {
            JsonObject row = (JsonObject) o;
            String code = row.getString("code");
            CatalogApi.OptionFacet facet = options.computeIfAbsent(code, c -> new CatalogApi.OptionFacet(c,
                    label(row.getJsonObject("labels"), locale, fallback, c), new ArrayList<>()));
            facet.values().add(new CatalogApi.FacetValue(row.getString("value"),
                    label(row.getJsonObject("valueLabels"), locale, fallback, row.getString("value")),
                    row.getInteger("count")));
        });
        Map<String, CatalogApi.SpecificationFacet> specs = new TreeMap<>();
        json.getJsonArray("flags").forEach(o -> {
            JsonObject row = (JsonObject) o;
            String code = row.getString("code");
            CatalogApi.SpecificationFacet facet = specs.computeIfAbsent(code, c -> new CatalogApi.SpecificationFacet(c,
                    label(row.getJsonObject("labels"), locale, fallback, c), "BOOLEAN", 0, new ArrayList<>(), null,
                    null, null));
            boolean flag = row.getBoolean("flag");
            facet.values().add(new CatalogApi.FacetValue(String.valueOf(flag), SpecDisplay.of(new StoredProduct.Spec(
                    code, "", null, Map.of(), "BOOLEAN", null, null, flag, null, null), locale, fallback),
                    row.getInteger("count")));
        });
        json.getJsonArray("terms").forEach(o -> {
            JsonObject row = (JsonObject) o;
            String code = row.getString("code");
            CatalogApi.SpecificationFacet facet = specs.computeIfAbsent(code, c -> new CatalogApi.SpecificationFacet(c,
                    label(row.getJsonObject("labels"), locale, fallback, c), "LIST", 0, new ArrayList<>(), null,
                    null, null));
            facet.values().add(new CatalogApi.FacetValue(row.getString("term"), row.getString("term"),
                    row.getInteger("count")));
        });
        json.getJsonArray("ranges").forEach(o -> {
            JsonObject row = (JsonObject) o;
            String code = row.getString("code");
            if (row.getValue("min") == null || row.getValue("max") == null) {
                return;
            }
            specs.put(code, new CatalogApi.SpecificationFacet(code,
                    label(row.getJsonObject("labels"), locale, fallback, code), "NUMBER", row.getInteger("count"),
                    List.of(), new java.math.BigDecimal(row.getValue("min").toString()),
                    new java.math.BigDecimal(row.getValue("max").toString()), row.getString("unit")));
        });
        JsonObject having = json.getJsonObject("having");
        List<CatalogApi.SpecificationFacet> specifications = specs.values().stream().map(f -> f.type().equals("NUMBER")
                ? f : new CatalogApi.SpecificationFacet(f.code(), f.label(), f.type(),
                        having.getInteger(f.code(), 0), f.values(), null, null, null)).toList();
        Long min = json.getLong("minPrice");
        Long max = json.getLong("maxPrice");
        return new Facets(json.getInteger("total"), categories, min == null ? null
                : new PriceRange(new Money(min, region.currency()), new Money(max, region.currency())),
                json.getInteger("inStock"), List.copyOf(options.values()), specifications);
    }

    private static String label(JsonObject labels, String locale, String fallback, String otherwise) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach(e -> texts.put(e.getKey(), String.valueOf(e.getValue())));
        }
        return StoredProduct.pick(texts, locale, fallback, otherwise);
    }

    Uni<CachedResponse> detail(String regionCode, String slug, String acceptLanguage) {
        return directory.regions().flatMap(regions -> {
            Regions.Entry entry = regions.require(regionCode);
            RegionView region = entry.view();
            String locale = Locales.negotiate(acceptLanguage, region.supportedLocales(), region.defaultLocale());
            DetailKey key = new DetailKey(region.code(), locale, slug);
            return cache.get(key, () -> repository.findBySlug(slug).map(found -> {
                if (found.isEmpty()) {
                    return cache.problem(productNotFound(slug), locale);
                }
                StoredProduct product = found.get();
                Instant now = clock.instant();
                Decision decision = decide(product, entry, now);
                if (!decision.available()) {
                    return cache.problem(notAvailable(product, region, decision, availableIn(product, regions, now)),
                            locale);
                }
                return cache.json(200, detailView(product, region, locale), locale);
            }));
        });
    }

    Uni<CachedResponse> availability(String regionCode, String slug) {
        return directory.regions().flatMap(regions -> {
            Regions.Entry entry = regions.require(regionCode);
            RegionView region = entry.view();
            return cache.get(new AvailabilityKey(region.code(), slug), () -> repository.findBySlug(slug).map(found -> {
                if (found.isEmpty()) {
                    return cache.problem(productNotFound(slug), null);
                }
                StoredProduct product = found.get();
                Instant now = clock.instant();
                List<SkuAvailability> skus = product.skus().stream().map(sku -> {
                    Long price = sku.pricesByRegion().get(region.code());
                    Decision d = AvailabilityPolicy.decide(product.facts(), price != null, entry.rules(), now,
                            product.listingIn(region.code()));
                    return new SkuAvailability(sku.code(), d.available(),
                            price == null ? null : new Money(price, region.currency()), d.reasons());
                }).toList();
                Decision decision = decide(product, entry, now);
                return cache.json(200, new AvailabilityView(region.code(), product.facts().slug(), now,
                        decision.available(), decision.reasons(), skus, availableIn(product, regions, now)), null);
            }));
        });
    }

    /** The product as a whole: available in a region when one of its SKUs is. */
    // ---- what other features ask of the catalog, on their transaction's connection or the pool ----

    /** The SKUs among {@code codes} as a cart, a checkout or a flash sale sees them in a region. */
    public Uni<Map<String, SkuInRegion>> skusIn(SqlClient client, String region, List<String> codes, String locale,
                                                String fallbackLocale) {
        return new CatalogRepository(client).skusIn(region, codes, locale, fallbackLocale);
    }

    /** What the availability decision needs of every product in a region. */
    public Uni<List<ProductInRegion>> productsIn(Statements tx, String region) {
        return CatalogRepository.productsIn(tx, region, null);
    }

    /** The same for the products among {@code slugs} (those the catalog has). */
    public Uni<List<ProductInRegion>> productsIn(Statements tx, String region, List<String> slugs) {
        return CatalogRepository.productsIn(tx, region, List.copyOf(slugs));
    }

    private static Decision decide(StoredProduct product, Regions.Entry region, Instant now) {
        boolean anyPriced = product.skus().stream().anyMatch(s -> s.pricesByRegion().containsKey(region.view().code()));
        return AvailabilityPolicy.decide(product.facts(), anyPriced, region.rules(), now,
                product.listingIn(region.view().code()));
    }

    private static List<String> availableIn(StoredProduct product, Regions regions, Instant now) {
        return regions.all().stream().filter(r -> decide(product, r, now).available())
                .map(r -> r.view().code()).toList();
    }

    private static ProductDetail detailView(StoredProduct product, RegionView region, String locale) {
        Text text = pickText(product, locale, region.defaultLocale());
        List<SkuView> skus = new ArrayList<>();
        java.util.Set<String> sold = new java.util.HashSet<>();
        for (StoredSku sku : product.skus()) {
            Long price = sku.pricesByRegion().get(region.code());
            if (price != null) {
                sold.add(sku.code());
                StoredProduct.Picture own = product.media().stream().filter(m -> sku.code().equals(m.sku()))
                        .findFirst().orElse(null);
                skus.add(new SkuView(sku.code(), sku.options(), new Money(price, region.currency()),
                        sku.stockIn(region.code()), Image.of(own, locale, region.defaultLocale())));
            }
        }
        List<Image> media = product.media().stream().filter(m -> m.sku() == null || sold.contains(m.sku()))
                .map(m -> Image.of(m, locale, region.defaultLocale())).toList();
        long min = skus.stream().mapToLong(s -> s.price().amountMinor()).min().orElseThrow();
        long max = skus.stream().mapToLong(s -> s.price().amountMinor()).max().orElseThrow();
        return new ProductDetail(product.facts().slug(), text == null ? product.facts().slug() : text.name(),
                text == null ? "" : text.description(), product.facts().category(),
                product.facts().certifications().stream().sorted().toList(),
                new PriceRange(new Money(min, region.currency()), new Money(max, region.currency())), skus, media,
                selectors(product, skus, locale, region.defaultLocale()),
                specifications(product, sold, locale, region.defaultLocale()));
    }

    /** The specification table: each group with the rows of the product and of the SKUs sold here; empty groups left out. */
    private static List<CatalogApi.SpecTableGroup> specifications(StoredProduct product, java.util.Set<String> sold,
                                                                  String locale, String defaultLocale) {
        List<CatalogApi.SpecTableGroup> table = new ArrayList<>();
        for (StoredProduct.SpecGroup group : product.specGroups()) {
            List<CatalogApi.SpecRow> rows = product.specs().stream()
                    .filter(spec -> spec.group().equals(group.code()) && (spec.sku() == null || sold.contains(spec.sku())))
                    .map(spec -> new CatalogApi.SpecRow(spec.code(),
                            StoredProduct.pick(spec.labels(), locale, defaultLocale, spec.code()), spec.sku(),
                            spec.type(), SpecDisplay.of(spec, locale, defaultLocale), spec.number(), spec.unit(),
                            spec.flag(), spec.text() == null ? null
                                    : StoredProduct.pick(spec.text(), locale, defaultLocale, ""), spec.items()))
                    .toList();
            if (!rows.isEmpty()) {
                table.add(new CatalogApi.SpecTableGroup(group.code(),
                        StoredProduct.pick(group.labels(), locale, defaultLocale, group.code()), rows));
            }
        }
        return table;
    }

    /**
     * The selectors of the SKUs sold here: the declared option types and those of
     * their values some sold SKU has, in declared order; for a product that
     * declares none, what its SKUs' options name, as they name it.
     */
    private static List<CatalogApi.OptionSelector> selectors(StoredProduct product, List<SkuView> sold, String locale,
                                                             String defaultLocale) {
        List<StoredProduct.OptionType> types = product.options();
        if (types.isEmpty()) {
            Map<String, java.util.LinkedHashSet<String>> named = new LinkedHashMap<>();
            sold.forEach(sku -> sku.options().forEach((option, value) ->
                    named.computeIfAbsent(option, k -> new java.util.LinkedHashSet<>()).add(value)));
            List<StoredProduct.OptionType> derived = new ArrayList<>();
            named.forEach((option, values) -> derived.add(new StoredProduct.OptionType(option, Map.of(),
                    values.stream().map(v -> new StoredProduct.OptionValue(v, Map.of())).toList())));
            types = derived;
        }
        List<CatalogApi.OptionSelector> selectors = new ArrayList<>();
        for (StoredProduct.OptionType type : types) {
            List<CatalogApi.OptionChoice> choices = new ArrayList<>();
            for (StoredProduct.OptionValue value : type.values()) {
                List<SkuView> having = sold.stream().filter(sku -> value.code().equals(sku.options().get(type.code())))
                        .toList();
                if (!having.isEmpty()) {
                    choices.add(new CatalogApi.OptionChoice(value.code(),
                            StoredProduct.pick(value.labels(), locale, defaultLocale, value.code()),
                            having.stream().anyMatch(sku -> sku.stock() != StockState.OUT_OF_STOCK)));
                }
            }
            selectors.add(new CatalogApi.OptionSelector(type.code(),
                    StoredProduct.pick(type.labels(), locale, defaultLocale, type.code()), choices));
        }
        return selectors;
    }

    /** The same preference as the listing query: requested locale, region default, English, then any. */
    static Text pickText(StoredProduct product, String locale, String defaultLocale) {
        Comparator<Text> preference = Comparator
                .comparing((Text t) -> !t.locale().equals(locale))
                .thenComparing(t -> !t.locale().equals(defaultLocale))
                .thenComparing(t -> !t.locale().equals("en"))
                .thenComparing(Text::locale);
        return product.texts().stream().min(preference).orElse(null);
    }

    private static Problem productNotFound(String slug) {
        return new Problem(404, "PRODUCT_NOT_FOUND", "Product not found", "No product has the slug '" + slug + "'.",
                null, null);
    }

    private static Problem notAvailable(StoredProduct product, RegionView region, Decision decision,
                                        List<String> availableIn) {
        String where = availableIn.isEmpty() ? "It is not sold in any region right now."
                : "It is sold in " + String.join(", ", availableIn) + ".";
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("region", region.code());
        extensions.put("product", product.facts().slug());
        extensions.put("reasons", decision.reasons());
        extensions.put("availableIn", availableIn);
        return new Problem(404, "PRODUCT_NOT_AVAILABLE_IN_REGION", "Not available in your region",
                "Product '" + product.facts().slug() + "' is not available in region " + region.code() + ". " + where,
                null, extensions);
    }

}
