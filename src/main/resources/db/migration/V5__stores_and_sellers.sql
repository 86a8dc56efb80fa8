-- Official stores (where to buy, repair, claim warranty, pick up) and the
-- registry of official and authorized online sellers.

-- ---------------------------------------------------------------------------
-- Geography. The cube contrib (trusted since PostgreSQL 13: a database owner
-- may install it) lives in schema public, where every schema of this database
-- finds it; the connection's search_path lists public after our schema. A
-- store's position is its point on the unit sphere, so the straight-line
-- (chord) distance between two positions grows with the distance along the
-- earth's surface: a GiST index on positions answers "nearest first" by
-- walking the index (KNN) instead of computing every distance.
-- ---------------------------------------------------------------------------
create extension if not exists cube with schema public;

create function geo_point(latitude double precision, longitude double precision) returns public.cube
    language sql immutable strict parallel safe as $$
    select public.cube(array[cosd($1) * cosd($2), cosd($1) * sind($2), sind($1)])
$$;

-- Mean earth radius in km (IUGG), and the conversions between a chord of the
-- unit sphere and a distance in km along the surface.
create function chord_to_km(chord double precision) returns double precision
    language sql immutable strict parallel safe as $$
    select 2 * 6371.0088 * asin(least(1.0, $1 / 2))
$$;
create function km_to_chord(km double precision) returns double precision
    language sql immutable strict parallel safe as $$
    select 2 * sin(least(pi() / 2, $1 / (2 * 6371.0088)))
$$;

-- Whether a store with these weekly hours, in this IANA time zone, is open at
-- an instant. Hours are [{"day": "MONDAY", "opens": "09:00", "closes": "21:00"}]
-- in the store's wall-clock time; closes at or before opens runs past midnight
-- into the next day ("22:00"-"02:00"; "00:00"-"00:00" is 24 hours).
create function store_open_at(hours jsonb, zone text, at timestamptz) returns boolean
    language sql stable strict parallel safe as $$
    select exists (
        select 1
        from (select $3 at time zone $2 as local) here,
             jsonb_array_elements($1) h,
             lateral (select (h ->> 'opens')::time as opens, (h ->> 'closes')::time as closes) t
        where (h ->> 'day' = to_char(here.local, 'FMDAY')
                   and here.local::time >= t.opens and (t.closes <= t.opens or here.local::time < t.closes))
           or (h ->> 'day' = to_char(here.local - interval '1 day', 'FMDAY')
                   and t.closes <= t.opens and here.local::time < t.closes))
$$;

create table store (
    id            text             primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name          text             not null check (length(name) between 1 and 200),
    kind          text             not null check (kind in ('FLAGSHIP', 'SERVICE_CENTER', 'AUTHORIZED_STORE')),
    services      text[]           not null check (cardinality(services) > 0
                                       and services <@ array['SALES', 'REPAIR', 'WARRANTY', 'PICKUP']),
    address_line1 text             not null,
    address_line2 text,
    city          text             not null,
    postal_code   text,
    state         text,
    country       char(2)          not null check (country ~ '^[A-Z]{2}$'),
    region_code   varchar(8)       not null references region (code),
    latitude      double precision not null check (latitude between -90 and 90),
    longitude     double precision not null check (longitude between -180 and 180),
    position      public.cube      generated always as (geo_point(latitude, longitude)) stored,
    time_zone     text             not null,
    hours         jsonb            not null default '[]' check (jsonb_typeof(hours) = 'array'),
    phone         text,
    status        text             not null default 'OPEN'
                                   check (status in ('OPEN', 'TEMPORARILY_CLOSED', 'CLOSED')),
    created_at    timestamptz      not null default now(),
    updated_at    timestamptz      not null default now()
);
-- Shoppers never see closed stores, so the distance index leaves them out.
create index store_position_idx on store using gist (position) where status <> 'CLOSED';
create index store_region_idx on store (region_code, id);

-- ---------------------------------------------------------------------------
-- Authorized sellers. A domain or a marketplace storefront belongs to one
-- seller at most. A domain entry covers its subdomains only when it says so:
-- a reseller on a shared host must not vouch for its neighbours.
-- ---------------------------------------------------------------------------
create table seller (
    id               text        primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name             text        not null check (length(name) between 1 and 200),
    kind             text        not null check (kind in ('OFFICIAL', 'AUTHORIZED')),
    regions          text[]      not null check (cardinality(regions) > 0),
    authorized_since timestamptz not null,
    authorized_until timestamptz check (authorized_until > authorized_since),
    status           text        not null default 'AUTHORIZED'
                                 check (status in ('AUTHORIZED', 'SUSPENDED', 'REVOKED')),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create table seller_domain (
    domain             text    primary key check (domain ~ '^[a-z0-9.-]+$' and domain = lower(domain)),
    seller_id          text    not null references seller (id) on delete cascade,
    include_subdomains boolean not null default false
);
create index seller_domain_seller_idx on seller_domain (seller_id);

create table seller_storefront (
    marketplace text not null check (marketplace ~ '^[a-z0-9.-]+$'),
    store_id    text not null check (length(store_id) between 1 and 100),
    seller_id   text not null references seller (id) on delete cascade,
    primary key (marketplace, store_id)
);
create index seller_storefront_seller_idx on seller_storefront (seller_id);
