-- Demo catalog for dev mode and tests: regions US, EU, CN, IN and the brand's
-- products. Only adds what is missing, so edits made while trying the API stay.
-- In the US and the EU the brand sells accessories only; in CN and IN phones too.

insert into category (code, name) values
    ('PHONE', 'Phones'), ('WEARABLE', 'Wearables'), ('AUDIO', 'Audio'), ('POWER', 'Power')
on conflict do nothing;

insert into certification (code, name) values
    ('FCC', 'US Federal Communications Commission'),
    ('CE', 'European Conformity'),
    ('CCC', 'China Compulsory Certificate'),
    ('BIS', 'Bureau of Indian Standards')
on conflict do nothing;

insert into region (code, name, currency, default_locale, supported_locales, tax_mode) values
    ('US', 'United States', 'USD', 'en', array['en', 'es'], 'EXCLUSIVE'),
    ('EU', 'European Union', 'EUR', 'en', array['en', 'de', 'fr', 'it', 'es', 'nl'], 'INCLUSIVE'),
    ('CN', 'Mainland China', 'CNY', 'zh-CN', array['zh-CN', 'en'], 'INCLUSIVE'),
    ('IN', 'India', 'INR', 'en', array['en', 'hi'], 'INCLUSIVE')
on conflict do nothing;

-- EU consumers may withdraw from an online purchase within 14 days of delivery.
update region set return_days = 14 where code = 'EU' and return_days <> 14;

insert into region_country (country, region_code) values
    ('US', 'US'),
    ('DE', 'EU'), ('FR', 'EU'), ('IT', 'EU'), ('ES', 'EU'), ('NL', 'EU'), ('BE', 'EU'), ('AT', 'EU'),
    ('IE', 'EU'), ('PT', 'EU'), ('FI', 'EU'), ('SE', 'EU'), ('DK', 'EU'), ('PL', 'EU'), ('CZ', 'EU'),
    ('CN', 'CN'),
    ('IN', 'IN')
on conflict do nothing;

-- Tax and shipping. US sales tax is added at the state's base rate (local
-- rates are not modelled; states without a row charge none); EU, CN and IN
-- prices include VAT/GST, at the destination country's rate in the EU.
update region set tax_rate_bps = v.rate_bps, shipping_minor = v.shipping_minor
from (values ('US', 0, 599), ('EU', 2000, 499), ('CN', 1300, 1000), ('IN', 1800, 9900))
    as v(code, rate_bps, shipping_minor)
where region.code = v.code and region.tax_rate_bps = 0 and region.shipping_minor = 0;

-- How each region ships: its flat fee is the standard method; the US also ships
-- express to its four largest states, and the EU to its three largest markets,
-- both free above an amount.
insert into delivery_method (region_code, code, name, price_minor, free_above_minor, min_days, max_days,
                             countries, states, position)
select r.code, 'STANDARD', 'Standard delivery', r.shipping_minor, null, 3, 7, '[]', '[]', 0
from region r where r.code in ('US', 'EU', 'CN', 'IN')
on conflict do nothing;
insert into delivery_method (region_code, code, name, price_minor, free_above_minor, min_days, max_days,
                             countries, states, position) values
    ('US', 'EXPRESS', 'Express delivery', 1499, 15000, 1, 2, '["US"]', '["US-CA", "US-NY", "US-TX", "US-WA"]', 1),
    ('EU', 'EXPRESS', 'Express delivery', 1290, 20000, 1, 3, '["DE", "FR", "NL"]', '[]', 1)
on conflict do nothing;

insert into tax_rate (country, subdivision, rate_bps) values
    ('US', 'CA', 725), ('US', 'NY', 400), ('US', 'TX', 625), ('US', 'WA', 650), ('US', 'FL', 600),
    ('US', 'IL', 625), ('US', 'MA', 625), ('US', 'PA', 600), ('US', 'GA', 400), ('US', 'CO', 290),
    ('DE', '', 1900), ('FR', '', 2000), ('IT', '', 2200), ('ES', '', 2100), ('NL', '', 2100),
    ('BE', '', 2100), ('AT', '', 2000), ('IE', '', 2300), ('PT', '', 2300), ('FI', '', 2550),
    ('SE', '', 2500), ('DK', '', 2500), ('PL', '', 2300), ('CZ', '', 2100)
on conflict do nothing;

insert into region_category (region_code, category_code) values
    ('US', 'WEARABLE'), ('US', 'AUDIO'), ('US', 'POWER'),
    ('EU', 'WEARABLE'), ('EU', 'AUDIO'), ('EU', 'POWER'),
    ('CN', 'PHONE'), ('CN', 'WEARABLE'), ('CN', 'AUDIO'), ('CN', 'POWER'),
    ('IN', 'PHONE'), ('IN', 'WEARABLE'), ('IN', 'AUDIO'), ('IN', 'POWER')
on conflict do nothing;

