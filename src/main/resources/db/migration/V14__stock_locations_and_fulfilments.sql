-- Stock lives in locations: each region's warehouses and the stores that hold
-- stock. A paid order is allocated to locations and leaves them through
-- fulfilments (parcels, or a pickup at a store).

-- ---------------------------------------------------------------------------
-- Locations. Every region has a main warehouse (created with the region), where
-- the region-wide stock endpoints count; others are added by ops.
-- ---------------------------------------------------------------------------
create table stock_location (
    id          text             primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    region_code varchar(8)       not null references region (code) on delete cascade,
    kind        text             not null check (kind in ('WAREHOUSE', 'STORE')),
    store_id    text             unique references store (id),
    name        text             not null check (length(name) between 1 and 200),
    -- Where it is, for "nearest": country (and state) of the destination first,
    -- then the distance to a pickup store. Null: the region at large.
    country     char(2)          check (country ~ '^[A-Z]{2}$'),
    state       text             check (state ~ '^[A-Z0-9]{1,3}$'),
    latitude    double precision check (latitude between -90 and 90),
    longitude   double precision check (longitude between -180 and 180),
    main        boolean          not null default false,
    created_at  timestamptz      not null default now(),
    check ((kind = 'STORE') = (store_id is not null)),
    check ((latitude is null) = (longitude is null)),
    check (not main or kind = 'WAREHOUSE')
);
create unique index stock_location_main_idx on stock_location (region_code) where main;
create index stock_location_region_idx on stock_location (region_code, id);

create function create_main_warehouse() returns trigger language plpgsql as $$
begin
    insert into stock_location (id, region_code, kind, name, main)
    values ('wh-' || lower(new.code), new.code, 'WAREHOUSE', new.name || ' main warehouse', true)
    on conflict do nothing;
    return null;
end $$;
create trigger region_main_warehouse after insert on region
    for each row execute function create_main_warehouse();
insert into stock_location (id, region_code, kind, name, main)
select 'wh-' || lower(code), code, 'WAREHOUSE', name || ' main warehouse', true from region;

-- ---------------------------------------------------------------------------
-- Units per location: on_hand is what is on its shelves, allocated what of it
-- paid orders wait for (it leaves when shipped or collected). The region's
-- stock row stays what checkout and the catalog read: its on_hand is the sum
-- of (on_hand - allocated) over the region's locations, kept by the trigger
-- below whatever writes here, so both move in one statement.
-- ---------------------------------------------------------------------------
create table location_stock (
    location_id text        not null references stock_location (id) on delete cascade,
    sku_code    text        not null references sku (code) on delete cascade,
    on_hand     int         not null check (on_hand >= 0),
    allocated   int         not null default 0 check (allocated >= 0),
    updated_at  timestamptz not null default now(),
    primary key (location_id, sku_code),
    constraint location_stock_allocated_within_on_hand check (allocated <= on_hand)
);
create index location_stock_sku_idx on location_stock (sku_code, location_id);

-- What the region held so far is at its main warehouse.
insert into location_stock (location_id, sku_code, on_hand)
select 'wh-' || lower(s.region_code), s.sku_code, s.on_hand from stock s;

create function location_stock_to_region() returns trigger language plpgsql as $$
declare
    delta  int;
    sku    text;
    loc    text;
    region varchar(8);
begin
    if tg_op = 'INSERT' then
        delta := new.on_hand - new.allocated; sku := new.sku_code; loc := new.location_id;
    elsif tg_op = 'DELETE' then
        delta := old.allocated - old.on_hand; sku := old.sku_code; loc := old.location_id;
    else
        delta := (new.on_hand - new.allocated) - (old.on_hand - old.allocated); sku := new.sku_code;
        loc := new.location_id;
    end if;
    if delta = 0 and tg_op <> 'INSERT' then
        return null;
    end if;
    select region_code into region from stock_location where id = loc;
    update stock set on_hand = on_hand + delta, updated_at = now()
    where sku_code = sku and region_code = region;
    if not found and tg_op = 'INSERT' then
        insert into stock (sku_code, region_code, on_hand) values (sku, region, delta);
    end if;
    return null;
end $$;
create trigger location_stock_sums after insert or update or delete on location_stock
    for each row execute function location_stock_to_region();

-- ---------------------------------------------------------------------------
-- Fulfilments: what leaves one location for one order. A shipment goes
-- ALLOCATED -> PACKED -> SHIPPED -> DELIVERED; a pickup ALLOCATED -> PACKED ->
-- READY_FOR_PICKUP -> COLLECTED. Either may be CANCELLED before it leaves.
-- ---------------------------------------------------------------------------
alter table customer_order
    add column allocated_at timestamptz,
    add column cancelled_at timestamptz,
    add column cancelled_by text,
    add column cancel_reason text;

create table fulfilment (
    id              uuid        primary key,
    order_id        uuid        not null references customer_order (id),
    number          int         not null check (number > 0),
    location_id     text        not null references stock_location (id),
    kind            text        not null check (kind in ('SHIPMENT', 'PICKUP')),
    status          text        not null check (status in ('ALLOCATED', 'PACKED', 'SHIPPED', 'DELIVERED',
                                                           'READY_FOR_PICKUP', 'COLLECTED', 'CANCELLED')),
    carrier         text        check (length(carrier) between 1 and 100),
    tracking_number text        check (length(tracking_number) between 1 and 100),
    tracking_url    text        check (tracking_url ~ '^https://'),
    created_at      timestamptz not null default now(),
    packed_at       timestamptz,
    shipped_at      timestamptz,
    delivered_at    timestamptz,
    ready_at        timestamptz,
    collected_at    timestamptz,
    cancelled_at    timestamptz,
    version         int         not null default 0,
    unique (order_id, number),
    check (kind = 'PICKUP' or status not in ('READY_FOR_PICKUP', 'COLLECTED')),
    check (kind = 'SHIPMENT' or status not in ('SHIPPED', 'DELIVERED')),
    check (status not in ('SHIPPED', 'DELIVERED') or (carrier is not null and tracking_number is not null))
);
create index fulfilment_order_idx on fulfilment (order_id, number);
create index fulfilment_location_idx on fulfilment (location_id, status);

create table fulfilment_line (
    fulfilment_id uuid not null references fulfilment (id) on delete cascade,
    sku_code      text not null,
    quantity      int  not null check (quantity > 0),
    primary key (fulfilment_id, sku_code)
);
