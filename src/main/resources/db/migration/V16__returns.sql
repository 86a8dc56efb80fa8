-- ---------------------------------------------------------------------------
-- Returns. A shopper asks to return delivered (or collected) units within the
-- region's return window, counted from the order's last delivery; staff
-- receive the parcel at a stock location, inspect it and refund (each unit put
-- back in stock at that location or written off), or refuse it with a reason.
-- REQUESTED -> RECEIVED -> REFUNDED, or REQUESTED/RECEIVED -> REFUSED.
-- ---------------------------------------------------------------------------
alter table region add column return_days int not null default 30 check (return_days between 0 and 365);

create table order_return (
    id             uuid        primary key,
    order_id       uuid        not null references customer_order (id),
    number         int         not null check (number > 0),
    status         text        not null check (status in ('REQUESTED', 'RECEIVED', 'REFUNDED', 'REFUSED')),
    reason         text        not null check (length(btrim(reason)) between 1 and 500),
    requested_at   timestamptz not null default now(),
    location_id    text        references stock_location (id),
    received_at    timestamptz,
    received_by    text,
    refund_id      uuid        references refund (id),
    refund_minor   bigint      check (refund_minor >= 0),
    decided_at     timestamptz,
    decided_by     text,
    refusal        text        check (length(btrim(refusal)) between 1 and 500),
    unique (order_id, number),
    check ((status in ('RECEIVED', 'REFUNDED')) <= (location_id is not null and received_at is not null)),
    check ((status = 'REFUNDED') = (refund_minor is not null)),
    check ((status = 'REFUSED') = (refusal is not null))
);
create index order_return_status_idx on order_return (status, requested_at);

create table order_return_line (
    return_id   uuid not null references order_return (id) on delete cascade,
    sku_code    text not null,
    quantity    int  not null check (quantity > 0),
    restocked   int  check (restocked >= 0),
    written_off int  check (written_off >= 0),
    primary key (return_id, sku_code),
    check ((restocked is null) = (written_off is null)),
    check (restocked is null or restocked + written_off = quantity)
);