-- Radio devices need FCC in the US; everything needs CE in the EU; phones and
-- power banks need CCC in China; phones, wearables and power banks need BIS in India.
insert into region_certification_requirement (region_code, category_code, certification_code) values
    ('US', 'PHONE', 'FCC'), ('US', 'WEARABLE', 'FCC'), ('US', 'AUDIO', 'FCC'),
    ('EU', 'PHONE', 'CE'), ('EU', 'WEARABLE', 'CE'), ('EU', 'AUDIO', 'CE'), ('EU', 'POWER', 'CE'),
    ('CN', 'PHONE', 'CCC'), ('CN', 'POWER', 'CCC'),
    ('IN', 'PHONE', 'BIS'), ('IN', 'WEARABLE', 'BIS'), ('IN', 'POWER', 'BIS')
on conflict do nothing;

insert into product (slug, category_code) values
    ('mi-band-8', 'WEARABLE'),
    ('mi-band-8-pro', 'WEARABLE'),
    ('mi-power-bank-10000', 'POWER'),
    ('mi-power-bank-20000', 'POWER'),
    ('mi-wireless-power-bank-10000', 'POWER'),
    ('mi-headphones', 'AUDIO'),
    ('mi-headphones-comfort', 'AUDIO'),
    ('mi-in-ear-headphones', 'AUDIO'),
    ('mi-in-ear-headphones-pro', 'AUDIO'),
    ('mi-note', 'PHONE'),
    ('mi-note-pro', 'PHONE'),
    ('mi-4', 'PHONE'),
    ('mi-4i', 'PHONE'),
    ('redmi-note-3', 'PHONE')
on conflict do nothing;

-- The wireless power bank has no CE marking yet: that alone keeps it out of the EU.
insert into product_certification (product_id, certification_code)
select p.id, c.code
from product p
join (values
    ('mi-band-8', array['FCC', 'CE', 'CCC', 'BIS']),
    ('mi-band-8-pro', array['FCC', 'CE', 'CCC', 'BIS']),
    ('mi-power-bank-10000', array['FCC', 'CE', 'CCC', 'BIS']),
    ('mi-power-bank-20000', array['FCC', 'CE', 'CCC', 'BIS']),
    ('mi-wireless-power-bank-10000', array['FCC', 'CCC', 'BIS']),
    ('mi-headphones', array['FCC', 'CE', 'CCC', 'BIS']),
    ('mi-headphones-comfort', array['FCC', 'CE', 'CCC', 'BIS']),
    ('mi-in-ear-headphones', array['FCC', 'CE', 'CCC', 'BIS']),
    ('mi-in-ear-headphones-pro', array['FCC', 'CE', 'CCC', 'BIS']),
    ('mi-note', array['FCC', 'CE', 'CCC', 'BIS']),
    ('mi-note-pro', array['FCC', 'CE', 'CCC', 'BIS']),
    ('mi-4', array['FCC', 'CE', 'CCC', 'BIS']),
    ('mi-4i', array['BIS']),
    ('redmi-note-3', array['CCC', 'BIS'])
) as held(slug, codes) on held.slug = p.slug
cross join lateral unnest(held.codes) as c(code)
on conflict do nothing;

