package storefront.catalog;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import storefront.availability.AvailabilityPolicy;
import storefront.availability.Listing;
import storefront.availability.ProductFacts;
import storefront.catalog.StoredProduct.StoredSku;
import storefront.catalog.StoredProduct.Text;
import storefront.common.Columns;
import storefront.common.SqlTime;
import storefront.common.Statements;
import storefront.inventory.StockApi.StockState;

/**
 * Catalog reads in plain SQL on the reactive client: this is the hot read path.
 * The listing filters availability in SQL, so pages stay full and cursors stable;
 * the filter states {@link storefront.availability.AvailabilityPolicy} in SQL, and
 * a property test holds the two to the same answers.
 */
@Singleton
class CatalogRepository {

    /** One page of a region's available products, by slug. */
    public record ListingQuery(String region, Instant now, String category, String text, String locale,
                               String defaultLocale, String afterSlug, int limit, ListingSort sort, String afterKey,
                               ListingFilter filter, List<Long> candidates) {

        /** A page in slug order, unfiltered. */
        public ListingQuery(String region, Instant now, String category, String text, String locale,
                            String defaultLocale, String afterSlug, int limit) {
            this(region, now, category, text, locale, defaultLocale, afterSlug, limit, null, null,
                    ListingFilter.NONE, null);
        }

        /**
         * The same listing among these products only (null: among all): a superset of what the filter allows,
         * which the statement still decides.
         */
        public ListingQuery among(List<Long> ids) {
            if (ids != null && filter.empty()) {
                throw new IllegalArgumentException("Candidates narrow a filter: give one");
            }
            return new ListingQuery(region, now, category, text, locale, defaultLocale, afterSlug, limit, sort,
                    afterKey, filter, ids);
        }
    }

    /** A product in a listing, with its price range in the region. */
    public record ListedProduct(long id, String slug, String category, String name, long minPrice, long maxPrice,
                                StoredProduct.Picture image, String sortKey) {
    }

    public record PricedSku(long productId, String code, Map<String, String> options, long price, StockState stock,
                            StoredProduct.Picture image) {
    }

    /** The product's main picture: its first of the product as a whole, else its first of any SKU. */
    private static final String MAIN_PICTURE = """
            (select e.m from jsonb_array_elements(p.media) with ordinality as e(m, n)
             order by (e.m ->> 'sku') is not null, e.n limit 1)::text""";

