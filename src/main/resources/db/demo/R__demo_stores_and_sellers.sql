-- Demo stores and sellers (dev mode and tests only, like the demo catalog).
-- About 3,000 stores spread around the large cities of China and India, a
-- handful in the US and the EU. Generated but deterministic: every position,
-- kind and opening time derives from an md5 of the store's id, so a reload
-- adds what is missing and changes nothing else.

with city (code, city, country, latitude, longitude, zone, postal, stores) as (values
    ('bj', 'Beijing', 'CN', 39.9042, 116.4074, 'Asia/Shanghai', '1000', 220),
    ('sh', 'Shanghai', 'CN', 31.2304, 121.4737, 'Asia/Shanghai', '2000', 240),
    ('gz', 'Guangzhou', 'CN', 23.1291, 113.2644, 'Asia/Shanghai', '5100', 160),
    ('sz', 'Shenzhen', 'CN', 22.5431, 114.0579, 'Asia/Shanghai', '5180', 170),
    ('cd', 'Chengdu', 'CN', 30.5728, 104.0668, 'Asia/Shanghai', '6100', 130),
    ('cq', 'Chongqing', 'CN', 29.5630, 106.5516, 'Asia/Shanghai', '4000', 120),
    ('wh', 'Wuhan', 'CN', 30.5928, 114.3055, 'Asia/Shanghai', '4300', 110),
    ('hz', 'Hangzhou', 'CN', 30.2741, 120.1551, 'Asia/Shanghai', '3100', 110),
    ('nj', 'Nanjing', 'CN', 32.0603, 118.7969, 'Asia/Shanghai', '2100', 100),
    ('xa', 'Xi''an', 'CN', 34.3416, 108.9398, 'Asia/Shanghai', '7100', 90),
    ('tj', 'Tianjin', 'CN', 39.3434, 117.3616, 'Asia/Shanghai', '3000', 90),
    ('sy', 'Shenyang', 'CN', 41.8057, 123.4315, 'Asia/Shanghai', '1100', 70),
    ('km', 'Kunming', 'CN', 24.8801, 102.8329, 'Asia/Shanghai', '6500', 60),
    ('ur', 'Urumqi', 'CN', 43.8256, 87.6168, 'Asia/Shanghai', '8300', 30),
    ('del', 'New Delhi', 'IN', 28.6139, 77.2090, 'Asia/Kolkata', '1100', 220),
    ('bom', 'Mumbai', 'IN', 19.0760, 72.8777, 'Asia/Kolkata', '4000', 220),
    ('blr', 'Bengaluru', 'IN', 12.9716, 77.5946, 'Asia/Kolkata', '5600', 200),
    ('hyd', 'Hyderabad', 'IN', 17.3850, 78.4867, 'Asia/Kolkata', '5000', 140),
    ('maa', 'Chennai', 'IN', 13.0827, 80.2707, 'Asia/Kolkata', '6000', 140),
    ('ccu', 'Kolkata', 'IN', 22.5726, 88.3639, 'Asia/Kolkata', '7000', 120),
    ('pnq', 'Pune', 'IN', 18.5204, 73.8567, 'Asia/Kolkata', '4110', 90),
    ('amd', 'Ahmedabad', 'IN', 23.0225, 72.5714, 'Asia/Kolkata', '3800', 80),
    ('jai', 'Jaipur', 'IN', 26.9124, 75.7873, 'Asia/Kolkata', '3020', 60),
    ('lko', 'Lucknow', 'IN', 26.8467, 80.9462, 'Asia/Kolkata', '2260', 50)
),
generated as (
    select city.*, n, lower(city.country) || '-' || city.code || '-' || lpad(n::text, 4, '0') as id,
           -- eight pseudo-random fractions in [0, 1) from the id
           array(select ('x' || substr(md5(lower(city.country) || city.code || n), i * 4 + 1, 4))::bit(16)::int / 65536.0
                 from generate_series(0, 7) i) as r
    from city, generate_series(1, city.stores) n
),
shaped as (
    select g.*,
           case when r[1] < 0.05 then 'FLAGSHIP' when r[1] < 0.30 then 'SERVICE_CENTER' else 'AUTHORIZED_STORE' end
               as kind,
           -- within about 25 km of the centre, denser near it
           latitude + (r[2] - 0.5) * 0.45 * sqrt(r[3]) as lat,
           longitude + (r[4] - 0.5) * 0.45 * sqrt(r[3]) / cos(radians(latitude)) as lon
    from generated g
)
insert into store (id, name, kind, services, address_line1, city, postal_code, country, region_code, latitude,
                   longitude, time_zone, hours, phone, status)