insert into product_text (product_id, locale, name, description)
select p.id, t.locale, t.name, t.description
from product p
join (values
    ('mi-band-8', 'en', 'Mi Band 8', 'Fitness band with a 1.62" AMOLED display, heart-rate and sleep tracking, 16-day battery.'),
    ('mi-band-8', 'de', 'Mi Band 8', 'Fitnessarmband mit 1,62"-AMOLED-Display, Herzfrequenz- und Schlafmessung, 16 Tage Akkulaufzeit.'),
    ('mi-band-8', 'zh-CN', '小米手环 8', '1.62 英寸 AMOLED 屏幕，心率与睡眠监测，16 天超长续航。'),
    ('mi-band-8-pro', 'en', 'Mi Band 8 Pro', 'Fitness band with a large 1.74" display, built-in GPS and 150+ sport modes.'),
    ('mi-band-8-pro', 'de', 'Mi Band 8 Pro', 'Fitnessarmband mit großem 1,74"-Display, integriertem GPS und über 150 Sportmodi.'),
    ('mi-band-8-pro', 'zh-CN', '小米手环 8 Pro', '1.74 英寸大屏，内置 GPS，150+ 种运动模式。'),
    ('mi-power-bank-10000', 'en', 'Mi Power Bank 10000mAh', 'Slim aluminium power bank, 10000 mAh, 18 W two-way fast charging.'),
    ('mi-power-bank-10000', 'de', 'Mi Powerbank 10000mAh', 'Schlanke Aluminium-Powerbank, 10000 mAh, 18 W Schnellladen in beide Richtungen.'),
    ('mi-power-bank-10000', 'zh-CN', '小米移动电源 10000mAh', '轻薄铝合金机身，10000 毫安时，18W 双向快充。'),
    ('mi-power-bank-20000', 'en', 'Mi Power Bank 20000mAh', 'High-capacity power bank, 20000 mAh, charges a phone up to five times, 18 W fast charging.'),
    ('mi-power-bank-20000', 'de', 'Mi Powerbank 20000mAh', 'Powerbank mit hoher Kapazität, 20000 mAh, lädt ein Handy bis zu fünfmal, 18 W Schnellladen.'),
    ('mi-power-bank-20000', 'zh-CN', '小米移动电源 20000mAh', '大容量移动电源，20000 毫安时，可为手机充电约五次，18W 快充。'),
    ('mi-wireless-power-bank-10000', 'en', 'Mi Wireless Power Bank 10000mAh', 'Power bank with a 10 W Qi wireless charging pad, 10000 mAh.'),
    ('mi-wireless-power-bank-10000', 'de', 'Mi Wireless Powerbank 10000mAh', 'Powerbank mit 10-W-Qi-Ladefläche für kabelloses Laden, 10000 mAh.'),
    ('mi-wireless-power-bank-10000', 'zh-CN', '小米无线移动电源 10000mAh', '支持 10W Qi 无线充电，10000 毫安时。'),
    ('mi-headphones', 'en', 'Mi Headphones', 'Over-ear headphones with 50 mm graphene drivers and a foldable aluminium frame.'),
    ('mi-headphones', 'de', 'Mi Kopfhörer', 'Over-Ear-Kopfhörer mit 50-mm-Graphen-Treibern und faltbarem Aluminiumrahmen.'),
    ('mi-headphones', 'zh-CN', '小米头戴式耳机', '50 毫米石墨烯振膜单元，可折叠铝合金框架。'),
    ('mi-headphones-comfort', 'en', 'Mi Headphones Comfort', 'Lightweight over-ear headphones with memory-foam cushions for long listening.'),
    ('mi-headphones-comfort', 'de', 'Mi Kopfhörer Comfort', 'Leichte Over-Ear-Kopfhörer mit Memory-Foam-Polstern für langes Hören.'),
    ('mi-headphones-comfort', 'zh-CN', '小米头戴式耳机轻松版', '轻量设计，记忆海绵耳垫，久戴舒适。'),
    ('mi-in-ear-headphones', 'en', 'Mi In-Ear Headphones', 'In-ear headphones with a dual-dynamic driver and an in-line remote and microphone.'),
    ('mi-in-ear-headphones', 'de', 'Mi In-Ear-Kopfhörer', 'In-Ear-Kopfhörer mit Doppel-Treiber, Kabelfernbedienung und Mikrofon.'),
    ('mi-in-ear-headphones', 'zh-CN', '小米圈铁耳机', '动圈加动铁双单元，线控带麦克风。'),
    ('mi-in-ear-headphones-pro', 'en', 'Mi In-Ear Headphones Pro', 'Hybrid triple-driver in-ear headphones with a braided cable.'),
    ('mi-in-ear-headphones-pro', 'de', 'Mi In-Ear-Kopfhörer Pro', 'Hybride In-Ear-Kopfhörer mit drei Treibern und geflochtenem Kabel.'),
    ('mi-in-ear-headphones-pro', 'zh-CN', '小米圈铁耳机 Pro', '双动圈加动铁三单元，编织线材。'),
    ('mi-note', 'en', 'Mi Note', 'Phone with a 5.7" 1080p display, Snapdragon 801 and a 13 MP camera.'),
    ('mi-note', 'de', 'Mi Note', 'Smartphone mit 5,7"-1080p-Display, Snapdragon 801 und 13-MP-Kamera.'),
    ('mi-note', 'zh-CN', '小米 Note', '5.7 英寸 1080p 屏幕，骁龙 801，1300 万像素相机。'),
    ('mi-note-pro', 'en', 'Mi Note Pro', 'Phone with a 5.7" 2K display, Snapdragon 810 and 4 GB of memory.'),
    ('mi-note-pro', 'de', 'Mi Note Pro', 'Smartphone mit 5,7"-2K-Display, Snapdragon 810 und 4 GB Arbeitsspeicher.'),
    ('mi-note-pro', 'zh-CN', '小米 Note 顶配版', '5.7 英寸 2K 屏幕，骁龙 810，4GB 内存。'),
    ('mi-4', 'en', 'Mi 4', 'Phone with a stainless-steel frame, 5" 1080p display and Snapdragon 801.'),
    ('mi-4', 'de', 'Mi 4', 'Smartphone mit Edelstahlrahmen, 5"-1080p-Display und Snapdragon 801.'),
    ('mi-4', 'zh-CN', '小米手机 4', '不锈钢金属边框，5 英寸 1080p 屏幕，骁龙 801。'),
    ('mi-4i', 'en', 'Mi 4i', 'Phone made for India: 5" 1080p display, Snapdragon 615, 3120 mAh battery.'),
    ('mi-4i', 'de', 'Mi 4i', 'Smartphone für Indien: 5"-1080p-Display, Snapdragon 615, 3120-mAh-Akku.'),
    ('mi-4i', 'zh-CN', '小米手机 4i', '为印度打造：5 英寸 1080p 屏幕，骁龙 615，3120 毫安时电池。'),
    ('redmi-note-3', 'en', 'Redmi Note 3', 'Phone with a metal body, fingerprint sensor and 4000 mAh battery.'),
    ('redmi-note-3', 'de', 'Redmi Note 3', 'Smartphone mit Metallgehäuse, Fingerabdrucksensor und 4000-mAh-Akku.'),
    ('redmi-note-3', 'zh-CN', '红米 Note 3', '全金属机身，指纹识别，4000 毫安时大电量。')
) as t(slug, locale, name, description) on t.slug = p.slug
on conflict do nothing;

