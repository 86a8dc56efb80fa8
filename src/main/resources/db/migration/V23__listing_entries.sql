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
    insert into listing_entry (region_code, product_id, slug, min_price, max_price, launch)
    select c.region_code, c.product_id, p.slug, c.min_price, c.max_price, coalesce(pr.available_from, p.created_at)
    from computed c join product p on p.id = c.product_id
    left join product_region pr on pr.product_id = c.product_id and pr.region_code = c.region_code
    on conflict (region_code, product_id) do update
        set slug = excluded.slug, min_price = excluded.min_price, max_price = excluded.max_price, launch = excluded.launch
$$;

create function sku_price_written() returns trigger language plpgsql as $$
begin
    perform refresh_listing_entries(array_agg(s.product_id), array_agg(n.region_code))
    from changed n join sku s on s.id = n.sku_id;
    return null;
end $$;

-- A deleted SKU's prices go with it (on delete cascade): its product is recomputed in every region.
create function sku_deleted() returns trigger language plpgsql as $$
begin
    perform refresh_listing_entries(array_agg(o.product_id), array_agg(r.code))
    from changed o cross join region r;
    return null;
end $$;

create function product_renamed() returns trigger language plpgsql as $$
begin
    perform refresh_listing_entries(array_agg(c.id), array_agg(r.code)) from changed c cross join region r;
    return null;
end $$;

create function product_region_written() returns trigger language plpgsql as $$
begin
    perform refresh_listing_entries(array_agg(c.product_id), array_agg(c.region_code)) from changed c;
    return null;
end $$;

create trigger listing_entry_price_inserted after insert on sku_price
    referencing new table as changed for each statement execute function sku_price_written();
create trigger listing_entry_price_updated after update on sku_price
    referencing new table as changed for each statement execute function sku_price_written();
create trigger listing_entry_price_deleted after delete on sku_price
    referencing old table as changed for each statement execute function sku_price_written();
create trigger listing_entry_sku_deleted after delete on sku
    referencing old table as changed for each statement execute function sku_deleted();
create trigger listing_entry_product_updated after update on product
    referencing new table as changed for each statement execute function product_renamed();
create trigger listing_entry_window_inserted after insert on product_region
    referencing new table as changed for each statement execute function product_region_written();
create trigger listing_entry_window_updated after update on product_region
    referencing new table as changed for each statement execute function product_region_written();
create trigger listing_entry_window_deleted after delete on product_region
    referencing old table as changed for each statement execute function product_region_written();

insert into listing_entry (region_code, product_id, slug, min_price, max_price, launch)
select sp.region_code, s.product_id, min(p.slug), min(sp.amount_minor), max(sp.amount_minor),
       coalesce(min(pr.available_from), min(p.created_at))
from sku s
join sku_price sp on sp.sku_id = s.id
join product p on p.id = s.product_id
left join product_region pr on pr.product_id = s.product_id and pr.region_code = sp.region_code
group by sp.region_code, s.product_id;
