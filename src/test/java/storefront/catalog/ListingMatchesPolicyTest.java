package storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import storefront.availability.AvailabilityPolicy;
import storefront.availability.Listing;
import storefront.availability.ProductFacts;
import storefront.availability.RegionRules;
import storefront.catalog.CatalogRepository.ListingQuery;

/**
 * The SQL listing and the pure availability decision agree on every product of a
 * generated catalog: same rules, including the edges of every sales window.
 * Each try writes its catalog in a transaction that is rolled back.
 */
class ListingMatchesPolicyTest {

    static final List<String> CATEGORIES = List.of("PHONE", "WEARABLE", "AUDIO", "POWER");
    static final List<String> CERTIFICATIONS = List.of("FCC", "CE", "CCC", "BIS");
    static final List<String> REGIONS = List.of("RA", "RB", "RC");
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    /** Window edges around NOW, including NOW itself. */
    static final List<Long> OFFSETS = List.of(-7200L, -1L, 0L, 1L, 7200L);

    static Vertx vertx;
    static Pool pool;

    record GenRegion(String code, boolean open, Set<String> sold, Map<String, Set<String>> required) {
        RegionRules rules() {
            return new RegionRules(code, open, sold, required);
        }
    }

    record GenProduct(String slug, String category, Set<String> certifications, boolean retired,
                      List<Set<String>> skuPricedIn, Map<String, Listing> listings) {
    }

    record Catalog(List<GenRegion> regions, List<GenProduct> products) {
    }

    @BeforeContainer
    static void migrate() {
        String host = env("DB_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("DB_PORT", "5432"));
        String database = env("DB_NAME", "postgres");
        String user = env("DB_USER", "postgres");
        String password = env("DB_PASSWORD", "");
        String schema = env("DB_PROPERTY_SCHEMA", "storefront_property_test");
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password)
                .schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/migration").cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
        vertx = Vertx.vertx();
        PgConnectOptions options = new PgConnectOptions().setHost(host).setPort(port).setDatabase(database)
                .setUser(user).setPassword(password).addProperty("search_path", schema);
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(options).using(vertx).build();
    }

    @AfterContainer
    static void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    @Property(tries = 150)
    void listingHoldsExactlyTheProductsThePolicyAllows(@ForAll("catalogs") Catalog catalog,
                                                       @ForAll("pageSizes") int pageSize) {
        SqlConnection connection = pool.getConnectionAndAwait();
        try {
            connection.query("begin").executeAndAwait();
            write(connection, catalog);
            CatalogRepository repository = new CatalogRepository(connection);
            for (GenRegion region : catalog.regions()) {
                Set<String> expected = new TreeSet<>();
                for (GenProduct product : catalog.products()) {
                    boolean anyPriced = product.skuPricedIn().stream().anyMatch(r -> r.contains(region.code()));
                    ProductFacts facts = new ProductFacts(product.slug(), product.category(), product.certifications(),
                            product.retired());
                    if (AvailabilityPolicy.decide(facts, anyPriced, region.rules(), NOW,
                            product.listings().getOrDefault(region.code(), Listing.DEFAULT)).available()) {
                        expected.add(product.slug());
                    }
                }
                List<String> listed = walk(repository, region.code(), pageSize);
                assertThat(listed).as("region %s", region.code()).doesNotHaveDuplicates().isSorted();
                assertThat(listed).as("region %s", region.code()).containsExactlyElementsOf(expected);
            }
        } finally {
            connection.query("rollback").executeAndAwait();
            connection.closeAndAwait();
        }
    }

    static List<String> walk(CatalogRepository repository, String region, int pageSize) {
        List<String> slugs = new ArrayList<>();
        String after = null;
        while (true) {
            var page = repository.availableProducts(new ListingQuery(region, NOW, null, null, "en", "en", after,
                    pageSize + 1)).await().indefinitely();
            boolean more = page.size() > pageSize;
            page.stream().limit(pageSize).forEach(p -> slugs.add(p.slug()));
            if (!more) {
                return slugs;
            }
            after = slugs.get(slugs.size() - 1);
        }
    }