insert into sku (code, product_id, options, position)
select s.code, p.id, s.options::jsonb, s.position
from product p
join (values
    ('mi-band-8', 'MI-BAND-8-BLACK', '{"colour": "Graphite Black"}', 1),
    ('mi-band-8', 'MI-BAND-8-GOLD', '{"colour": "Champagne Gold"}', 2),
    ('mi-band-8-pro', 'MI-BAND-8-PRO-BLACK', '{"colour": "Black"}', 1),
    ('mi-band-8-pro', 'MI-BAND-8-PRO-GREY', '{"colour": "Light Grey"}', 2),
    ('mi-power-bank-10000', 'MI-PB-10000-SILVER', '{"capacity": "10000 mAh", "colour": "Silver"}', 1),
    ('mi-power-bank-10000', 'MI-PB-10000-BLACK', '{"capacity": "10000 mAh", "colour": "Black"}', 2),
    ('mi-power-bank-20000', 'MI-PB-20000-WHITE', '{"capacity": "20000 mAh", "colour": "White"}', 1),
    ('mi-wireless-power-bank-10000', 'MI-WPB-10000-BLACK', '{"capacity": "10000 mAh", "colour": "Black"}', 1),
    ('mi-headphones', 'MI-HP-BLACK', '{"colour": "Black"}', 1),
    ('mi-headphones', 'MI-HP-SILVER', '{"colour": "Silver"}', 2),
    ('mi-headphones-comfort', 'MI-HPC-WHITE', '{"colour": "White"}', 1),
    ('mi-in-ear-headphones', 'MI-IEH-SILVER', '{"colour": "Silver"}', 1),
    ('mi-in-ear-headphones', 'MI-IEH-GOLD', '{"colour": "Gold"}', 2),
    ('mi-in-ear-headphones-pro', 'MI-IEHP-SILVER', '{"colour": "Silver"}', 1),
    ('mi-note', 'MI-NOTE-16GB-WHITE', '{"capacity": "16 GB", "colour": "White"}', 1),
    ('mi-note', 'MI-NOTE-64GB-WHITE', '{"capacity": "64 GB", "colour": "White"}', 2),
    ('mi-note-pro', 'MI-NOTE-PRO-64GB-GOLD', '{"capacity": "64 GB", "colour": "Gold"}', 1),
    ('mi-4', 'MI-4-16GB-WHITE', '{"capacity": "16 GB", "colour": "White"}', 1),
    ('mi-4', 'MI-4-64GB-BLACK', '{"capacity": "64 GB", "colour": "Black"}', 2),
    ('mi-4i', 'MI-4I-16GB-GREY', '{"capacity": "16 GB", "colour": "Dark Grey"}', 1),
    ('mi-4i', 'MI-4I-32GB-WHITE', '{"capacity": "32 GB", "colour": "White"}', 2),
    ('redmi-note-3', 'REDMI-NOTE-3-16GB-GOLD', '{"capacity": "16 GB", "colour": "Gold"}', 1),
    ('redmi-note-3', 'REDMI-NOTE-3-32GB-GREY', '{"capacity": "32 GB", "colour": "Dark Grey"}', 2)
) as s(slug, code, options, position) on s.slug = p.slug
on conflict do nothing;

-- Option types of the demo products, declared from what their SKUs vary by,
-- with labels in English, German and Chinese, for products that have none yet.
with labels(option_code, value_code, en, de, zh) as (values
    ('colour', null, 'Colour', 'Farbe', '颜色'),
    ('capacity', null, 'Capacity', 'Kapazität', '容量'),
    ('colour', 'Graphite Black', 'Graphite Black', 'Graphitschwarz', '石墨黑'),
    ('colour', 'Champagne Gold', 'Champagne Gold', 'Champagnergold', '香槟金'),
    ('colour', 'Black', 'Black', 'Schwarz', '黑色'),
    ('colour', 'Light Grey', 'Light Grey', 'Hellgrau', '浅灰色'),
    ('colour', 'Dark Grey', 'Dark Grey', 'Dunkelgrau', '深灰色'),
    ('colour', 'Silver', 'Silver', 'Silber', '银色'),
    ('colour', 'White', 'White', 'Weiß', '白色'),
    ('colour', 'Gold', 'Gold', 'Gold', '金色'),
    ('capacity', '10000 mAh', '10000 mAh', '10000 mAh', '10000 毫安时'),
    ('capacity', '20000 mAh', '20000 mAh', '20000 mAh', '20000 毫安时'),
    ('capacity', '16 GB', '16 GB', '16 GB', '16 GB'),
    ('capacity', '32 GB', '32 GB', '32 GB', '32 GB'),
    ('capacity', '64 GB', '64 GB', '64 GB', '64 GB')),
