-- Carts, orders and payments. An order is a snapshot: names, SKUs, prices and
-- tax are copied at checkout so that later catalog changes never alter it.

-- What a region charges on top of (or includes in) its prices.
alter table region
    add column tax_rate_bps   int    not null default 0 check (tax_rate_bps between 0 and 10000),
    add column shipping_minor bigint not null default 0 check (shipping_minor >= 0);

-- A country's (or one of its states') own tax rate, where it differs from its
-- region's default: VAT per EU country, sales tax per US state.
create table tax_rate (
    country     char(2) not null references region_country (country),
    subdivision text    not null default '' check (subdivision ~ '^([A-Z0-9]{1,3})?$'),
    rate_bps    int     not null check (rate_bps between 0 and 10000),
    primary key (country, subdivision)
);
create trigger tax_rate_changed after insert or update or delete or truncate on tax_rate
    for each statement execute function notify_catalog_changed();

create table cart (
    id          uuid        primary key,
    region_code varchar(8)  not null references region (code),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table cart_line (
    cart_id  uuid        not null references cart (id) on delete cascade,
    sku_code text        not null,
    quantity int         not null check (quantity between 1 and 10),
    added_at timestamptz not null default now(),
    primary key (cart_id, sku_code)
);

create sequence order_number_seq;

create table customer_order (
    id                uuid        primary key,
    number            text        not null unique,
    access_token_hash bytea       not null,
    cart_id           uuid        not null unique references cart (id),
    region_code       varchar(8)  not null references region (code),
    currency          char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    customer_id       text        check (length(customer_id) between 1 and 200),
    email             text        not null check (length(email) between 3 and 254),
    shipping_address  jsonb       not null check (jsonb_typeof(shipping_address) = 'object'),
    shipping_country  char(2)     not null,
    status            text        not null check (status in ('PENDING_PAYMENT', 'PAID', 'PARTIALLY_REFUNDED',
                                                             'REFUNDED', 'CANCELLED')),
    tax_mode          text        not null check (tax_mode in ('INCLUSIVE', 'EXCLUSIVE')),
    tax_rate_bps      int         not null check (tax_rate_bps between 0 and 10000),
    subtotal_minor    bigint      not null check (subtotal_minor >= 0),
    shipping_minor    bigint      not null check (shipping_minor >= 0),
    tax_minor         bigint      not null check (tax_minor >= 0),
    total_minor       bigint      not null check (total_minor >= 0),
    refunded_minor    bigint      not null default 0,
    payment_provider  text        not null check (payment_provider in ('stripe', 'manual')),
    payment_intent_id text        unique,
    payment_error     text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    paid_at           timestamptz,
    check (refunded_minor between 0 and total_minor),
    check ((status in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')) = (paid_at is not null)),
    check ((status = 'REFUNDED') = (refunded_minor = total_minor and paid_at is not null)),
    check ((status = 'PARTIALLY_REFUNDED') = (refunded_minor > 0 and refunded_minor < total_minor))
);
create index customer_order_customer_idx on customer_order (customer_id, created_at desc, id desc)
    where customer_id is not null;

create table order_line (
    order_id         uuid   not null references customer_order (id) on delete cascade,
    line_no          int    not null check (line_no >= 1),
    sku_code         text   not null,
    product_slug     text   not null,
    name             text   not null,
    options          jsonb  not null default '{}'::jsonb,
    unit_price_minor bigint not null check (unit_price_minor >= 0),
    quantity         int    not null check (quantity between 1 and 10),
    line_total_minor bigint not null check (line_total_minor = unit_price_minor * quantity),
    primary key (order_id, line_no)
);

-- An Idempotency-Key and what it did: the request's fingerprint, the resource
-- it created and, once finished, the response to replay. locked_until marks a
-- request in flight, so that a concurrent one with the same key waits its turn.
create table idempotency_key (
    scope           text        not null,
    key             text        not null check (length(key) between 1 and 255),
    fingerprint     bytea       not null,
    resource_id     uuid,
    response_status int,
    response_body   text,
    locked_until    timestamptz,
    created_at      timestamptz not null default now(),
    primary key (scope, key),
    check ((response_status is null) = (response_body is null))
);
create index idempotency_key_created_idx on idempotency_key (created_at);

-- Every payment provider event received, once: the primary key on the
-- provider's event id is what makes a redelivered webhook a no-op.
create table payment_event (
    id                text        primary key,
    type              text        not null,
    order_id          uuid        references customer_order (id),
    payment_intent_id text,
    outcome           text        not null,
    detail            text,
    received_at       timestamptz not null default now(),
    payload           jsonb       not null
);
create index payment_event_order_idx on payment_event (order_id, received_at);

-- Refunds asked of the provider. The amount is reserved here first, so two
-- refunds can never ask for more than was paid; the order's refunded amount
-- follows the provider's word (charge.refunded), not this table.
create table refund (
    id                 uuid        primary key,
    order_id           uuid        not null references customer_order (id),
    amount_minor       bigint      not null check (amount_minor > 0),
    provider_refund_id text        unique,
    actor              text        not null,
    reason             text        not null check (length(btrim(reason)) between 1 and 500),
    created_at         timestamptz not null default now()
);
create index refund_order_idx on refund (order_id);