    /*
     * Walks products in slug order and stops at the limit: no grouping or
     * sorting of the whole catalog, so a page costs about the same anywhere in it.
     */
    private static final String AVAILABLE_PRODUCTS = """
            select p.id, p.slug, p.category_code, coalesce(t.name, p.slug) as name,
                   price.min_price, price.max_price, {main_picture} as image
            from region r
            join product p on true
            left join product_region pr on pr.product_id = p.id and pr.region_code = $1
            join listing_entry price on price.region_code = $1 and price.product_id = p.id
            left join lateral (
                select pt.locale, pt.name, pt.description, pt.search, pt.folded from product_text pt
                where pt.product_id = p.id
                order by pt.locale = $5 desc, pt.locale = $6 desc, pt.locale = 'en' desc, pt.locale
                limit 1) t on true
            where r.code = $1
              {matched}
              and r.open
              and p.retired_at is null
              and exists (select 1 from region_category rc
                          where rc.region_code = $1 and rc.category_code = p.category_code)
              and coalesce(pr.listed, true)
              and (pr.available_from is null or pr.available_from <= $2)
              and (pr.available_until is null or pr.available_until > $2)
              and not exists (
                  select 1 from region_certification_requirement q
                  where q.region_code = $1 and q.category_code = p.category_code
                    and not exists (select 1 from product_certification pc
                                    where pc.product_id = p.id and pc.certification_code = q.certification_code))
              and ($3::text is null or p.category_code = $3)
              and ($4::text is null
                   or t.search @@ websearch_to_tsquery(text_search_config(t.locale), $4)
                   or strpos(t.folded, fold($4)) > 0
                   or strpos(replace(t.folded, ' ', ''), replace(fold($4), ' ', '')) > 0
                   or fold($4) operator(public.<%) t.folded)
              and ($9::jsonb is null or (
                  exists (select 1 from sku fs
                          join sku_price fp on fp.sku_id = fs.id and fp.region_code = $1
                          left join stock fst on fst.sku_code = fs.code and fst.region_code = $1
                          where fs.product_id = p.id
                            and ($9 ->> 'minPrice' is null or fp.amount_minor >= ($9 ->> 'minPrice')::bigint)
                            and ($9 ->> 'maxPrice' is null or fp.amount_minor <= ($9 ->> 'maxPrice')::bigint)
                            and (not ($9 ->> 'inStock')::boolean
                                 or coalesce(stock_state(fst.on_hand, fst.reserved, fst.low_threshold),
                                             'OUT_OF_STOCK') <> 'OUT_OF_STOCK')
                            and fs.options @> ($9 -> 'options')
                          -- Tested product by product, as the walk meets them: without this the plan hashes every
                          -- SKU of the region first, which costs more than the whole walk to a page.
                          offset 0)
                  and not exists (
                      select 1 from jsonb_array_elements($9 -> 'specs') f
                      where not exists (
                          select 1 from jsonb_array_elements(p.specifications) a
                          where a ->> 'code' = f ->> 'code'
                            and case f ->> 'kind'
                                    when 'flag' then a ->> 'type' = 'BOOLEAN'
                                                     and (a ->> 'flag')::boolean = (f ->> 'flag')::boolean
                                    when 'term' then a ->> 'type' = 'LIST' and (a -> 'items') ? (f ->> 'term')
                                    else a ->> 'type' = 'NUMBER'
                                         and (a ->> 'number')::numeric
                                             >= coalesce((f ->> 'min')::numeric, '-Infinity'::numeric)
                                         and (a ->> 'number')::numeric
                                             <= coalesce((f ->> 'max')::numeric, 'Infinity'::numeric)
                                end))))
              and ($7::text is null or p.slug > $7)
            order by p.slug
            limit $8""".replace("{main_picture}", MAIN_PICTURE);

    /*
     * With a text, the walk starts from the products whose texts can match, found in the indexes of product_text:
     * each arm finds a superset of what the same arm of the exact test above accepts, and that test still decides.
     */
    private static final String MATCHED = """
            and p.id = any(array(
                  select m.product_id from product_text m
                  where m.search @@ search_query_any_language($4)
                     or m.folded like containing(fold($4))
                     or replace(m.folded, ' ', '') like containing(replace(fold($4), ' ', ''))
                     or fold($4) operator(public.<%) m.folded))""";

    /** With few products the filter can allow (the facet index knows them), the walk starts from those. */
    private static final String AMONG = """
            and p.id = any(array(select jsonb_array_elements_text($9::jsonb -> 'candidates')::bigint))""";