used as (
    select s.product_id, o.key as option_code, o.value as value_code, min(s.position * 100 + o.n) as first_seen
    from sku s cross join lateral jsonb_each_text(s.options) with ordinality as o(key, value, n)
    group by s.product_id, o.key, o.value),
declared as (
    select u.product_id, u.option_code,
           jsonb_build_object('code', u.option_code,
                              'labels', (select jsonb_build_object('en', l.en, 'de', l.de, 'zh-CN', l.zh)
                                         from labels l where l.option_code = u.option_code and l.value_code is null),
                              'values', jsonb_agg(jsonb_build_object('code', u.value_code,
                                  'labels', (select jsonb_build_object('en', l.en, 'de', l.de, 'zh-CN', l.zh)
                                             from labels l where l.option_code = u.option_code
                                               and l.value_code = u.value_code)) order by u.first_seen)) as option
    from used u group by u.product_id, u.option_code)
update product p set options = d.options
from (select product_id, jsonb_agg(option order by case option ->> 'code' when 'colour' then 0 else 1 end)
             as options
      from declared group by product_id) d
where d.product_id = p.id and p.options = '[]'::jsonb
  and p.slug in ('mi-band-8', 'mi-band-8-pro', 'mi-power-bank-10000', 'mi-power-bank-20000',
                 'mi-wireless-power-bank-10000', 'mi-headphones', 'mi-headphones-comfort', 'mi-in-ear-headphones',
                 'mi-in-ear-headphones-pro', 'mi-note', 'mi-note-pro', 'mi-4', 'mi-4i', 'redmi-note-3');

-- Specification tables of the demo products, for those that have none yet:
-- groups and attribute names in English, German and Chinese; numbers with
-- their unit symbols, yes/no, and lists of terms.
with names(code, en, de, zh) as (values
    ('display', 'Display', 'Display', '屏幕'),
    ('battery', 'Battery', 'Akku', '电池'),
    ('build', 'Build', 'Bauweise', '机身'),
    ('connectivity', 'Connectivity', 'Konnektivität', '连接'),
    ('audio', 'Sound', 'Klang', '音频'),
    ('screen_size', 'Screen size', 'Bildschirmdiagonale', '屏幕尺寸'),
    ('capacity', 'Capacity', 'Kapazität', '容量'),
    ('output', 'Output', 'Ausgangsleistung', '输出功率'),
    ('weight', 'Weight', 'Gewicht', '重量'),
    ('water_resistant', 'Water resistant', 'Wasserdicht', '防水'),
    ('wireless_charging', 'Wireless charging', 'Kabelloses Laden', '无线充电'),
    ('microphone', 'Microphone', 'Mikrofon', '麦克风'),
    ('driver', 'Driver', 'Treiber', '单元尺寸'),
    ('dual_sim', 'Dual SIM', 'Dual-SIM', '双卡'),
    ('ports', 'Ports', 'Anschlüsse', '接口'),
    ('wireless', 'Wireless', 'Drahtlos', '无线连接')),
