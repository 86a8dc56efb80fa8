-- Inventory: stock per SKU and region, reservations held by orders, and flash
-- sales with sharded unit pools and per-buyer limits.

-- ---------------------------------------------------------------------------
-- Stock. available = on_hand - reserved, and it never goes below zero: every
-- change is a conditional update, and these checks refuse whatever slips by.
-- ---------------------------------------------------------------------------
create table stock (
    sku_code      text        not null references sku (code) on delete cascade,
    region_code   varchar(8)  not null references region (code) on delete cascade,
    on_hand       int         not null check (on_hand >= 0),
    reserved      int         not null default 0 check (reserved >= 0),
    low_threshold int         not null default 5 check (low_threshold >= 0),
    updated_at    timestamptz not null default now(),
    primary key (sku_code, region_code),
    constraint stock_reserved_within_on_hand check (reserved <= on_hand)
);
create index stock_region_idx on stock (region_code, sku_code);

-- What shoppers see: a state, never a count.
create function stock_state(on_hand int, reserved int, low_threshold int) returns text
    language sql immutable as $$
    select case when on_hand - reserved <= 0 then 'OUT_OF_STOCK'
                when on_hand - reserved <= low_threshold then 'LOW_STOCK'
                else 'IN_STOCK' end
$$;

-- Cached catalog answers carry the state, so a change of state (not every
-- change of count) is announced like any other catalog change.
create trigger stock_rows_changed after insert or delete or truncate on stock
    for each statement execute function notify_catalog_changed();
create trigger stock_state_changed after update on stock
    for each row
    when (stock_state(old.on_hand, old.reserved, old.low_threshold)
          is distinct from stock_state(new.on_hand, new.reserved, new.low_threshold))
    execute function notify_catalog_changed();

-- ---------------------------------------------------------------------------
-- Orders hold their stock from checkout until they are paid (SOLD) or expire
-- or are cancelled (RELEASED). An order that expires becomes EXPIRED; if its
-- payment succeeds after that and the stock is gone, it is refunded.
-- ---------------------------------------------------------------------------
alter table customer_order
    drop constraint customer_order_status_check,
    drop constraint customer_order_check1,
    drop constraint customer_order_check3,
    add constraint customer_order_status_check check (status in ('PENDING_PAYMENT', 'PAID', 'PARTIALLY_REFUNDED',
                                                                  'REFUNDED', 'CANCELLED', 'EXPIRED')),
    add constraint customer_order_paid_at_check check (case
        when status in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED') then paid_at is not null
        when status in ('PENDING_PAYMENT', 'CANCELLED') then paid_at is null
        else true end),
    add constraint customer_order_refunded_check check (
        (status <> 'PAID' or refunded_minor = 0)
        and (status <> 'PARTIALLY_REFUNDED' or (refunded_minor > 0 and refunded_minor < total_minor))
        and (refunded_minor = 0 or paid_at is not null)),
    add column stock_status   text check (stock_status in ('RESERVED', 'SOLD', 'RELEASED')),
    add column reserved_until timestamptz,
    -- The PaymentIntent of an expired order still has to be cancelled at the provider.
    add column cancel_payment boolean not null default false,
    add constraint customer_order_reservation_check check ((stock_status = 'RESERVED') = (reserved_until is not null));
create index customer_order_reserved_until_idx on customer_order (reserved_until) where stock_status = 'RESERVED';
create index customer_order_cancel_payment_idx on customer_order (updated_at) where cancel_payment;
-- Carts nobody touched for long are swept (those that became orders stay).
create index cart_updated_idx on cart (updated_at);

-- ---------------------------------------------------------------------------
-- Flash sales. A sale sets its quantity aside from stock (reserved) when it is
-- created; what is left when it ends goes back. Units are spread over shards
-- so that concurrent claims lock different rows.
-- ---------------------------------------------------------------------------
create table flash_sale (
    id                 uuid        primary key,
    sku_code           text        not null,
    region_code        varchar(8)  not null,
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    price_minor        bigint      not null check (price_minor > 0),
    currency           char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    quantity           int         not null check (quantity between 1 and 1000000),
    per_customer_limit int         not null default 1 check (per_customer_limit between 1 and 10),
    shards             int         not null check (shards between 1 and 256),
    created_by         text        not null,
    created_at         timestamptz not null default now(),
    -- When the units left in the pool went back to stock (after the end).
    settled_at         timestamptz,
    foreign key (sku_code, region_code) references stock (sku_code, region_code),
    check (starts_at < ends_at)
);
create index flash_sale_region_idx on flash_sale (region_code, ends_at);
create index flash_sale_unsettled_idx on flash_sale (ends_at) where settled_at is null;

