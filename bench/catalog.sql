-- A generated catalog for the bench: the demo's four regions and rules, and
-- 1,000 products across the four categories, each with two SKUs priced in
-- every region and text in English, German and Simplified Chinese.
-- Run with search_path set to the bench schema (bench/catalog.sh does).

insert into category (code, name) values
    ('PHONE', 'Phones'), ('WEARABLE', 'Wearables'), ('AUDIO', 'Audio'), ('POWER', 'Power')
on conflict do nothing;
insert into certification (code, name) values ('FCC', 'FCC'), ('CE', 'CE'), ('CCC', 'CCC'), ('BIS', 'BIS')
on conflict do nothing;
insert into region (code, name, currency, default_locale, supported_locales, tax_mode) values
    ('US', 'United States', 'USD', 'en', array['en', 'es'], 'EXCLUSIVE'),
    ('EU', 'European Union', 'EUR', 'en', array['en', 'de', 'fr', 'it', 'es', 'nl'], 'INCLUSIVE'),
    ('CN', 'Mainland China', 'CNY', 'zh-CN', array['zh-CN', 'en'], 'INCLUSIVE'),
    ('IN', 'India', 'INR', 'en', array['en', 'hi'], 'INCLUSIVE')
on conflict do nothing;
insert into region_country (country, region_code) values ('US', 'US'), ('DE', 'EU'), ('FR', 'EU'), ('CN', 'CN'), ('IN', 'IN')
on conflict do nothing;
insert into region_category (region_code, category_code)
select r, c from unnest(array['US', 'EU']) r, unnest(array['WEARABLE', 'AUDIO', 'POWER']) c
union all
select r, c from unnest(array['CN', 'IN']) r, unnest(array['PHONE', 'WEARABLE', 'AUDIO', 'POWER']) c
on conflict do nothing;
insert into region_certification_requirement values
    ('US', 'PHONE', 'FCC'), ('US', 'WEARABLE', 'FCC'), ('US', 'AUDIO', 'FCC'),
    ('EU', 'PHONE', 'CE'), ('EU', 'WEARABLE', 'CE'), ('EU', 'AUDIO', 'CE'), ('EU', 'POWER', 'CE'),
    ('CN', 'PHONE', 'CCC'), ('CN', 'POWER', 'CCC'),
    ('IN', 'PHONE', 'BIS'), ('IN', 'WEARABLE', 'BIS'), ('IN', 'POWER', 'BIS')
on conflict do nothing;

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
