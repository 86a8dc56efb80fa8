package storefront.region;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import storefront.availability.RegionRules;
import storefront.common.Columns;
import storefront.common.Money;
import storefront.common.Statements;

/** Reads regions with their countries, categories and certification rules. */
@Singleton
class RegionRepository {

    /** Read through {@link Statements}: arrays and objects as JSON text. */
    private static final String REGIONS = """
            select r.code, r.name, r.currency, r.default_locale, array_to_json(r.supported_locales)::text,
                   r.tax_mode, r.open, r.closed_reason, r.tax_rate_bps, r.shipping_minor, r.return_days,
                   (select json_object_agg(case t.subdivision when '' then t.country
                                                else t.country || '-' || t.subdivision end, t.rate_bps)
                    from tax_rate t join region_country c on c.country = t.country
                    where c.region_code = r.code)::text as tax_rates,
                   (select json_agg(c.country order by c.country) from region_country c
                    where c.region_code = r.code)::text as countries,
                   (select json_agg(rc.category_code order by rc.category_code) from region_category rc
                    where rc.region_code = r.code)::text as categories,
                   (select json_object_agg(q.category_code, q.certifications) from (
                        select category_code, json_agg(certification_code order by certification_code) as certifications
                        from region_certification_requirement where region_code = r.code group by category_code) q
                   )::text as certifications,
                   (select json_agg(json_build_object('code', m.code, 'name', m.name, 'price', m.price_minor,
                                                      'freeAbove', m.free_above_minor, 'minDays', m.min_days,
                                                      'maxDays', m.max_days, 'countries', m.countries,
                                                      'states', m.states) order by m.position, m.code)
                    from delivery_method m where m.region_code = r.code and m.active)::text as delivery
            from region r order by r.code""";

    private final Statements statements;

    @Inject
    public RegionRepository(Pool pool) {
        this(Statements.on(pool));
    }

    /** Regions as {@code tx} sees them: the pool, or a transaction that must see its own changes. */
    public RegionRepository(Statements tx) {
        this.statements = tx;
    }

    public Uni<Regions> loadAll() {
        return statements.rows("select code from category order by code")
                .flatMap(categoryRows -> {
                    Set<String> categories = new HashSet<>();
                    categoryRows.forEach(row -> categories.add((String) row[0]));
                    return statements.rows(REGIONS).map(rows -> {
                        List<Regions.Entry> all = new ArrayList<>();
                        rows.forEach(row -> all.add(entry(Columns.of(row))));
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

    private static Regions.Entry entry(Columns c) {
        String code = c.text();
        String name = c.text();
        String currency = c.text();
        String defaultLocale = c.text();
        List<String> supportedLocales = c.strings();
        RegionView.TaxMode taxMode = RegionView.TaxMode.valueOf(c.text());
        boolean open = c.bool();
        String closedReason = c.text();
        Integer taxRateBps = c.int4();
        long shippingMinor = c.int8();
        int returnDays = c.int4();
        Map<String, Integer> rates = new HashMap<>();
        JsonObject taxRates = c.object();
        if (taxRates != null) {
            taxRates.forEach(e -> rates.put(e.getKey(), ((Number) e.getValue()).intValue()));
        }
        List<String> countries = c.strings();
        List<String> categories = c.strings();
        Map<String, Set<String>> required = new HashMap<>();
        JsonObject certifications = c.object();
        if (certifications != null) {
            certifications.forEach(e -> {
                Set<String> codes = new HashSet<>();
                ((JsonArray) e.getValue()).forEach(cert -> codes.add((String) cert));
                required.put(e.getKey(), codes);
            });
        }
        String deliveryJson = c.text();
        List<DeliveryMethod> delivery = new ArrayList<>();
        if (deliveryJson != null) {
            for (Object item : new JsonArray(deliveryJson)) {
                JsonObject m = (JsonObject) item;
                Long freeAbove = m.getLong("freeAbove");
                delivery.add(new DeliveryMethod(m.getString("code"), m.getString("name"),
                        new Money(m.getLong("price"), currency), freeAbove == null ? null : new Money(freeAbove, currency),
                        m.getInteger("minDays"), m.getInteger("maxDays"), Columns.strings(m.getJsonArray("countries")),
                        Columns.strings(m.getJsonArray("states"))));
            }
        }
        // What shipping costs before an address is known: the first method offered.
        Money shipping = delivery.isEmpty() ? new Money(shippingMinor, currency) : delivery.get(0).price();
        RegionView view = new RegionView(code, name, currency, countries, defaultLocale, supportedLocales, taxMode,
                open, categories, shipping, returnDays);
        return new Regions.Entry(view, new RegionRules(code, open, closedReason, Set.copyOf(categories), required),
                new TaxRules(taxMode, taxRateBps, rates), delivery);
    }
}