select s.id,
       case s.kind when 'FLAGSHIP' then 'Mi Home ' when 'SERVICE_CENTER' then 'Mi Service Center '
                   else 'Mi Authorized Store ' end || s.city || ' ' || s.n,
       s.kind,
       case s.kind when 'FLAGSHIP' then array['SALES', 'REPAIR', 'WARRANTY', 'PICKUP']
                   when 'SERVICE_CENTER' then array['REPAIR', 'WARRANTY']
                   when 'AUTHORIZED_STORE' then case when s.r[5] < 0.3 then array['SALES', 'PICKUP', 'WARRANTY']
                                                     else array['SALES', 'PICKUP'] end end,
       (10 + floor(s.r[6] * 890))::int || ' ' || (array['Station', 'Market', 'Park', 'Lake', 'Temple', 'Garden',
                                                         'Harbour', 'Bridge'])[1 + floor(s.r[7] * 8)::int] || ' Road',
       s.city, s.postal || lpad(floor(s.r[8] * 100)::int::text, 2, '0'), s.country, s.country, s.lat, s.lon, s.zone,
       case
           -- service centres: Monday to Saturday, office hours
           when s.kind = 'SERVICE_CENTER' then (select jsonb_agg(jsonb_build_object('day', d, 'opens', '09:00',
                                                                                     'closes', '18:00'))
                from unnest(array['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']) d)
           -- a few stores in transit hubs never close
           when s.r[6] < 0.02 then (select jsonb_agg(jsonb_build_object('day', d, 'opens', '00:00', 'closes', '00:00'))
                from unnest(array['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']) d)
           -- shops in malls: every day, late
           else (select jsonb_agg(jsonb_build_object('day', d, 'opens', case when s.country = 'IN' then '11:00'
                                                                              else '10:00' end,
                                                     'closes', case when s.country = 'IN' then '21:30' else '22:00' end))
                from unnest(array['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']) d)
       end,
       case s.country when 'CN' then '+86 400 100 5678' else '+91 80 6939 6939' end,
       case when s.r[8] < 0.02 then 'TEMPORARILY_CLOSED' when s.r[8] > 0.99 then 'CLOSED' else 'OPEN' end
from shaped s
on conflict do nothing;

insert into store (id, name, kind, services, address_line1, city, postal_code, state, country, region_code,
                   latitude, longitude, time_zone, hours, status)
select v.id, v.name, v.kind, v.services, v.line1, v.city, v.postal, v.state, v.country, v.region, v.lat, v.lon, v.zone,
       (select jsonb_agg(jsonb_build_object('day', d, 'opens', v.opens, 'closes', v.closes))
        from unnest(array['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']) d),
       'OPEN'
from (values
    ('us-sf-0001', 'Mi Store San Francisco', 'AUTHORIZED_STORE', array['SALES', 'PICKUP'], '865 Market Street',
     'San Francisco', '94103', 'CA', 'US', 'US', 37.7841, -122.4075, 'America/Los_Angeles', '10:00', '20:00'),
    ('us-ny-0001', 'Mi Service Center New York', 'SERVICE_CENTER', array['REPAIR', 'WARRANTY'], '350 5th Avenue',
     'New York', '10118', 'NY', 'US', 'US', 40.7484, -73.9857, 'America/New_York', '09:00', '18:00'),
    ('de-be-0001', 'Mi Store Berlin Alexanderplatz', 'AUTHORIZED_STORE', array['SALES', 'PICKUP', 'WARRANTY'],
     'Alexanderplatz 9', 'Berlin', '10178', null, 'DE', 'EU', 52.5219, 13.4132, 'Europe/Berlin', '10:00', '20:00'),
    ('fr-pa-0001', 'Mi Store Paris Les Halles', 'FLAGSHIP', array['SALES', 'REPAIR', 'WARRANTY', 'PICKUP'],
     '101 Porte Berger', 'Paris', '75001', null, 'FR', 'EU', 48.8625, 2.3470, 'Europe/Paris', '10:00', '20:30'),
    ('es-ma-0001', 'Mi Store Madrid Gran Vía', 'FLAGSHIP', array['SALES', 'REPAIR', 'WARRANTY', 'PICKUP'],
     'Gran Vía 32', 'Madrid', '28013', null, 'ES', 'EU', 40.4200, -3.7025, 'Europe/Madrid', '10:00', '22:00'),
    ('it-mi-0001', 'Mi Service Center Milano', 'SERVICE_CENTER', array['REPAIR', 'WARRANTY'], 'Via Torino 51',
     'Milano', '20123', null, 'IT', 'EU', 45.4607, 9.1840, 'Europe/Rome', '09:30', '19:00'),
    ('nl-am-0001', 'Mi Store Amsterdam', 'AUTHORIZED_STORE', array['SALES', 'PICKUP'], 'Kalverstraat 92',
     'Amsterdam', '1012 PH', null, 'NL', 'EU', 52.3694, 4.8913, 'Europe/Amsterdam', '10:00', '19:00')
) as v(id, name, kind, services, line1, city, postal, state, country, region, lat, lon, zone, opens, closes)
on conflict do nothing;