    /**
     * The listing's statements, for every product or (with a text) for those the text can match. {@code bySlug}
     * is the listing above. {@code sorted} are the same products in another order, first pages: by price and by
     * launch the walk follows an index of {@code listing_entry}, by name one of {@code listing_name}, and stops at
     * the limit, as the slug order does; relevance still ranks every product the text can match, then the page is
     * taken. {@code sortedAfter} are the same after a cursor. {@code index} is what {@link FacetIndex} reads of
     * every product the listing allows; {@code members} are the ids of those a text matches.
     */
    private record ListingSql(String bySlug, Map<ListingSort, String> sorted, Map<ListingSort, String> sortedAfter,
                              String index, String members) {

        static ListingSql of(String matched) {
            String bySlug = AVAILABLE_PRODUCTS.replace("{matched}", matched);
            Map<ListingSort, String> sorted = new java.util.EnumMap<>(ListingSort.class);
            Map<ListingSort, String> sortedAfter = new java.util.EnumMap<>(ListingSort.class);
            String filtered = replaceOnce(replaceOnce(replaceOnce(bySlug, """
                    select p.id, p.slug, p.category_code, coalesce(t.name, p.slug) as name,""", """
                    select p.id, price.slug, p.category_code, coalesce(t.name, p.slug) as name,
                           lower(coalesce(t.name, p.slug)) as sort_name,
                           price.launch,
                           case when $4::text is null then 0::real
                                else coalesce(ts_rank(t.search,
                                                      websearch_to_tsquery(text_search_config(t.locale), $4)), 0)
                                     + public.word_similarity(fold($4), t.folded)
                           end as rank,"""),
                    "  and ($7::text is null or p.slug > $7)\n", ""),
                    "order by p.slug\nlimit $8", "");
            // By name, the walk follows the index of listing_name in the response's language.
            String byName = replaceOnce(replaceOnce(filtered,
                    "select p.id, price.slug,", "select p.id, n.slug,"),
                    "lower(coalesce(t.name, p.slug)) as sort_name,", "n.sort_name,");
            byName = replaceOnce(byName, "join listing_entry price on price.region_code = $1 and price.product_id = p.id\n",
                    "join listing_entry price on price.region_code = $1 and price.product_id = p.id\n"
                            + "join listing_name n on n.region_code = $1 and n.locale = $5 and n.product_id = p.id\n");
            // What the facets read of every product the listing allows, whatever the category or text: the listing's
            // statement without its texts and page; and the ids of the products a text matches. Parameters the
            // statement no longer reads are named so that their types are known.
            String available = cut(cut(cut(cut(replaceOnce(bySlug, "order by p.slug\nlimit $8", ""),
                    "select p.id, p.slug,", " as image\n", """
                            select p.id, p.slug, p.category_code, price.min_price, price.max_price,
                                   coalesce((select json_agg(o ->> 'code') from jsonb_array_elements(p.options) o),
                                            '[]')::text as declared,
                                   coalesce((select json_agg(json_build_array(a ->> 'code', a ->> 'type',
                                                 case when a ->> 'type' = 'NUMBER' then a ->> 'number' end,
                                                 case when a ->> 'type' = 'BOOLEAN' then (a ->> 'flag')::boolean end,
                                                 case when a ->> 'type' = 'LIST' then a -> 'items' end))
                                             from jsonb_array_elements(p.specifications) a), '[]')::text as specs
                            """),
                    "left join lateral (", " t on true\n", ""),
                    "  and ($4::text is null", " t.folded)\n", ""),
                    "  and ($7::text is null", " p.slug > $7)\n", "");
            String index = "select x.* from (" + available + ") x\n"
                    + "cross join (select $4::text as q, $5::text as locale, $6::text as fallback,"
                    + " $7::text as after_slug, $8::int as page_size) unread";
            String members = "select x.id from (" + filtered + ") x\n"
                    + "cross join (select $7::text as after_slug, $8::int as page_size) unread";
            // A first page and a page after a cursor are two statements: a generic plan keeps the cursor's bound as
            // the start of an index walk only when no "or there is no cursor" stands beside it.
            for (ListingSort sort : ListingSort.values()) {
                String select = "select x.*, " + sort.key + " as sort_key from ("
                        + (sort == ListingSort.NAME ? byName : filtered) + ") x\n";
                String page = "order by " + sort.order + "\nlimit $8";
                sorted.put(sort, select + "where $7::text is null and $10::text is null\n" + page);
                sortedAfter.put(sort, select + "where " + sort.after + "\n" + page);
            }
            return new ListingSql(bySlug, Map.copyOf(sorted), Map.copyOf(sortedAfter), index, members);
        }
    }

    /** The text with its one span from {@code from} through {@code through} replaced. */
    private static String cut(String text, String from, String through, String to) {
        int at = text.indexOf(from);
        int end = text.indexOf(through, at);
        if (at < 0 || end < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("The listing's statements no longer derive from it: " + from);
        }
        return text.substring(0, at) + to + text.substring(end + through.length());
    }

    /** The text with its one occurrence of {@code from} replaced: the statements derive from the listing's. */
    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("The listing's statements no longer derive from it: " + from);
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static final ListingSql EVERY_PRODUCT = ListingSql.of("");
    private static final ListingSql MATCHING_PRODUCTS = ListingSql.of(MATCHED);
    private static final ListingSql CANDIDATES = ListingSql.of(AMONG);
    private static final ListingSql MATCHING_CANDIDATES = ListingSql.of(MATCHED + "\n" + AMONG);

    private static ListingSql sqlFor(ListingQuery q) {
        if (q.candidates() != null) {
            return q.text() == null ? CANDIDATES : MATCHING_CANDIDATES;
        }
        return q.text() == null ? EVERY_PRODUCT : MATCHING_PRODUCTS;
    }