specs(slug, grp, code, type, number, unit, flag, items, n) as (values
    ('mi-band-8', 'display', 'screen_size', 'NUMBER', 1.62, 'in', null, null, 1),
    ('mi-band-8', 'battery', 'capacity', 'NUMBER', 190, 'mAh', null, null, 2),
    ('mi-band-8', 'build', 'weight', 'NUMBER', 27, 'g', null, null, 3),
    ('mi-band-8', 'build', 'water_resistant', 'BOOLEAN', null, null, true, null, 4),
    ('mi-band-8', 'connectivity', 'wireless', 'LIST', null, null, null, '["Bluetooth 5.1"]', 5),
    ('mi-band-8-pro', 'display', 'screen_size', 'NUMBER', 1.74, 'in', null, null, 1),
    ('mi-band-8-pro', 'battery', 'capacity', 'NUMBER', 289, 'mAh', null, null, 2),
    ('mi-band-8-pro', 'build', 'weight', 'NUMBER', 22.5, 'g', null, null, 3),
    ('mi-band-8-pro', 'build', 'water_resistant', 'BOOLEAN', null, null, true, null, 4),
    ('mi-band-8-pro', 'connectivity', 'wireless', 'LIST', null, null, null, '["Bluetooth 5.3", "GPS"]', 5),
    ('mi-power-bank-10000', 'battery', 'capacity', 'NUMBER', 10000, 'mAh', null, null, 1),
    ('mi-power-bank-10000', 'battery', 'output', 'NUMBER', 18, 'W', null, null, 2),
    ('mi-power-bank-10000', 'battery', 'wireless_charging', 'BOOLEAN', null, null, false, null, 3),
    ('mi-power-bank-10000', 'build', 'weight', 'NUMBER', 220, 'g', null, null, 4),
    ('mi-power-bank-10000', 'connectivity', 'ports', 'LIST', null, null, null, '["USB-C", "USB-A"]', 5),
    ('mi-power-bank-20000', 'battery', 'capacity', 'NUMBER', 20000, 'mAh', null, null, 1),
    ('mi-power-bank-20000', 'battery', 'output', 'NUMBER', 18, 'W', null, null, 2),
    ('mi-power-bank-20000', 'battery', 'wireless_charging', 'BOOLEAN', null, null, false, null, 3),
    ('mi-power-bank-20000', 'build', 'weight', 'NUMBER', 338, 'g', null, null, 4),
    ('mi-power-bank-20000', 'connectivity', 'ports', 'LIST', null, null, null, '["USB-C", "USB-A", "USB-A"]', 5),
    ('mi-wireless-power-bank-10000', 'battery', 'capacity', 'NUMBER', 10000, 'mAh', null, null, 1),
    ('mi-wireless-power-bank-10000', 'battery', 'output', 'NUMBER', 10, 'W', null, null, 2),
    ('mi-wireless-power-bank-10000', 'battery', 'wireless_charging', 'BOOLEAN', null, null, true, null, 3),
    ('mi-wireless-power-bank-10000', 'build', 'weight', 'NUMBER', 250, 'g', null, null, 4),
    ('mi-headphones', 'audio', 'driver', 'NUMBER', 50, 'mm', null, null, 1),
    ('mi-headphones', 'audio', 'microphone', 'BOOLEAN', null, null, true, null, 2),
    ('mi-headphones', 'build', 'weight', 'NUMBER', 210, 'g', null, null, 3),
    ('mi-headphones', 'connectivity', 'ports', 'LIST', null, null, null, '["3.5 mm"]', 4),
    ('mi-headphones-comfort', 'audio', 'driver', 'NUMBER', 40, 'mm', null, null, 1),
    ('mi-headphones-comfort', 'audio', 'microphone', 'BOOLEAN', null, null, true, null, 2),
    ('mi-headphones-comfort', 'build', 'weight', 'NUMBER', 185, 'g', null, null, 3),
    ('mi-in-ear-headphones', 'audio', 'microphone', 'BOOLEAN', null, null, true, null, 1),
    ('mi-in-ear-headphones', 'build', 'weight', 'NUMBER', 14, 'g', null, null, 2),
    ('mi-in-ear-headphones', 'connectivity', 'ports', 'LIST', null, null, null, '["3.5 mm"]', 3),
    ('mi-in-ear-headphones-pro', 'audio', 'microphone', 'BOOLEAN', null, null, true, null, 1),
    ('mi-in-ear-headphones-pro', 'build', 'weight', 'NUMBER', 15.5, 'g', null, null, 2),
    ('mi-note', 'display', 'screen_size', 'NUMBER', 5.7, 'in', null, null, 1),
    ('mi-note', 'battery', 'capacity', 'NUMBER', 3000, 'mAh', null, null, 2),
    ('mi-note', 'build', 'weight', 'NUMBER', 161, 'g', null, null, 3),
    ('mi-note', 'connectivity', 'dual_sim', 'BOOLEAN', null, null, true, null, 4),
    ('mi-note', 'connectivity', 'wireless', 'LIST', null, null, null, '["4G LTE", "Wi-Fi 5", "Bluetooth 4.1"]', 5),
    ('mi-note-pro', 'display', 'screen_size', 'NUMBER', 5.7, 'in', null, null, 1),
    ('mi-note-pro', 'battery', 'capacity', 'NUMBER', 3090, 'mAh', null, null, 2),
    ('mi-note-pro', 'build', 'weight', 'NUMBER', 161, 'g', null, null, 3),
    ('mi-note-pro', 'connectivity', 'dual_sim', 'BOOLEAN', null, null, true, null, 4),
    ('mi-note-pro', 'connectivity', 'wireless', 'LIST', null, null, null, '["4G LTE", "Wi-Fi 5", "Bluetooth 4.1"]', 5),
    ('mi-4', 'display', 'screen_size', 'NUMBER', 5, 'in', null, null, 1),
    ('mi-4', 'battery', 'capacity', 'NUMBER', 3080, 'mAh', null, null, 2),
    ('mi-4', 'build', 'weight', 'NUMBER', 149, 'g', null, null, 3),
    ('mi-4', 'connectivity', 'dual_sim', 'BOOLEAN', null, null, false, null, 4),
    ('mi-4i', 'display', 'screen_size', 'NUMBER', 5, 'in', null, null, 1),
    ('mi-4i', 'battery', 'capacity', 'NUMBER', 3120, 'mAh', null, null, 2),
    ('mi-4i', 'build', 'weight', 'NUMBER', 130, 'g', null, null, 3),
    ('mi-4i', 'connectivity', 'dual_sim', 'BOOLEAN', null, null, true, null, 4),
    ('redmi-note-3', 'display', 'screen_size', 'NUMBER', 5.5, 'in', null, null, 1),
    ('redmi-note-3', 'battery', 'capacity', 'NUMBER', 4000, 'mAh', null, null, 2),
    ('redmi-note-3', 'build', 'weight', 'NUMBER', 164, 'g', null, null, 3),
    ('redmi-note-3', 'connectivity', 'dual_sim', 'BOOLEAN', null, null, true, null, 4)),