create table flash_sale_shard (
    sale_id   uuid not null references flash_sale (id) on delete cascade,
    shard     int  not null check (shard >= 0),
    remaining int  not null check (remaining >= 0),
    primary key (sale_id, shard)
);

-- Units held per buyer key: 'account:<customer id>' and 'address:<hash of the
-- normalized shipping address>'. Neither may pass the sale's limit.
create table flash_sale_buyer (
    sale_id   uuid not null references flash_sale (id) on delete cascade,
    buyer_key text not null,
    held      int  not null check (held >= 0),
    primary key (sale_id, buyer_key)
);

create table flash_claim (
    id              uuid        primary key,
    sale_id         uuid        not null references flash_sale (id) on delete cascade,
    customer_id     text        not null check (length(customer_id) between 1 and 200),
    address_key     text        not null,
    idempotency_key text        not null check (length(idempotency_key) between 1 and 255),
    shard           int         not null,
    -- GRANTED: holds a unit until expires_at; ORDERED: an order holds it;
    -- SOLD: paid; EXPIRED: never used; RELEASED: its order expired or was cancelled.
    status          text        not null check (status in ('GRANTED', 'ORDERED', 'SOLD', 'EXPIRED', 'RELEASED')),
    expires_at      timestamptz not null,
    order_id        uuid        references customer_order (id),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (customer_id, idempotency_key),
    check (status not in ('ORDERED', 'SOLD') or order_id is not null)
);
create index flash_claim_granted_idx on flash_claim (expires_at) where status = 'GRANTED';
create index flash_claim_order_idx on flash_claim (order_id) where order_id is not null;
create index flash_claim_sale_idx on flash_claim (sale_id, status);

-- One round trip per claim: the idempotent replay, the sale's window, both
-- buyer limits and a unit from a shard, all in the caller's statement.
-- Outcomes: GRANTED, REPLAYED, KEY_REUSED, NOT_FOUND, NOT_STARTED, ENDED,
-- LIMIT_REACHED_ACCOUNT, LIMIT_REACHED_ADDRESS, SOLD_OUT.
create function claim_flash_unit(p_sale uuid, p_claim uuid, p_customer text, p_address text, p_key text,
                                 p_start int, p_ttl interval)
    returns table (outcome text, claim_id uuid, claim_status text, claim_expires_at timestamptz)
    language plpgsql as $$
declare
    v_sale    flash_sale%rowtype;
    v_claim   flash_claim%rowtype;
    v_shard   int;
    v_left    int;
    v_attempt int := 0;
