package storefront.ops;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import storefront.ops.OpsApi.ProductInput;
import storefront.ops.OpsApi.SkuInput;
import storefront.ops.OpsApi.TextInput;

/** Product writes for ops, on one connection inside the caller's transaction. */
final class ProductRepository {

    /** Codes that do not name a stored category or certification. */
    record UnknownCodes(boolean categoryUnknown, List<String> certifications) {
    }

    private final SqlClient client;

    ProductRepository(SqlClient client) {
        this.client = client;
    }

    Uni<UnknownCodes> unknownCodes(String category, List<String> certifications) {
        return client.preparedQuery("""
                        select not exists (select 1 from category where code = $1) as category_unknown,
                               array(select c from unnest($2::text[]) c
                                     where not exists (select 1 from certification where code = c) order by c) as unknown""")
                .execute(Tuple.of(category, certifications.toArray(String[]::new)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new UnknownCodes(row.getBoolean("category_unknown"), List.of(row.getArrayOfStrings("unknown")));
                });
    }

    /** The new product's id, or empty when the slug is taken. */
    Uni<Optional<Long>> insert(String slug, String category) {
        return client.preparedQuery("""
                        insert into product (slug, category_code) values ($1, $2)
                        on conflict (slug) do nothing returning id""")
                .execute(Tuple.of(slug, category))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
    }

    /** The product's id, its row locked against concurrent writers; empty when there is none. */
    Uni<Optional<Long>> lock(String slug) {
        return client.preparedQuery("select id from product where slug = $1 for no key update")
                .execute(Tuple.of(slug))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
    }

    /**
     * Makes the product's category, certifications, texts and SKUs those of
     * {@code input}. SKUs are matched by code; those left out go, with their
     * prices. Answers the SKU codes that belong to another product (then
     * nothing should be committed).
     */
    Uni<List<String>> replaceContent(long id, ProductInput input) {
        List<String> certifications = input.certifications() == null ? List.of()
                : input.certifications().stream().distinct().toList();
        List<TextInput> texts = input.texts();
        List<SkuInput> skus = input.skus();
        String[] codes = skus.stream().map(SkuInput::code).toArray(String[]::new);
        String[] options = skus.stream()
                .map(s -> new JsonObject(s.options() == null ? Map.of() : Map.copyOf(s.options())).encode())
                .toArray(String[]::new);
        Integer[] positions = new Integer[skus.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return execute("update product set category_code = $2, version = version + 1 where id = $1",
                Tuple.of(id, input.category()))
                .flatMap(v -> execute("delete from product_certification where product_id = $1", Tuple.of(id)))
                .flatMap(v -> execute("""
                                insert into product_certification (product_id, certification_code)
                                select $1, unnest($2::text[])""",
                        Tuple.of(id, certifications.toArray(String[]::new))))
                .flatMap(v -> execute("delete from product_text where product_id = $1", Tuple.of(id)))
                .flatMap(v -> execute("""
                                insert into product_text (product_id, locale, name, description)
                                select $1, t.locale, t.name, t.description
                                from unnest($2::text[], $3::text[], $4::text[]) as t(locale, name, description)""",
                        Tuple.of(id, texts.stream().map(TextInput::locale).toArray(String[]::new),
                                texts.stream().map(TextInput::name).toArray(String[]::new),
                                texts.stream().map(t -> t.description() == null ? "" : t.description())
                                        .toArray(String[]::new))))
                .flatMap(v -> execute("delete from sku where product_id = $1 and code <> all($2::text[])",
                        Tuple.of(id, codes)))
                .flatMap(v -> client.preparedQuery("""
                                insert into sku (code, product_id, options, position)
                                select s.code, $1, s.options::jsonb, s.position
                                from unnest($2::text[], $3::text[], $4::int[]) as s(code, options, position)
                                on conflict (code) do update set options = excluded.options, position = excluded.position
                                where sku.product_id = excluded.product_id
                                returning code""")
                        .execute(Tuple.of(id, codes, options, positions)))
                .map(rows -> {
                    Set<String> written = new HashSet<>();
                    rows.forEach(row -> written.add(row.getString(0)));
                    List<String> taken = new ArrayList<>();
                    for (String code : codes) {
                        if (!written.contains(code)) {
                            taken.add(code);
                        }
                    }
                    return taken;
                });
    }

    Uni<Void> retire(long id, String reason) {
        return execute("update product set retired_at = now(), retired_reason = $2, version = version + 1 where id = $1",
                Tuple.of(id, reason));
    }

    /** Makes the product's prices in a region exactly {@code prices} (SKU code to minor units). */
    Uni<Void> replacePrices(long id, String region, String currency, Map<String, Long> prices) {
        String[] codes = prices.keySet().toArray(String[]::new);
        Long[] amounts = new Long[codes.length];
        for (int i = 0; i < codes.length; i++) {
            amounts[i] = prices.get(codes[i]);
        }
        return execute("""
                        delete from sku_price sp using sku s
                        where sp.sku_id = s.id and s.product_id = $1 and sp.region_code = $2""",
                Tuple.of(id, region))
                .flatMap(v -> execute("""
                                insert into sku_price (sku_id, region_code, currency, amount_minor)
                                select s.id, $2, $3, p.amount
                                from unnest($4::text[], $5::bigint[]) as p(code, amount)
                                join sku s on s.code = p.code and s.product_id = $1""",
                        Tuple.of(id, region, currency, codes, amounts)));
    }

    private Uni<Void> execute(String sql, Tuple params) {
        return client.preparedQuery(sql).execute(params).replaceWithVoid();
    }
}
