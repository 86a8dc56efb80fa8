-- A generated catalog for the bench, on top of the demo catalog (its four
-- regions and their rules): :products products (psql -v products=N; 1,000 by
-- default in bench/catalog.sh) across the four categories, each with two SKUs
-- priced and stocked in every region, text in English, German and Simplified
-- Chinese, pictures, a colour option and a specification table. Run with
-- search_path set to the bench schema, after
-- src/main/resources/db/demo/R__demo_catalog.sql (bench/catalog.sh does).

insert into product (slug, category_code)
select format('bench-product-%s', lpad(i::text, 6, '0')), (array['PHONE', 'WEARABLE', 'AUDIO', 'POWER'])[1 + i % 4]
from generate_series(1, :products) i
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

insert into location_stock (location_id, sku_code, on_hand)
select 'wh-' || lower(r.code), s.code, (s.id * 13) % 40
from sku s join product p on p.id = s.product_id cross join region r
where p.slug like 'bench-product-%'
on conflict do nothing;

update product p set
    media = jsonb_build_array(
        jsonb_build_object('sku', null, 'url', 'https://i01.appmifile.com/storefront/' || p.slug || '/front.jpg',
                           'width', 1600, 'height', 1600,
                           'alt', jsonb_build_object('en', 'Bench product', 'de', 'Testprodukt', 'zh-CN', '测试产品')),
        jsonb_build_object('sku', upper(p.slug) || '-BLACK',
                           'url', 'https://i02.appmifile.com/storefront/' || p.slug || '/black.jpg',
                           'width', 1200, 'height', 1200,
                           'alt', jsonb_build_object('en', 'Black', 'de', 'Schwarz', 'zh-CN', '黑色'))),
    options = jsonb_build_array(jsonb_build_object('code', 'colour',
        'labels', jsonb_build_object('en', 'Colour', 'de', 'Farbe', 'zh-CN', '颜色'),
        'values', jsonb_build_array(
            jsonb_build_object('code', 'Black', 'labels', jsonb_build_object('en', 'Black', 'de', 'Schwarz', 'zh-CN', '黑色')),
            jsonb_build_object('code', 'White', 'labels', jsonb_build_object('en', 'White', 'de', 'Weiß', 'zh-CN', '白色'))))),
    spec_groups = jsonb_build_array(jsonb_build_object('code', 'battery',
        'labels', jsonb_build_object('en', 'Battery', 'de', 'Akku', 'zh-CN', '电池'))),
    specifications = jsonb_build_array(
        jsonb_build_object('code', 'capacity', 'group', 'battery', 'type', 'NUMBER', 'number', 1000 + p.id % 20000,
                           'unit', 'mAh', 'labels', jsonb_build_object('en', 'Capacity', 'de', 'Kapazität', 'zh-CN', '容量')),
        jsonb_build_object('code', 'water_resistant', 'group', 'battery', 'type', 'BOOLEAN', 'flag', p.id % 2 = 0,
                           'labels', jsonb_build_object('en', 'Water resistant', 'de', 'Wasserdicht', 'zh-CN', '防水')))
where p.slug like 'bench-product-%' and p.media = '[]'::jsonb;

-- Fresh statistics, as autovacuum would gather them on a live catalog.
analyze;
