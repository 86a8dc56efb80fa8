-- Each product's name as the name order sorts it, in every language each region answers in (the text of that
-- language, else of the region's default one, else English, else the first; else the slug: as the listing shows
-- it), kept by triggers in the writing transaction, so that the name order walks an index and stops at the page.
create table listing_name (
    region_code text          not null references region (code) on delete cascade,
    locale      text          not null,
    product_id  bigint        not null references product (id) on delete cascade,
    slug        text collate "C" not null,
    sort_name   text          not null,
    primary key (region_code, locale, product_id)
);
create index listing_name_in_order on listing_name (region_code, locale, sort_name, slug);
create index listing_name_of_product on listing_name (product_id);

-- Recomputes the names of these products in these regions.
create function refresh_listing_names(products bigint[], regions text[]) returns void language sql as $$
    delete from listing_name n using (select distinct unnest(products)) as w(id)
    where n.product_id = w.id and n.region_code = any(regions);
    insert into listing_name (region_code, locale, product_id, slug, sort_name)
    select r.code, l.locale, p.id, p.slug,
           lower(coalesce((select pt.name from product_text pt where pt.product_id = p.id
                           order by pt.locale = l.locale desc, pt.locale = r.default_locale desc,
                                    pt.locale = 'en' desc, pt.locale
                           limit 1), p.slug))
    from (select distinct unnest(products)) as w(id)
    join product p on p.id = w.id
    join region r on r.code = any(regions)
    cross join unnest(r.supported_locales) as l(locale);
$$;

create function product_names_written() returns trigger language plpgsql as $$
begin
    perform refresh_listing_names(array_agg(c.product_id), array(select code from region)) from changed c;
    return null;
end $$;

create function product_inserted() returns trigger language plpgsql as $$
begin
    perform refresh_listing_names(array_agg(c.id), array(select code from region)) from changed c;
    return null;
end $$;

-- A product's entries and names change only with its slug (a product without texts is named by it): writing its
-- media, specifications or retirement recomputes neither, where the entries' first trigger recomputed every
-- updated product's.
drop trigger listing_entry_product_updated on product;
drop function product_renamed();
create function product_slug_changed() returns trigger language plpgsql as $$
begin
    perform refresh_listing_entries(array_agg(new.id), array_agg(r.code)) from region r;
    perform refresh_listing_names(array[new.id], array(select code from region));
    return null;
end $$;

create function region_languages_written() returns trigger language plpgsql as $$
begin
    perform refresh_listing_names(array(select id from product), array[new.code::text]);
    return null;
end $$;

create trigger listing_name_text_inserted after insert on product_text
    referencing new table as changed for each statement execute function product_names_written();
create trigger listing_name_text_updated after update on product_text
    referencing new table as changed for each statement execute function product_names_written();
create trigger listing_name_text_deleted after delete on product_text
    referencing old table as changed for each statement execute function product_names_written();
create trigger listing_name_product_inserted after insert on product
    referencing new table as changed for each statement execute function product_inserted();
create trigger listing_product_slug_changed after update of slug on product
    for each row when (old.slug is distinct from new.slug) execute function product_slug_changed();
-- A region's languages rarely change; opening or closing it (also an update) leaves its names alone.
create trigger listing_name_region_inserted after insert on region
    for each row execute function region_languages_written();
create trigger listing_name_region_languages_updated after update on region
    for each row when (old.supported_locales is distinct from new.supported_locales
                       or old.default_locale is distinct from new.default_locale)
    execute function region_languages_written();

select refresh_listing_names(array(select id from product), array(select code from region));
