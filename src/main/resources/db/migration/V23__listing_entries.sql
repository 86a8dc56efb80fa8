-- Each product's price range and launch in every region where it has a price, kept by triggers in the writing
-- transaction, so that the listing's price and newest orders walk an index instead of ranking every product.
create table listing_entry (
    region_code text        not null references region (code) on delete cascade,
    product_id  bigint      not null references product (id) on delete cascade,
    slug        text        not null,
    min_price   bigint      not null,
    max_price   bigint      not null,
    launch      timestamptz not null,
    primary key (region_code, product_id)
);
-- Each order ends with the slug, as the listing's does, so that ties (a catalog imported at one instant launches
-- at one instant) are walked in the index too.
create index listing_entry_by_price on listing_entry (region_code, min_price, slug);
create index listing_entry_by_launch on listing_entry (region_code, launch desc, slug);
create index listing_entry_of_product on listing_entry (product_id);

-- Recomputes the entries of these (product, region) pairs from sku_price, product_region and product.
create function refresh_listing_entries(products bigint[], regions text[]) returns void language sql as $$
    with wanted as (
        select distinct w.product_id, w.region_code from unnest(products, regions) as w(product_id, region_code)),
    computed as (
        select w.product_id, w.region_code, min(sp.amount_minor) as min_price, max(sp.amount_minor) as max_price
        from wanted w
        join sku s on s.product_id = w.product_id
        join sku_price sp on sp.sku_id = s.id and sp.region_code = w.region_code
        group by 1, 2),
    gone as (
        delete from listing_entry le using wanted w
        where le.product_id = w.product_id and le.region_code = w.region_code
          and not exists (select 1 from computed c
                          where c.product_id = w.product_id and c.region_code = w.region_code))
    -- What is priced already, computed as the triggers compute it.
select refresh_listing_entries(array_agg(s.product_id), array_agg(sp.region_code))
from sku s join sku_price sp on sp.sku_id = s.id;