    private static final String PRICED_SKUS = """
            select s.product_id, s.code, s.options, sp.amount_minor,
                   coalesce(stock_state(st.on_hand, st.reserved, st.low_threshold), 'OUT_OF_STOCK') as stock,
                   (select e.m from product p, jsonb_array_elements(p.media) with ordinality as e(m, n)
                    where p.id = s.product_id and e.m ->> 'sku' = s.code order by e.n limit 1)::text as image
            from sku s join sku_price sp on sp.sku_id = s.id and sp.region_code = $1
            left join stock st on st.sku_code = s.code and st.region_code = $1
            where s.product_id = any($2)
            order by s.product_id, s.position, s.code""";

    private static final String PRODUCT = """
            select p.id, p.slug, p.category_code, p.retired_at is not null as retired, p.retired_reason,
                   array(select certification_code from product_certification
                         where product_id = p.id order by certification_code) as certifications,
                   (select json_agg(json_build_object('locale', locale, 'name', name, 'description', description)
                                    order by locale)
                    from product_text where product_id = p.id) as texts,
                   (select json_agg(json_build_object('code', s.code, 'options', s.options, 'prices',
                                        (select json_object_agg(sp.region_code, sp.amount_minor)
                                         from sku_price sp where sp.sku_id = s.id),
                                        'stock', (select json_object_agg(st.region_code,
                                                      stock_state(st.on_hand, st.reserved, st.low_threshold))
                                                  from stock st where st.sku_code = s.code))
                                    order by s.position, s.code)
                    from sku s where s.product_id = p.id) as skus,
                   (select json_agg(json_build_object('region', region_code, 'listed', listed,
                                        'reason', delisted_reason, 'from', available_from, 'until', available_until))
                    from product_region where product_id = p.id) as listings,
                   p.media::text as media, p.options::text as options, p.spec_groups::text as spec_groups,
                   p.specifications::text as specifications
            from product p where p.slug = $1""";

    /** Read through {@link Statements}: arrays as JSON text. */
    private static final String PRODUCTS_IN_REGION = """
            select p.slug, p.category_code, p.retired_at is not null as retired,
                   coalesce((select json_agg(certification_code order by certification_code)
                             from product_certification where product_id = p.id), '[]')::text as certifications,
                   pr.listed, pr.delisted_reason, pr.available_from, pr.available_until,
                   exists (select 1 from sku s join sku_price sp on sp.sku_id = s.id and sp.region_code = $1
                           where s.product_id = p.id) as priced
            from product p
            left join product_region pr on pr.product_id = p.id and pr.region_code = $1
            %s
            order by p.slug""";

    private static final String EVERY_PRODUCT_IN_REGION = PRODUCTS_IN_REGION.formatted("");

    private static final String SOME_PRODUCTS_IN_REGION =
            PRODUCTS_IN_REGION.formatted("where p.slug = any(cast($2 as text[]))");

    private static final String SKUS_IN_REGION = """
            select s.code, p.slug, p.category_code, p.retired_at is not null as retired, s.options,
                   array(select certification_code from product_certification
                         where product_id = p.id order by certification_code) as certifications,
                   coalesce((select pt.name from product_text pt where pt.product_id = p.id
                             order by pt.locale = $3 desc, pt.locale = $4 desc, pt.locale = 'en' desc, pt.locale
                             limit 1), p.slug) as name,
                   pr.listed, pr.delisted_reason, pr.available_from, pr.available_until, sp.amount_minor
            from sku s
            join product p on p.id = s.product_id
            left join product_region pr on pr.product_id = p.id and pr.region_code = $1
            left join sku_price sp on sp.sku_id = s.id and sp.region_code = $1
            where s.code = any($2::text[])""";

    private final SqlClient client;

    @Inject
    public CatalogRepository(Pool pool) {
        this((SqlClient) pool);
    }

    public CatalogRepository(SqlClient client) {
        this.client = client;
    }