tables as (
    select x.slug,
           (select jsonb_agg(jsonb_build_object('code', g.grp, 'labels',
                       jsonb_build_object('en', gn.en, 'de', gn.de, 'zh-CN', gn.zh)) order by g.first)
            from (select grp, min(n) as first from specs where slug = x.slug group by grp) g
            join names gn on gn.code = g.grp) as groups,
           (select jsonb_agg(jsonb_strip_nulls(jsonb_build_object('code', a.code, 'group', a.grp, 'type', a.type,
                       'labels', jsonb_build_object('en', an.en, 'de', an.de, 'zh-CN', an.zh),
                       'number', a.number, 'unit', a.unit, 'flag', a.flag, 'items', a.items::jsonb)) order by a.n)
            from specs a join names an on an.code = a.code where a.slug = x.slug) as attributes
    from (select distinct slug from specs) x)
update product p set spec_groups = t.groups, specifications = t.attributes
from tables t
where t.slug = p.slug and p.spec_groups = '[]'::jsonb and p.specifications = '[]'::jsonb;

-- Pictures on the brand's image CDN, for demo products that have none yet: the
-- product from the front and from the side, then one of each SKU (its colour),
-- with alt text in every locale the product has text in.
update product p set media = pictures.media
from (
    select p.id,
           jsonb_build_array(
               jsonb_build_object('sku', null, 'url', 'https://i01.appmifile.com/storefront/' || p.slug || '/front.jpg',
                                  'width', 1600, 'height', 1600,
                                  'alt', (select jsonb_object_agg(t.locale, t.name) from product_text t
                                          where t.product_id = p.id)),
               jsonb_build_object('sku', null, 'url', 'https://i01.appmifile.com/storefront/' || p.slug || '/side.jpg',
                                  'width', 1600, 'height', 1200,
                                  'alt', (select jsonb_object_agg(t.locale, t.name || case t.locale
                                              when 'de' then ', Seitenansicht' when 'zh-CN' then '，侧面'
                                              else ', side view' end)
                                          from product_text t where t.product_id = p.id)))
           || coalesce((select jsonb_agg(jsonb_build_object(
                            'sku', s.code,
                            'url', 'https://i02.appmifile.com/storefront/' || p.slug || '/' || lower(s.code) || '.jpg',
                            'width', 1200, 'height', 1200,
                            'alt', (select jsonb_object_agg(t.locale, t.name || ' – ' ||
                                        (select string_agg(o.value, ', ' order by o.key)
                                         from jsonb_each_text(s.options) o(key, value)))
                                    from product_text t where t.product_id = p.id))
                            order by s.position, s.code)
                        from sku s where s.product_id = p.id), '[]'::jsonb) as media
    from product p
) pictures
where pictures.id = p.id and p.media = '[]'::jsonb
  and p.slug in ('mi-band-8', 'mi-band-8-pro', 'mi-power-bank-10000', 'mi-power-bank-20000',
                 'mi-wireless-power-bank-10000', 'mi-headphones', 'mi-headphones-comfort', 'mi-in-ear-headphones',
                 'mi-in-ear-headphones-pro', 'mi-note', 'mi-note-pro', 'mi-4', 'mi-4i', 'redmi-note-3');

