package storefront.catalog;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import storefront.catalog.CatalogRepository.FacetRow;
import storefront.catalog.CatalogRepository.FacetSku;
import storefront.catalog.CatalogRepository.Labels;
import storefront.catalog.CatalogRepository.ListingQuery;
import storefront.common.CatalogVersion;
import storefront.common.SharedLoad;

/**
 * The facets of a listing's filter, counted in memory. For each region it holds
 * what the filters and the facets read of every product the region's shoppers
 * can buy (its category, price range, the options, price and stock of each SKU
 * priced there, its specifications), read once per catalog generation through
 * the listing's own statement, so the one availability decision chose them. A
 * change anywhere moves the generation on (a notice from PostgreSQL, a write
 * here, a sales window's boundary) and the next facets asked for rebuild it, as
 * cached answers are dropped. A text narrows it to the products the listing's
 * text test accepts, which SQL answers. Its size follows the catalog's (shared
 * values held once), not the requests'.
 */
@Singleton
class FacetIndex {

    private record OptionKey(String code, String value) {
    }

    private record FlagKey(String code, boolean flag) {
    }

    private record TermKey(String code, String term) {
    }

    /** A product has a specification of this code (of any type). */
    private record HasKey(String code) {
    }

    /** A product has a NUMBER specification of this code. */
    private record RangeKey(String code) {
    }

    /** A SKU priced in the region, as the filter reads it. */
    private record Sku(long price, boolean stocked, Map<String, String> options) {
    }

    /** A specification as the filter reads it: number for NUMBER, flag for BOOLEAN, items for LIST. */
    private record Spec(String code, String type, BigDecimal number, Boolean flag, List<String> items) {
    }

    /** {@code keys}: each value it counts for once; {@code numbers}: its NUMBER specifications. */
    private record Product(long id, String slug, String category, long minPrice, long maxPrice, boolean stocked,
                           List<Sku> skus, List<Spec> specs, List<Object> keys, List<Spec> numbers) {
    }

    /** A region's products by slug, and the labels and units of what they declare or have, as the first gives them. */
    private record Index(List<Product> products, Map<String, Object> optionLabels,
                         Map<OptionKey, Object> valueLabels, Map<String, Object> specLabels,
                         Map<String, String> units) {
    }

    private record Built(long generation, CompletableFuture<Index> index) {
    }

    private final CatalogRepository repository;
    private final CatalogVersion version;
    private final Map<String, Built> regions = new ConcurrentHashMap<>();

    @Inject
    FacetIndex(CatalogRepository repository, CatalogVersion version) {
        this.repository = repository;
        this.version = version;
    }

    /**
     * What the index says of a listing: its facets, when asked for; and, when its filter allows few enough products
     * that testing them beats walking the listing's order until a page is full, their ids (else null).
     */
    record Answer(JsonObject facets, List<Long> candidates) {
        static final Answer NONE = new Answer(null, null);
    }

    /** The answer for the listing {@code q}, whatever its page. */
    Uni<Answer> answer(ListingQuery q, boolean facets) {
        Uni<Set<Long>> matching = facets && q.text() != null ? repository.matchingIds(q) : Uni.createFrom().nullItem();
        return matching.flatMap(ids -> SharedLoad.await(index(q)).map(index -> answer(index, q, facets, ids)));
    }

    /** The region's index of the current generation, built once however many ask at once. */
    private CompletableFuture<Index> index(ListingQuery q) {
        long generation = version.current();
        Built[] started = new Built[1];
        Built built = regions.compute(q.region(), (region, known) -> {
            if (known != null && known.generation() >= generation) {
                return known;  // a newer one is as good: built after this request's generation began
            }
            return started[0] = new Built(generation, new CompletableFuture<>());
        });
        if (started[0] != null) {
            build(q).subscribe().with(built.index()::complete, failure -> {
                regions.remove(q.region(), built);  // the next request tries again
                built.index().completeExceptionally(failure);
            });
        }
        return built.index();
    }