    public Uni<List<ListedProduct>> availableProducts(ListingQuery q) {
        Tuple params = params(q);
        ListingSql statements = sqlFor(q);
        String sql = statements.bySlug();
        if (q.sort() != null) {
            sql = (q.afterSlug() == null ? statements.sorted() : statements.sortedAfter()).get(q.sort());
            params.addString(q.afterKey());
        }
        boolean sorted = q.sort() != null;
        return client.preparedQuery(sql).execute(params).map(rows -> {
            List<ListedProduct> page = new ArrayList<>();
            for (Row row : rows) {
                page.add(new ListedProduct(row.getLong("id"), row.getString("slug"), row.getString("category_code"),
                        row.getString("name"), row.getLong("min_price"), row.getLong("max_price"),
                        picture(row.getString("image")), sorted ? row.getString("sort_key") : null));
            }
            return page;
        });
    }

    /**
     * What the facets read of a product the listing allows: the codes of the option types it declares and its
     * specifications as [code, type, number, flag, items], JSON text.
     */
    record FacetRow(long id, String slug, String category, long minPrice, long maxPrice, String declared,
                    String specs) {
    }

    /** A SKU priced in a region: its product, options (JSON text), price and whether some is in stock there. */
    record FacetSku(long productId, String options, long price, boolean stocked) {
    }

    /** A product's declared option types and its specifications as stored, JSON text: their labels. */
    record Labels(String options, String specifications) {
    }

    /** What the facets read of every product the region's listing allows, whatever the category or text. */
    public Uni<List<FacetRow>> facetRows(ListingQuery q) {
        Tuple params = params(new ListingQuery(q.region(), q.now(), null, null, q.defaultLocale(), q.defaultLocale(),
                null, 0));
        return client.preparedQuery(EVERY_PRODUCT.index()).execute(params).map(rows -> {
            List<FacetRow> found = new ArrayList<>(rows.size());
            for (Row row : rows) {
                found.add(new FacetRow(row.getLong("id"), row.getString("slug"), row.getString("category_code"),
                        row.getLong("min_price"), row.getLong("max_price"), row.getString("declared"),
                        row.getString("specs")));
            }
            return found;
        });
    }

    private static final String FACET_SKUS = """
            select s.product_id, s.options::text as options, sp.amount_minor,
                   coalesce(stock_state(st.on_hand, st.reserved, st.low_threshold), 'OUT_OF_STOCK')
                       <> 'OUT_OF_STOCK' as stocked
            from sku s join sku_price sp on sp.sku_id = s.id and sp.region_code = $1
            left join stock st on st.sku_code = s.code and st.region_code = $1""";

    /** Every SKU priced in the region, whatever its product. */
    public Uni<List<FacetSku>> facetSkus(String region) {
        return client.preparedQuery(FACET_SKUS).execute(Tuple.of(region)).map(rows -> {
            List<FacetSku> found = new ArrayList<>(rows.size());
            for (Row row : rows) {
                found.add(new FacetSku(row.getLong(0), row.getString(1), row.getLong(2), row.getBoolean(3)));
            }
            return found;
        });
    }

    /** The labels these products give their options and specifications, by product id. */
    public Uni<Map<Long, Labels>> labels(Set<Long> productIds) {
        return client.preparedQuery("select id, options::text, specifications::text from product where id = any($1)")
                .execute(Tuple.of(productIds.toArray(Long[]::new))).map(rows -> {
                    Map<Long, Labels> labels = new HashMap<>();
                    rows.forEach(row -> labels.put(row.getLong(0), new Labels(row.getString(1), row.getString(2))));
                    return labels;
                });
    }

    /** The ids of the products the listing allows that its text matches, whatever the category or filter. */
    public Uni<Set<Long>> matchingIds(ListingQuery q) {
        Tuple params = params(new ListingQuery(q.region(), q.now(), null, q.text(), q.locale(), q.defaultLocale(),
                null, 0));
        return client.preparedQuery(MATCHING_PRODUCTS.members()).execute(params).map(rows -> {
            Set<Long> ids = new java.util.HashSet<>(rows.size() * 2);
            rows.forEach(row -> ids.add(row.getLong("id")));
            return ids;
        });
    }

    /** $1 to $9 of the listing's statements. */
    private static Tuple params(ListingQuery q) {
        return Tuple.tuple()
                .addString(q.region())
                .addOffsetDateTime(q.now().atOffset(ZoneOffset.UTC))
                .addString(q.category())
                .addString(q.text())
                .addString(q.locale())
                .addString(q.defaultLocale())
                .addString(q.afterSlug())
                .addInteger(q.limit())
                .addValue(q.candidates() == null ? q.filter().json()
                        : q.filter().json().put("candidates", new JsonArray(List.copyOf(q.candidates()))));
    }