begin
    -- A claim is a short hold, not money: it does not wait for its WAL to reach
    -- disk. A crash can forget the last moments of claims, never half of one,
    -- so the pool and the claims still agree (and checkout refuses a forgotten token).
    perform set_config('synchronous_commit', 'off', true);
    select * into v_claim from flash_claim c where c.customer_id = p_customer and c.idempotency_key = p_key;
    if found then
        if v_claim.sale_id = p_sale and v_claim.address_key = p_address then
            return query select 'REPLAYED', v_claim.id, v_claim.status, v_claim.expires_at;
        else
            return query select 'KEY_REUSED', v_claim.id, v_claim.status, v_claim.expires_at;
        end if;
        return;
    end if;

    select * into v_sale from flash_sale s where s.id = p_sale;
    if not found then
        return query select 'NOT_FOUND', null::uuid, null::text, null::timestamptz;
        return;
    elsif now() < v_sale.starts_at then
        return query select 'NOT_STARTED', null::uuid, null::text, null::timestamptz;
        return;
    elsif now() >= v_sale.ends_at or v_sale.settled_at is not null then
        return query select 'ENDED', null::uuid, null::text, null::timestamptz;
        return;
    end if;

    insert into flash_sale_buyer as b (sale_id, buyer_key, held) values (p_sale, 'account:' || p_customer, 1)
    on conflict (sale_id, buyer_key) do update set held = b.held + 1 where b.held < v_sale.per_customer_limit;
    if not found then
        return query select 'LIMIT_REACHED_ACCOUNT', null::uuid, null::text, null::timestamptz;
        return;
    end if;
    insert into flash_sale_buyer as b (sale_id, buyer_key, held) values (p_sale, 'address:' || p_address, 1)
    on conflict (sale_id, buyer_key) do update set held = b.held + 1 where b.held < v_sale.per_customer_limit;
    if not found then
        update flash_sale_buyer set held = held - 1 where sale_id = p_sale and buyer_key = 'account:' || p_customer;
        return query select 'LIMIT_REACHED_ADDRESS', null::uuid, null::text, null::timestamptz;
        return;
    end if;

    -- A shard with units left, starting from the caller's pick and skipping
    -- shards other claims hold; when every shard with units is held, wait for one.
    loop
        v_attempt := v_attempt + 1;
        update flash_sale_shard f set remaining = f.remaining - 1
        where f.sale_id = p_sale and f.shard = (
            select s.shard from flash_sale_shard s
            where s.sale_id = p_sale and s.remaining > 0
            order by (s.shard - p_start + v_sale.shards) % v_sale.shards
            limit 1 for update skip locked)
        returning f.shard into v_shard;
        exit when v_shard is not null;
        select coalesce(sum(s.remaining), 0) into v_left from flash_sale_shard s where s.sale_id = p_sale;
        exit when v_left = 0 or v_attempt > 8;
        update flash_sale_shard f set remaining = f.remaining - 1
        where f.sale_id = p_sale and f.shard = (
            select s.shard from flash_sale_shard s
            where s.sale_id = p_sale and s.remaining > 0
            order by s.remaining desc
            limit 1 for update)
        returning f.shard into v_shard;
        exit when v_shard is not null;
    end loop;

    if v_shard is null then
        update flash_sale_buyer set held = held - 1
        where sale_id = p_sale and buyer_key in ('account:' || p_customer, 'address:' || p_address);
        return query select 'SOLD_OUT', null::uuid, null::text, null::timestamptz;
        return;
    end if;

    insert into flash_claim (id, sale_id, customer_id, address_key, idempotency_key, shard, status, expires_at)
    values (p_claim, p_sale, p_customer, p_address, p_key, v_shard, 'GRANTED', now() + p_ttl);
    return query select 'GRANTED', p_claim, 'GRANTED', now() + p_ttl;
end
$$;

-- Gives a claim's unit back: to its sale's pool while the sale has not been
-- settled, to the stock afterwards; and frees the buyer's limit. Only a
-- GRANTED or ORDERED claim is released; answers whether this one was.
create function release_flash_claim(p_claim uuid, p_status text) returns boolean
    language plpgsql as $$
declare
    v_claim flash_claim%rowtype;
    v_sale  flash_sale%rowtype;
begin
    update flash_claim c set status = p_status, updated_at = now()
    where c.id = p_claim and c.status in ('GRANTED', 'ORDERED')
    returning * into v_claim;
    if not found then
        return false;
    end if;
    -- The sale row lock orders this against settling the sale.
    select * into v_sale from flash_sale s where s.id = v_claim.sale_id for update;
    update flash_sale_buyer set held = held - 1
    where sale_id = v_claim.sale_id
      and buyer_key in ('account:' || v_claim.customer_id, 'address:' || v_claim.address_key);
    if v_sale.settled_at is null then
        update flash_sale_shard set remaining = remaining + 1
        where sale_id = v_claim.sale_id and shard = v_claim.shard;
    else
        update stock set reserved = reserved - 1, updated_at = now()
        where sku_code = v_sale.sku_code and region_code = v_sale.region_code;
    end if;
    return true;
end
$$;

-- After its end: the units left in the pool go back to stock, once.
create function settle_flash_sale(p_sale uuid) returns int
    language plpgsql as $$
declare
    v_sale flash_sale%rowtype;
    v_left int;
begin
    select * into v_sale from flash_sale s where s.id = p_sale for update;
    if v_sale.settled_at is not null or now() < v_sale.ends_at then
        return 0;
    end if;
    with held as (
        select shard, remaining from flash_sale_shard where sale_id = p_sale for update
    ), emptied as (
        update flash_sale_shard f set remaining = 0 from held
        where f.sale_id = p_sale and f.shard = held.shard
        returning held.remaining
    )
    select coalesce(sum(remaining), 0) into v_left from emptied;
    update stock set reserved = reserved - v_left, updated_at = now()
    where sku_code = v_sale.sku_code and region_code = v_sale.region_code;
    update flash_sale set settled_at = now() where id = p_sale;
    return v_left;
end
$$;
