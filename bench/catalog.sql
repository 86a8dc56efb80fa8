-- A generated catalog for the bench, on top of the demo catalog (its four
-- regions and their rules): 1,000 products across the four categories, each
-- with two SKUs priced in every region and text in English, German and
-- Simplified Chinese. Run with search_path set to the bench schema, after
-- src/main/resources/db/demo/R__demo_catalog.sql (bench/catalog.sh does).

insert into product (slug, category_code)
select format('bench-product-%s', lpad(i::text, 4, '0')), (array['PHONE', 'WEARABLE', 'AUDIO', 'POWER'])[1 + i % 4]
from generate_series(1, 1000) i
on conflict do nothing;

insert into product_certification (product_id, certification_code)
select p.id, c from product p, unnest(array['FCC', 'CE', 'CCC', 'BIS']) c
where p.slug like 'bench-product-%'
on conflict do nothing;

insert into product_text (product_id, locale, name, description)
select p.id, t.locale, t.name || ' ' || substr(p.slug, 15), t.description
from product p
cross join (values
    ('en', 'Bench product', 'A generated product for load tests, with a battery, a display and a charger.'),
    ('de', 'Testprodukt', 'Ein erzeugtes Produkt für Lasttests, mit Akku, Display und Ladegerät.'),
    ('zh-CN', '测试产品', '用于压力测试的生成产品，带电池、屏幕和充电器。')
) as t(locale, name, description)
where p.slug like 'bench-product-%'
on conflict do nothing;

insert into sku (code, product_id, options, position)
select upper(p.slug) || '-' || v.suffix, p.id, jsonb_build_object('colour', v.colour), v.position
from product p
cross join (values ('BLACK', 'Black', 1), ('WHITE', 'White', 2)) as v(suffix, colour, position)
where p.slug like 'bench-product-%'
on conflict do nothing;

insert into sku_price (sku_id, region_code, currency, amount_minor)
select s.id, r.code, r.currency, 1000 + (s.id * 37) % 50000
from sku s join product p on p.id = s.product_id cross join region r
where p.slug like 'bench-product-%'
on conflict do nothing;

-- Fresh statistics, as autovacuum would gather them on a live catalog.
analyze;