    /** The SKUs of these products that have a price in the region, in display order. */
    public Uni<List<PricedSku>> pricedSkus(String region, List<Long> productIds) {
        if (productIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery(PRICED_SKUS)
                .execute(Tuple.of(region, productIds.toArray(Long[]::new)))
                .map(rows -> {
                    List<PricedSku> skus = new ArrayList<>();
                    for (Row row : rows) {
                        skus.add(new PricedSku(row.getLong("product_id"), row.getString("code"),
                                options(row.getJsonObject("options")), row.getLong("amount_minor"),
                                StockState.valueOf(row.getString("stock")), picture(row.getString("image"))));
                    }
                    return skus;
                });
    }

    /**
     * What the availability decision needs of every product in a region (or of
     * those among {@code slugsOrAll}), by slug, where
     * {@code tx} runs: the pool, or a change set's transaction that must see its
     * own changes.
     */
    static Uni<List<ProductInRegion>> productsIn(Statements tx, String region, List<String> slugsOrAll) {
        Uni<List<Object[]>> found = slugsOrAll == null ? tx.rows(EVERY_PRODUCT_IN_REGION, region)
                : tx.rows(SOME_PRODUCTS_IN_REGION, region, slugsOrAll.toArray(String[]::new));
        return found.map(rows -> {
            List<ProductInRegion> products = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                Columns c = Columns.of(row);
                String slug = c.text();
                String category = c.text();
                boolean retired = c.bool();
                ProductFacts facts = new ProductFacts(slug, category, Set.copyOf(c.strings()), retired);
                Listing listing = listing(c.bool(), c.text(), c.instant(), c.instant());
                products.add(new ProductInRegion(facts, listing, c.bool()));
            }
            return products;
        });
    }