    private Uni<Index> build(ListingQuery q) {
        // The two statements run side by side; reading 100,000 products' rows is CPU work too: off the event loop.
        return Uni.combine().all().unis(repository.facetRows(q), repository.facetSkus(q.region())).asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool()).flatMap(read -> {
                    Sources sources = new Sources();
                    List<Product> products = products(read.getItem1(), read.getItem2(), sources);
                    Set<Long> ids = new HashSet<>(sources.options.values());
                    ids.addAll(sources.values.values());
                    ids.addAll(sources.specs.values());
                    return repository.labels(ids).emitOn(Infrastructure.getDefaultWorkerPool())
                            .map(labels -> index(products, sources, labels));
                });
    }

    /** The first product (by slug) that declares each option type, has each option value, has each specification. */
    private static final class Sources {
        final Map<String, Long> options = new HashMap<>();
        final Map<OptionKey, Long> values = new HashMap<>();
        final Map<String, Long> specs = new HashMap<>();
    }

    private static List<Product> products(List<FacetRow> rows, List<FacetSku> priced, Sources sources) {
        Map<Object, Object> shared = new HashMap<>();
        Map<Long, List<FacetSku>> skusOf = new HashMap<>(rows.size() * 2);
        priced.forEach(sku -> skusOf.computeIfAbsent(sku.productId(), id -> new ArrayList<>(2)).add(sku));
        Map<String, Map<String, String>> parsed = new HashMap<>();
        List<Product> products = new ArrayList<>(rows.size());
        // In the listing's order: slug, in the byte order of product.slug (collate "C"), as String compares them.
        for (FacetRow row : rows.stream().sorted(Comparator.comparing(FacetRow::slug)).toList()) {
            Set<String> declared = new HashSet<>();
            new JsonArray(row.declared()).forEach(code -> declared.add(String.valueOf(code)));
            declared.forEach(code -> sources.options.putIfAbsent(code, row.id()));
            Set<Object> keys = new LinkedHashSet<>();
            List<Sku> skus = new ArrayList<>();
            boolean stocked = false;
            for (FacetSku sku : skusOf.getOrDefault(row.id(), List.of())) {
                Map<String, String> options = parsed.computeIfAbsent(sku.options(), json -> {
                    Map<String, String> sorted = new TreeMap<>();
                    new JsonObject(json).forEach(e -> sorted.put(e.getKey(), String.valueOf(e.getValue())));
                    return Map.copyOf(sorted);
                });
                options.forEach((code, value) -> {
                    OptionKey key = intern(shared, new OptionKey(code, value));
                    keys.add(key);
                    if (declared.contains(code)) {
                        sources.values.putIfAbsent(key, row.id());
                    }
                });
                stocked |= sku.stocked();
                skus.add(new Sku(sku.price(), sku.stocked(), options));
            }
            List<Spec> specs = new ArrayList<>();
            List<Spec> numbers = new ArrayList<>();
            for (Object o : new JsonArray(row.specs())) {
                JsonArray a = (JsonArray) o;
                String code = a.getString(0);
                JsonArray items = a.getJsonArray(4);
                List<String> terms = items == null ? null : items.stream().map(String::valueOf).toList();
                String number = a.getString(2);
                Spec spec = intern(shared, new Spec(code, a.getString(1),
                        number == null ? null : new BigDecimal(number), a.getBoolean(3), terms));
                specs.add(spec);
                sources.specs.putIfAbsent(code, row.id());
                keys.add(intern(shared, new HasKey(code)));
                if (spec.type().equals("BOOLEAN") && spec.flag() != null) {
                    keys.add(intern(shared, new FlagKey(code, spec.flag())));
                } else if (spec.type().equals("LIST") && terms != null) {
                    terms.forEach(term -> keys.add(intern(shared, new TermKey(code, term))));
                } else if (spec.type().equals("NUMBER") && spec.number() != null) {
                    keys.add(intern(shared, new RangeKey(code)));
                    numbers.add(spec);
                }
            }
            products.add(new Product(row.id(), row.slug(), intern(shared, row.category()), row.minPrice(),
                    row.maxPrice(), stocked, intern(shared, List.copyOf(skus)), intern(shared, List.copyOf(specs)),
                    intern(shared, List.copyOf(keys)), intern(shared, List.copyOf(numbers))));
        }
        return List.copyOf(products);
    }

    /** The index, with each label and unit as its source product gives it. */
    private static Index index(List<Product> products, Sources sources, Map<Long, Labels> labels) {
        Map<String, Object> optionLabels = new HashMap<>();
        Map<OptionKey, Object> valueLabels = new HashMap<>();
        Map<String, Object> specLabels = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        Map<Long, List<JsonObject>> declared = new HashMap<>();
        Map<Long, List<JsonObject>> specifications = new HashMap<>();
        labels.forEach((id, l) -> {
            declared.put(id, objects(l.options()));
            specifications.put(id, objects(l.specifications()));
        });
        sources.options.forEach((code, id) -> declared.getOrDefault(id, List.of()).stream()
                .filter(o -> code.equals(o.getString("code"))).findFirst()
                .ifPresent(o -> optionLabels.put(code, o.getValue("labels"))));
        sources.values.forEach((key, id) -> declared.getOrDefault(id, List.of()).stream()
                .filter(o -> key.code().equals(o.getString("code"))).findFirst()
                .flatMap(o -> objects(o.getJsonArray("values")).stream()
                        .filter(v -> key.value().equals(v.getString("code"))).findFirst())
                .ifPresent(v -> valueLabels.put(key, v.getValue("labels"))));
        sources.specs.forEach((code, id) -> specifications.getOrDefault(id, List.of()).stream()
                .filter(a -> code.equals(a.getString("code"))).findFirst().ifPresent(a -> {
                    specLabels.put(code, a.getValue("labels"));
                    if (a.getValue("unit") instanceof String unit) {
                        units.put(code, unit);
                    }
                }));
        return new Index(products, optionLabels, valueLabels, specLabels, units);
    }

    private static List<JsonObject> objects(String json) {
        return json == null ? List.of() : objects(new JsonArray(json));
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> objects = new ArrayList<>();
        if (array != null) {
            array.forEach(o -> {
                if (o instanceof JsonObject object) {
                    objects.add(object);
                }
            });
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static <T> T intern(Map<Object, Object> shared, T value) {
        return (T) shared.computeIfAbsent(value, v -> v);
    }

    /** What the listing's SQL filter allows, in the same words (see CatalogRepository's listing). */
    private static boolean allows(Product p, String category, ListingFilter filter) {
        if (category != null && !category.equals(p.category())) {
            return false;
        }
        if (filter.empty()) {
            return true;
        }
        boolean sku = p.skus().stream().anyMatch(s -> (filter.minPrice() == null || s.price() >= filter.minPrice())
                && (filter.maxPrice() == null || s.price() <= filter.maxPrice())
                && (!filter.inStock() || s.stocked())
                && s.options().entrySet().containsAll(filter.options().entrySet()));
        return sku && filter.specs().stream().allMatch(c -> p.specs().stream().anyMatch(a -> meets(a, c)));
    }

    private static boolean meets(Spec a, ListingFilter.Spec c) {
        if (!a.code().equals(c.code())) {
            return false;
        }
        if (c.flag() != null) {
            return a.type().equals("BOOLEAN") && c.flag().equals(a.flag());
        }
        if (c.term() != null) {
            return a.type().equals("LIST") && a.items() != null && a.items().contains(c.term());
        }
        return a.type().equals("NUMBER") && a.number() != null
                && (c.min() == null || a.number().compareTo(c.min()) >= 0)
                && (c.max() == null || a.number().compareTo(c.max()) <= 0);
    }

    /**
     * The candidates, and the counts in the shape CatalogService reads: every product the filter allows and the
     * text matched ({@code matching}, null without a text). In slug order without a text the candidates are the
     * page itself: the first {@code limit} the filter allows after the cursor. Otherwise they are all the filter
     * allows, when few: a walk in another order meets the filter's {@code c} products about once in {@code n / c}
     * rows, so filling a page of {@code k} costs about {@code k n / c} rows against {@code c} for testing the
     * candidates; they are given up to the square root of {@code k n}, doubled, as products rarely spread evenly
     * along an order.
     */
    private static Answer answer(Index index, ListingQuery q, boolean facets, Set<Long> matching) {
        List<Product> products = index.products();
        boolean slugPage = q.sort() == null && q.text() == null;
        int most = q.filter().empty() ? -1 : slugPage ? q.limit()
                : (int) (2 * Math.sqrt((double) q.limit() * products.size()));
        List<Long> candidates = most < 0 ? null : new ArrayList<>();
        boolean full = false;
        int start = slugPage && q.afterSlug() != null ? after(products, q.afterSlug()) : 0;
        int total = 0;
        int inStock = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        Map<String, Integer> categories = new TreeMap<>();
        Map<Object, Integer> counts = new HashMap<>();
        Map<String, BigDecimal[]> ranges = new TreeMap<>();
        for (int i = facets ? 0 : start; i < products.size(); i++) {
            Product p = products.get(i);
            if (!allows(p, q.category(), q.filter())) {
                continue;
            }
            if (candidates != null && !full && i >= start) {
                if (candidates.size() < most) {
                    candidates.add(p.id());
                } else if (slugPage) {
                    full = true;
                } else {
                    candidates = null;  // too many: the walk finds a page sooner
                }
            }
            if (!facets && (candidates == null || full)) {
                break;
            }
            if (!facets || (matching != null && !matching.contains(p.id()))) {
                continue;
            }
            total++;
            inStock += p.stocked() ? 1 : 0;
            min = Math.min(min, p.minPrice());
            max = Math.max(max, p.maxPrice());
            categories.merge(p.category(), 1, Integer::sum);
            for (Object key : p.keys()) {
                counts.merge(key, 1, Integer::sum);
            }
            for (Spec n : p.numbers()) {
                ranges.merge(n.code(), new BigDecimal[] {n.number(), n.number()}, (a, b) -> new BigDecimal[] {
                        a[0].min(b[0]), a[1].max(b[1])});
            }
        }
        JsonArray categoryCounts = new JsonArray();
        categories.forEach((code, n) -> categoryCounts.add(new JsonObject().put("code", code).put("count", n)));
        JsonObject having = new JsonObject();
        JsonArray options = new JsonArray();
        JsonArray flags = new JsonArray();
        JsonArray terms = new JsonArray();
        counted(counts, HasKey.class, Comparator.comparing(HasKey::code))
                .forEach(k -> having.put(k.code(), counts.get(k)));
        counted(counts, OptionKey.class, Comparator.comparing(OptionKey::code)
                .thenComparing(k -> -counts.get(k)).thenComparing(OptionKey::value))
                .forEach(k -> options.add(new JsonObject().put("code", k.code()).put("value", k.value())
                        .put("count", counts.get(k)).put("labels", index.optionLabels().get(k.code()))
                        .put("valueLabels", index.valueLabels().get(k))));
        counted(counts, FlagKey.class, Comparator.comparing(FlagKey::code).thenComparing(k -> !k.flag()))
                .forEach(k -> flags.add(new JsonObject().put("code", k.code()).put("flag", k.flag())
                        .put("count", counts.get(k)).put("labels", index.specLabels().get(k.code()))));
        counted(counts, TermKey.class, Comparator.comparing(TermKey::code)
                .thenComparing(k -> -counts.get(k)).thenComparing(TermKey::term))
                .forEach(k -> terms.add(new JsonObject().put("code", k.code()).put("term", k.term())
                        .put("count", counts.get(k)).put("labels", index.specLabels().get(k.code()))));
        JsonArray numberRanges = new JsonArray();
        ranges.forEach((code, r) -> numberRanges.add(new JsonObject().put("code", code).put("min", r[0])
                .put("max", r[1]).put("unit", index.units().get(code)).put("count", counts.get(new RangeKey(code)))
                .put("labels", index.specLabels().get(code))));
        JsonObject counted = !facets ? null : new JsonObject().put("total", total).put("categories", categoryCounts)
                .put("minPrice", total == 0 ? null : min).put("maxPrice", total == 0 ? null : max)
                .put("inStock", inStock).put("having", having).put("options", options).put("flags", flags)
                .put("terms", terms).put("ranges", numberRanges);
        return new Answer(counted, candidates == null ? null : List.copyOf(candidates));
    }

    /** The position of the first product whose slug comes after {@code slug}. */
    private static int after(List<Product> products, String slug) {
        int low = 0;
        int high = products.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (products.get(mid).slug().compareTo(slug) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static <K> List<K> counted(Map<Object, Integer> counts, Class<K> kind, Comparator<K> order) {
        return counts.keySet().stream().filter(kind::isInstance).map(kind::cast).sorted(order).toList();
    }
}
