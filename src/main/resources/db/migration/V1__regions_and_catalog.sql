-- Regions, the regional catalog and its availability policy.
-- Every rule the API relies on is also a constraint here, so that no writer,
-- present or future, can store what the API would refuse.

create table region (
    code              varchar(8)  primary key check (code ~ '^[A-Z]{2,8}$'),
    name              text        not null check (length(name) between 1 and 200),
    currency          char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    default_locale    text        not null,
    supported_locales text[]      not null check (cardinality(supported_locales) > 0),
    tax_mode          text        not null check (tax_mode in ('INCLUSIVE', 'EXCLUSIVE')),
    open              boolean     not null default true,
    closed_reason     text,
    version           bigint      not null default 0,
    unique (code, currency),
    check (default_locale = any (supported_locales)),
    check (open or closed_reason is not null)
);

-- An ISO 3166-1 alpha-2 country is served by at most one region.
create table region_country (
    country     char(2)    primary key check (country ~ '^[A-Z]{2}$'),
    region_code varchar(8) not null references region (code)
);
create index region_country_region_idx on region_country (region_code);

create table category (
    code text primary key check (code ~ '^[A-Z][A-Z_]{1,31}$'),
    name text not null
);

create table certification (
    code text primary key check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    name text not null
);

-- A category is sold in a region only when a row says so.
create table region_category (
    region_code   varchar(8) not null references region (code),
    category_code text       not null references category (code),
    primary key (region_code, category_code)
);

-- What a product of a category must hold to be sold in a region.
create table region_certification_requirement (
    region_code        varchar(8) not null references region (code),
    category_code      text       not null references category (code),
    certification_code text       not null references certification (code),
    primary key (region_code, category_code, certification_code)
);

create table product (
    id            bigint generated always as identity primary key,
    slug          text collate "C" not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
    category_code text        not null references category (code),
    created_at    timestamptz not null default now(),
    version       bigint      not null default 0
);
create index product_category_idx on product (category_code);

create table product_certification (
    product_id         bigint not null references product (id) on delete cascade,
    certification_code text   not null references certification (code),
    primary key (product_id, certification_code)
);

-- The text search configuration that fits a locale's language.
create function text_search_config(locale text) returns regconfig
    language sql immutable parallel safe as $$
    select case split_part(locale, '-', 1)
               when 'en' then 'english'::regconfig
               when 'de' then 'german'::regconfig
               when 'fr' then 'french'::regconfig
               when 'it' then 'italian'::regconfig
               when 'es' then 'spanish'::regconfig
               when 'nl' then 'dutch'::regconfig
               else 'simple'::regconfig
           end
$$;

-- Localized name and description, searchable in the locale's language.
create table product_text (
    product_id  bigint not null references product (id) on delete cascade,
    locale      text   not null check (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    name        text   not null check (length(name) between 1 and 200),
    description text   not null default '',
    search      tsvector generated always as (to_tsvector(text_search_config(locale), name || ' ' || description)) stored,
    primary key (product_id, locale)
);
create index product_text_search_idx on product_text using gin (search);

create table sku (
    id         bigint generated always as identity primary key,
    code       text   not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{0,63}$'),
    product_id bigint not null references product (id) on delete cascade,
    options    jsonb  not null default '{}'::jsonb check (jsonb_typeof(options) = 'object'),
    position   int    not null default 0
);
create index sku_product_idx on sku (product_id, position, code);

-- A price is in the currency of its region, in that currency's minor units.
create table sku_price (
    sku_id       bigint     not null references sku (id) on delete cascade,
    region_code  varchar(8) not null,
    currency     char(3)    not null,
    amount_minor bigint     not null check (amount_minor >= 0),
    primary key (sku_id, region_code),
    foreign key (region_code, currency) references region (code, currency) on update cascade
);
create index sku_price_region_idx on sku_price (region_code, sku_id);

-- Per product and region: the listing switch and an optional launch window.
-- No row means listed, with no window.
create table product_region (
    product_id      bigint      not null references product (id) on delete cascade,
    region_code     varchar(8)  not null references region (code),
    listed          boolean     not null default true,
    delisted_reason text,
    available_from  timestamptz,
    available_until timestamptz,
    primary key (product_id, region_code),
    check (listed or delisted_reason is not null),
    check (available_from is null or available_until is null or available_from < available_until)
);
create index product_region_region_idx on product_region (region_code);

-- Every change to the catalog is announced on one channel, after commit, to
-- every replica that listens: they drop their cached answers on receipt.
create function notify_catalog_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('storefront_catalog_changed', tg_table_schema);
    return null;
end
$$;

do $$
declare t text;
begin
    foreach t in array array['region', 'region_country', 'category', 'certification', 'region_category',
                             'region_certification_requirement', 'product', 'product_certification',
                             'product_text', 'sku', 'sku_price', 'product_region']
    loop
        execute format('create trigger %I after insert or update or delete or truncate on %I
                        for each statement execute function notify_catalog_changed()',
                       t || '_changed', t);
    end loop;
end
$$;
