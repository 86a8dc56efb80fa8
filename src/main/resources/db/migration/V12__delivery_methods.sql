-- How a region ships: the methods ops maintain (standard, express, ...), each
-- with its price in the region's currency, an optional amount above which it
-- is free, the days it takes, and the countries (and within them the states
-- or provinces) it serves; none listed means every country of the region.
-- Checkout offers the active ones that serve the shipping address and prices
-- the one chosen into the order's totals, taxed as the goods are.
create table delivery_method (
    region_code      varchar(8) not null references region (code),
    code             text       not null check (code ~ '^[A-Z][A-Z0-9_]{0,31}$'),
    name             text       not null check (length(name) between 1 and 100),
    price_minor      bigint     not null check (price_minor >= 0),
    free_above_minor bigint     check (free_above_minor >= 0),
    min_days         int        not null check (min_days between 0 and 365),
    max_days         int        not null check (max_days between min_days and 365),
    -- ISO 3166-1 alpha-2 codes; empty: every country of the region.
    countries        jsonb      not null default '[]' check (jsonb_typeof(countries) = 'array'),
    -- ISO 3166-2 codes such as 'US-CA'; empty: every state of the countries served.
    states           jsonb      not null default '[]' check (jsonb_typeof(states) = 'array'),
    active           boolean    not null default true,
    position         int        not null default 0 check (position between 0 and 1000),
    version          int        not null default 0,
    primary key (region_code, code)
);

-- The flat fee every region had becomes its standard method.
insert into delivery_method (region_code, code, name, price_minor, min_days, max_days)
select code, 'STANDARD', 'Standard delivery', shipping_minor, 3, 7 from region;

-- Checkout and the region directory read methods with the regions: a change drops their cached answers.
create trigger delivery_method_changed after insert or update or delete or truncate on delivery_method
    for each statement execute function notify_catalog_changed();

-- An order keeps the method it was priced with (orders from before this have none).
alter table customer_order
    add column delivery_method   text,
    add column delivery_name     text,
    add column delivery_min_days int,
    add column delivery_max_days int;