    static void write(SqlConnection c, Catalog catalog) {
        for (String category : CATEGORIES) {
            exec(c, "insert into category (code, name) values ($1, $1) on conflict do nothing", category);
        }
        for (String cert : CERTIFICATIONS) {
            exec(c, "insert into certification (code, name) values ($1, $1) on conflict do nothing", cert);
        }
        for (GenRegion r : catalog.regions()) {
            exec(c, "insert into region (code, name, currency, default_locale, supported_locales, tax_mode, open, closed_reason) "
                    + "values ($1::text, $1::text, 'USD', 'en', array['en'], 'EXCLUSIVE', $2::boolean, "
                    + "case when $2::boolean then null else 'test' end)",
                    r.code(), r.open());
            for (String category : r.sold()) {
                exec(c, "insert into region_category values ($1, $2)", r.code(), category);
            }
            r.required().forEach((category, certs) -> certs.forEach(cert ->
                    exec(c, "insert into region_certification_requirement values ($1, $2, $3)", r.code(), category, cert)));
        }
        int skuNo = 0;
        for (GenProduct p : catalog.products()) {
            long id = c.preparedQuery("insert into product (slug, category_code, retired_at, retired_reason) "
                            + "values ($1, $2, case when $3 then now() end, case when $3 then 'generated' end) returning id")
                    .executeAndAwait(Tuple.of(p.slug(), p.category(), p.retired())).iterator().next().getLong(0);
            exec(c, "insert into product_text (product_id, locale, name) values ($1, 'en', $2)", id, p.slug());
            for (String cert : p.certifications()) {
                exec(c, "insert into product_certification values ($1, $2)", id, cert);
            }
            for (Set<String> pricedIn : p.skuPricedIn()) {
                long skuId = c.preparedQuery("insert into sku (code, product_id, options) values ($1, $2, $3) returning id")
                        .executeAndAwait(Tuple.of("SKU-" + (++skuNo), id, new JsonObject()))
                        .iterator().next().getLong(0);
                for (String region : pricedIn) {
                    exec(c, "insert into sku_price values ($1, $2, 'USD', $3)", skuId, region, 100L * skuNo);
                }
            }
            p.listings().forEach((region, l) -> exec(c,
                    "insert into product_region values ($1, $2, $3, $4, $5, $6)", id, region, l.listed(),
                    l.delistedReason(),
                    l.availableFrom() == null ? null : l.availableFrom().atOffset(ZoneOffset.UTC),
                    l.availableUntil() == null ? null : l.availableUntil().atOffset(ZoneOffset.UTC)));
        }
    }

    static void exec(SqlConnection c, String sql, Object... params) {
        try {
            c.preparedQuery(sql).executeAndAwait(Tuple.from(params));
        } catch (RuntimeException e) {
            throw new IllegalStateException(sql + " " + java.util.Arrays.toString(params), e);
        }
    }

    @Provide
    Arbitrary<Integer> pageSizes() {
        return Arbitraries.integers().between(1, 7);
    }

    @Provide
    Arbitrary<Catalog> catalogs() {
        Arbitrary<List<GenRegion>> regions = Arbitraries.of(1, 2, 3).flatMap(n ->
                Combinators.combine(region(REGIONS.get(0)), region(REGIONS.get(1)), region(REGIONS.get(2)))
                        .as((a, b, c) -> List.of(a, b, c).subList(0, n)));
        return regions.flatMap(rs -> product(rs).list().ofMaxSize(14)
                .map(products -> {
                    List<GenProduct> unique = new ArrayList<>();
                    for (int i = 0; i < products.size(); i++) {
                        GenProduct p = products.get(i);
                        unique.add(new GenProduct("p-" + i, p.category(), p.certifications(), p.retired(),
                                p.skuPricedIn(), p.listings()));
                    }
                    return new Catalog(rs, unique);
                }));
    }

    static Arbitrary<Set<String>> subsetOf(List<String> values) {
        return Arbitraries.of(values).set().ofMaxSize(values.size());
    }

    static Arbitrary<GenRegion> region(String code) {
        Arbitrary<Map<String, Set<String>>> required = Arbitraries.maps(Arbitraries.of(CATEGORIES),
                subsetOf(CERTIFICATIONS).filter(s -> !s.isEmpty())).ofMaxSize(4);
        return Combinators.combine(Arbitraries.of(true, true, true, false), subsetOf(CATEGORIES), required)
                .as((open, sold, req) -> new GenRegion(code, open, sold, req));
    }

    static Arbitrary<Instant> edge() {
        return Arbitraries.of(OFFSETS).map(NOW::plusSeconds).injectNull(0.5);
    }

    static Arbitrary<Listing> listing() {
        return Combinators.combine(Arbitraries.of(true, true, false), edge(), edge())
                .filter((listed, from, until) -> from == null || until == null || from.isBefore(until))
                .as((listed, from, until) -> new Listing(listed, listed ? null : "generated", from, until));
    }

    static Arbitrary<GenProduct> product(List<GenRegion> regions) {
        List<String> codes = regions.stream().map(GenRegion::code).toList();
        Arbitrary<Map<String, Listing>> listings = Arbitraries.maps(Arbitraries.of(codes), listing())
                .ofMaxSize(codes.size());
        return Combinators.combine(Arbitraries.of(CATEGORIES), subsetOf(CERTIFICATIONS),
                        Arbitraries.of(false, false, false, true), subsetOf(codes).list().ofMaxSize(3), listings)
                .as((category, certs, retired, skus, ls) -> new GenProduct("", category, certs, retired, skus, ls));
    }


}