-- Prices in minor units: cents, euro cents, fen and paise.
insert into sku_price (sku_id, region_code, currency, amount_minor)
select s.id, pr.region_code, r.currency, pr.amount_minor
from (values
    ('MI-BAND-8-BLACK', 'US', 4999), ('MI-BAND-8-BLACK', 'EU', 4999), ('MI-BAND-8-BLACK', 'CN', 24900), ('MI-BAND-8-BLACK', 'IN', 399900),
    ('MI-BAND-8-GOLD', 'US', 4999), ('MI-BAND-8-GOLD', 'EU', 4999), ('MI-BAND-8-GOLD', 'CN', 24900), ('MI-BAND-8-GOLD', 'IN', 399900),
    ('MI-BAND-8-PRO-BLACK', 'US', 7999), ('MI-BAND-8-PRO-BLACK', 'EU', 7999), ('MI-BAND-8-PRO-BLACK', 'CN', 39900), ('MI-BAND-8-PRO-BLACK', 'IN', 599900),
    ('MI-BAND-8-PRO-GREY', 'US', 7999), ('MI-BAND-8-PRO-GREY', 'EU', 7999), ('MI-BAND-8-PRO-GREY', 'CN', 39900), ('MI-BAND-8-PRO-GREY', 'IN', 599900),
    ('MI-PB-10000-SILVER', 'US', 2499), ('MI-PB-10000-SILVER', 'EU', 2299), ('MI-PB-10000-SILVER', 'CN', 9900), ('MI-PB-10000-SILVER', 'IN', 149900),
    ('MI-PB-10000-BLACK', 'US', 2499), ('MI-PB-10000-BLACK', 'EU', 2299), ('MI-PB-10000-BLACK', 'CN', 9900), ('MI-PB-10000-BLACK', 'IN', 149900),
    ('MI-PB-20000-WHITE', 'US', 3999), ('MI-PB-20000-WHITE', 'EU', 3499), ('MI-PB-20000-WHITE', 'CN', 12900), ('MI-PB-20000-WHITE', 'IN', 219900),
    ('MI-WPB-10000-BLACK', 'US', 3499), ('MI-WPB-10000-BLACK', 'EU', 3299), ('MI-WPB-10000-BLACK', 'CN', 14900), ('MI-WPB-10000-BLACK', 'IN', 249900),
    ('MI-HP-BLACK', 'US', 9999), ('MI-HP-BLACK', 'EU', 8999), ('MI-HP-BLACK', 'CN', 49900), ('MI-HP-BLACK', 'IN', 699900),
    ('MI-HP-SILVER', 'US', 9999), ('MI-HP-SILVER', 'EU', 8999), ('MI-HP-SILVER', 'CN', 49900), ('MI-HP-SILVER', 'IN', 699900),
    ('MI-HPC-WHITE', 'US', 6999), ('MI-HPC-WHITE', 'EU', 5999), ('MI-HPC-WHITE', 'CN', 29900), ('MI-HPC-WHITE', 'IN', 399900),
    ('MI-IEH-SILVER', 'US', 1999), ('MI-IEH-SILVER', 'EU', 1799), ('MI-IEH-SILVER', 'CN', 9900), ('MI-IEH-SILVER', 'IN', 99900),
    ('MI-IEH-GOLD', 'US', 1999), ('MI-IEH-GOLD', 'EU', 1799), ('MI-IEH-GOLD', 'CN', 9900), ('MI-IEH-GOLD', 'IN', 99900),
    ('MI-IEHP-SILVER', 'US', 2999), ('MI-IEHP-SILVER', 'EU', 2799), ('MI-IEHP-SILVER', 'CN', 14900), ('MI-IEHP-SILVER', 'IN', 149900),
    ('MI-NOTE-16GB-WHITE', 'CN', 229900), ('MI-NOTE-16GB-WHITE', 'IN', 2499900),
    ('MI-NOTE-64GB-WHITE', 'CN', 279900), ('MI-NOTE-64GB-WHITE', 'IN', 2899900),
    ('MI-NOTE-PRO-64GB-GOLD', 'CN', 329900), ('MI-NOTE-PRO-64GB-GOLD', 'IN', 3499900),
    ('MI-4-16GB-WHITE', 'CN', 149900), ('MI-4-16GB-WHITE', 'IN', 1999900),
    ('MI-4-64GB-BLACK', 'CN', 199900), ('MI-4-64GB-BLACK', 'IN', 2399900),
    ('MI-4I-16GB-GREY', 'IN', 1299900),
    ('MI-4I-32GB-WHITE', 'IN', 1499900),
    ('REDMI-NOTE-3-16GB-GOLD', 'CN', 89900), ('REDMI-NOTE-3-16GB-GOLD', 'IN', 999900),
    ('REDMI-NOTE-3-32GB-GREY', 'CN', 109900), ('REDMI-NOTE-3-32GB-GREY', 'IN', 1199900)
) as pr(sku_code, region_code, amount_minor)
join sku s on s.code = pr.sku_code
join region r on r.code = pr.region_code
on conflict do nothing;

-- Launches still ahead (counted from the day the demo is loaded, so there is
-- always one to see), and a delisting with its reason.
insert into product_region (product_id, region_code, listed, delisted_reason, available_from)
select p.id, l.region_code, l.listed, l.reason, date_trunc('day', now()) + l.launch_in
from (values
    ('mi-note-pro', 'IN', true, null, interval '90 days'),
    ('mi-band-8-pro', 'EU', true, null, interval '60 days'),
    ('mi-headphones-comfort', 'US', false, 'Withdrawn pending a firmware update', null)
) as l(slug, region_code, listed, reason, launch_in)
join product p on p.slug = l.slug
on conflict do nothing;

-- Stock for every priced SKU, at its region's main warehouse; one running low
-- and one sold out, so that the catalog shows each state.
insert into location_stock (location_id, sku_code, on_hand)
select l.id, s.code, case
        when (s.code, sp.region_code) = ('MI-HPC-WHITE', 'EU') then 4
        when (s.code, sp.region_code) = ('MI-WPB-10000-BLACK', 'US') then 0
        else 1000 end
from sku s join sku_price sp on sp.sku_id = s.id
join stock_location l on l.region_code = sp.region_code and l.main
on conflict do nothing;