    /** These SKUs as sold in a region, by code; codes the catalog does not have are absent. */
    public Uni<Map<String, SkuInRegion>> skusIn(String region, List<String> codes, String locale,
                                                String defaultLocale) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Tuple params = Tuple.of(region, codes.toArray(String[]::new), locale, defaultLocale);
        return client.preparedQuery(SKUS_IN_REGION).execute(params).map(rows -> {
            Map<String, SkuInRegion> skus = new HashMap<>();
            for (Row row : rows) {
                ProductFacts facts = new ProductFacts(row.getString("slug"), row.getString("category_code"),
                        Set.of(row.getArrayOfStrings("certifications")), row.getBoolean("retired"));
                Listing listing = listing(row);
                skus.put(row.getString("code"), new SkuInRegion(row.getString("code"), row.getString("slug"),
                        row.getString("name"), options(row.getJsonObject("options")), facts, listing,
                        row.getLong("amount_minor")));
            }
            return skus;
        });
    }

    public Uni<Optional<StoredProduct>> findBySlug(String slug) {
        return client.preparedQuery(PRODUCT).execute(Tuple.of(slug)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            ProductFacts facts = new ProductFacts(row.getString("slug"), row.getString("category_code"),
                    new TreeSet<>(List.of(row.getArrayOfStrings("certifications"))), row.getBoolean("retired"));
            List<Text> texts = new ArrayList<>();
            objects(row.getJsonArray("texts")).forEach(t ->
                    texts.add(new Text(t.getString("locale"), t.getString("name"), t.getString("description"))));
            List<StoredSku> skus = new ArrayList<>();
            objects(row.getJsonArray("skus")).forEach(s -> {
                Map<String, Long> prices = new HashMap<>();
                JsonObject byRegion = s.getJsonObject("prices");
                if (byRegion != null) {
                    byRegion.forEach(e -> prices.put(e.getKey(), ((Number) e.getValue()).longValue()));
                }
                Map<String, StockState> stock = new HashMap<>();
                JsonObject stockByRegion = s.getJsonObject("stock");
                if (stockByRegion != null) {
                    stockByRegion.forEach(e -> stock.put(e.getKey(), StockState.valueOf(String.valueOf(e.getValue()))));
                }
                skus.add(new StoredSku(s.getString("code"), options(s.getJsonObject("options")), Map.copyOf(prices),
                        Map.copyOf(stock)));
            });
            Map<String, Listing> listings = new HashMap<>();
            objects(row.getJsonArray("listings")).forEach(l -> listings.put(l.getString("region"),
                    new Listing(l.getBoolean("listed"), l.getString("reason"), instant(l.getString("from")),
                            instant(l.getString("until")))));
            List<StoredProduct.Picture> media = new ArrayList<>();
            objects(new JsonArray(row.getString("media"))).forEach(m -> media.add(picture(m)));
            List<StoredProduct.OptionType> optionTypes = new ArrayList<>();
            objects(new JsonArray(row.getString("options"))).forEach(o -> {
                List<StoredProduct.OptionValue> values = new ArrayList<>();
                objects(o.getJsonArray("values")).forEach(v -> values.add(new StoredProduct.OptionValue(
                        v.getString("code"), texts(v.getJsonObject("labels")))));
                optionTypes.add(new StoredProduct.OptionType(o.getString("code"), texts(o.getJsonObject("labels")),
                        List.copyOf(values)));
            });
            List<StoredProduct.SpecGroup> groups = new ArrayList<>();
            objects(new JsonArray(row.getString("spec_groups"))).forEach(g -> groups.add(new StoredProduct.SpecGroup(
                    g.getString("code"), texts(g.getJsonObject("labels")))));
            List<StoredProduct.Spec> specs = new ArrayList<>();
            objects(new JsonArray(row.getString("specifications"))).forEach(a -> {
                JsonArray items = a.getJsonArray("items");
                List<String> terms = new ArrayList<>();
                if (items != null) {
                    items.forEach(item -> terms.add(String.valueOf(item)));
                }
                Object number = a.getValue("number");
                specs.add(new StoredProduct.Spec(a.getString("code"), a.getString("group"), a.getString("sku"),
                        texts(a.getJsonObject("labels")), a.getString("type"),
                        number == null ? null : new java.math.BigDecimal(number.toString()), a.getString("unit"),
                        a.getBoolean("flag"), a.getJsonObject("text") == null ? null : texts(a.getJsonObject("text")),
                        items == null ? null : List.copyOf(terms)));
            });
            return Optional.of(new StoredProduct(row.getLong("id"), facts, row.getString("retired_reason"),
                    List.copyOf(texts), List.copyOf(skus),
                    Map.copyOf(listings), List.copyOf(media), List.copyOf(optionTypes), List.copyOf(groups),
                    List.copyOf(specs)));
        });
    }

    /** The listing columns of a row; none (no product_region row) means the default listing. */
    private static Listing listing(Row row) {
        return listing(row.getBoolean("listed"), row.getString("delisted_reason"),
                SqlTime.instant(row.getOffsetDateTime("available_from")),
                SqlTime.instant(row.getOffsetDateTime("available_until")));
    }

    /** No product_region row (listed is null) is the default listing. */
    private static Listing listing(Boolean listed, String delistedReason, Instant from, Instant until) {
        return listed == null ? Listing.DEFAULT : new Listing(listed, delistedReason, from, until);
    }

    private static StoredProduct.Picture picture(String json) {
        return json == null ? null : picture(new JsonObject(json));
    }

    private static StoredProduct.Picture picture(JsonObject m) {
        return new StoredProduct.Picture(m.getString("sku"), m.getString("url"), m.getInteger("width"),
                m.getInteger("height"), texts(m.getJsonObject("alt")));
    }

    /** Texts per locale of a JSON object. */
    private static Map<String, String> texts(JsonObject byLocale) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (byLocale != null) {
            byLocale.forEach(e -> texts.put(e.getKey(), String.valueOf(e.getValue())));
        }
        return Map.copyOf(texts);
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> objects = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                objects.add(array.getJsonObject(i));
            }
        }
        return objects;
    }

    private static Map<String, String> options(JsonObject json) {
        Map<String, String> options = new LinkedHashMap<>();
        if (json != null) {
            new TreeSet<>(json.fieldNames()).forEach(name -> options.put(name, String.valueOf(json.getValue(name))));
        }
        return options;
    }

    private static Instant instant(String iso) {
        return iso == null ? null : OffsetDateTime.parse(iso).toInstant();
    }
}