-- The brand's own shops, two authorized resellers, one reseller on a shared
-- host (its neighbours are not vouched for), and one whose authorization was
-- revoked.
insert into seller (id, name, kind, regions, authorized_since, authorized_until, status) values
    ('mi-official', 'Mi Official', 'OFFICIAL', array['CN', 'EU', 'IN', 'US'], '2010-04-06T00:00:00Z', null, 'AUTHORIZED'),
    ('kaveri-digital', 'Kaveri Digital', 'AUTHORIZED', array['IN'], '2024-01-01T00:00:00Z', '2027-12-31T23:59:59Z',
     'AUTHORIZED'),
    ('nordlicht-elektronik', 'Nordlicht Elektronik GmbH', 'AUTHORIZED', array['EU'], '2025-03-01T00:00:00Z', null,
     'AUTHORIZED'),
    ('gadget-bazaar', 'Gadget Bazaar', 'AUTHORIZED', array['IN'], '2022-06-01T00:00:00Z', null, 'REVOKED')
on conflict do nothing;

insert into seller_domain (domain, seller_id, include_subdomains) values
    ('mi.com', 'mi-official', true),
    ('xiaomi.com', 'mi-official', true),
    ('kaveridigital.in', 'kaveri-digital', false),
    ('kaveri.shops.example', 'kaveri-digital', false),
    ('nordlicht-elektronik.de', 'nordlicht-elektronik', true),
    ('gadgetbazaar.in', 'gadget-bazaar', false)
on conflict do nothing;

insert into seller_storefront (marketplace, store_id, seller_id) values
    ('tmall.com', 'xiaomi', 'mi-official'),
    ('amazon.in', 'A2KAVERIDIGI01', 'kaveri-digital'),
    ('amazon.de', 'A3NORDLICHT7E', 'nordlicht-elektronik')
on conflict do nothing;

-- Where stock is besides the main warehouses: a second US warehouse on the east
-- coast, and three stores that keep a few units of the bestsellers, so that an
-- order can be allocated nearest first, split, or picked up from the shelf.
insert into stock_location (id, region_code, kind, store_id, name, country, state, latitude, longitude) values
    ('wh-us-east', 'US', 'WAREHOUSE', null, 'US east warehouse (Newark)', 'US', 'NJ', 40.7357, -74.1724),
    ('us-sf-0001', 'US', 'STORE', 'us-sf-0001', 'Mi Store San Francisco', 'US', 'CA', 37.7841, -122.4075),
    ('de-be-0001', 'EU', 'STORE', 'de-be-0001', 'Mi Store Berlin Alexanderplatz', 'DE', null, 52.5219, 13.4132),
    ('fr-pa-0001', 'EU', 'STORE', 'fr-pa-0001', 'Mi Store Paris Les Halles', 'FR', null, 48.8625, 2.3470)
on conflict do nothing;
update stock_location set country = 'US', state = 'NV', latitude = 39.5296, longitude = -119.8138,
                          name = 'US main warehouse (Reno)'
where id = 'wh-us' and country is null;
update stock_location set country = 'NL', latitude = 51.4416, longitude = 5.4697,
                          name = 'EU main warehouse (Eindhoven)'
where id = 'wh-eu' and country is null;

insert into location_stock (location_id, sku_code, on_hand)
select l.id, s.code, case l.kind when 'WAREHOUSE' then 200 else 3 end
from stock_location l
join sku_price sp on sp.region_code = l.region_code
join sku s on s.id = sp.sku_id
where l.id in ('wh-us-east', 'us-sf-0001', 'de-be-0001', 'fr-pa-0001')
  and s.code in ('MI-BAND-8-BLACK', 'MI-BAND-8-GOLD')
on conflict do nothing;
