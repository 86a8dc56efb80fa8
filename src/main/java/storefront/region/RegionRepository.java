package storefront.region;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import storefront.availability.RegionRules;
import storefront.common.Money;

/** Reads regions with their countries, categories and certification rules. */
@Singleton
class RegionRepository {

    private static final String REGIONS = """
            select r.code, r.name, r.currency, r.default_locale, r.supported_locales, r.tax_mode, r.open, r.closed_reason,
                   r.tax_rate_bps, r.shipping_minor,
                   (select json_object_agg(case t.subdivision when '' then t.country
                                                else t.country || '-' || t.subdivision end, t.rate_bps)
                    from tax_rate t join region_country c on c.country = t.country
                    where c.region_code = r.code) as tax_rates,
                   array(select c.country from region_country c where c.region_code = r.code order by c.country) as countries,
                   array(select rc.category_code from region_category rc
                         where rc.region_code = r.code order by rc.category_code) as categories,
                   (select json_object_agg(q.category_code, q.certifications) from (
                        select category_code, json_agg(certification_code order by certification_code) as certifications
                        from region_certification_requirement where region_code = r.code group by category_code) q)
                       as certifications
            from region r order by r.code""";

    private final SqlClient client;

    @Inject
    public RegionRepository(Pool pool) {
        this((SqlClient) pool);
    }

    public RegionRepository(SqlClient client) {
        this.client = client;
    }

    public Uni<Regions> loadAll() {
        return client.query("select code from category order by code").execute()
                .flatMap(categoryRows -> {
                    Set<String> categories = new HashSet<>();
                    categoryRows.forEach(row -> categories.add(row.getString(0)));
                    return client.query(REGIONS).execute().map(rows -> {
                        List<Regions.Entry> all = new ArrayList<>();
                        rows.forEach(row -> all.add(entry(row)));
                        Map<String, Regions.Entry> byCode = new LinkedHashMap<>();
                        Map<String, String> byCountry = new HashMap<>();
                        for (Regions.Entry e : all) {
                            byCode.put(e.view().code(), e);
                            e.view().countries().forEach(country -> byCountry.put(country, e.view().code()));
                        }
                        return new Regions(List.copyOf(all), Map.copyOf(byCode), Map.copyOf(byCountry),
                                Set.copyOf(categories));
                    });
                });
    }

    private static Regions.Entry entry(Row row) {
        String code = row.getString("code");
        List<String> categories = Arrays.asList(row.getArrayOfStrings("categories"));
        Map<String, Set<String>> required = new HashMap<>();
        JsonObject certifications = row.getJsonObject("certifications");
        if (certifications != null) {
            certifications.forEach(e -> {
                Set<String> codes = new HashSet<>();
                ((JsonArray) e.getValue()).forEach(c -> codes.add((String) c));
                required.put(e.getKey(), codes);
            });
        }
        boolean open = row.getBoolean("open");
        RegionView.TaxMode taxMode = RegionView.TaxMode.valueOf(row.getString("tax_mode"));
        String currency = row.getString("currency");
        RegionView view = new RegionView(code, row.getString("name"), currency,
                Arrays.asList(row.getArrayOfStrings("countries")), row.getString("default_locale"),
                Arrays.asList(row.getArrayOfStrings("supported_locales")), taxMode, open, categories,
                new Money(row.getLong("shipping_minor"), currency));
        Map<String, Integer> rates = new HashMap<>();
        JsonObject taxRates = row.getJsonObject("tax_rates");
        if (taxRates != null) {
            taxRates.forEach(e -> rates.put(e.getKey(), ((Number) e.getValue()).intValue()));
        }
        return new Regions.Entry(view, new RegionRules(code, open, row.getString("closed_reason"),
                        Set.copyOf(categories), required),
                new TaxRules(taxMode, row.getInteger("tax_rate_bps"), rates));
    }
}
