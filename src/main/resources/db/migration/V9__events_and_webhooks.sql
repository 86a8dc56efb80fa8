-- Events other systems hear of, and their delivery to webhook subscriptions.
--
-- An event row is written in the transaction of the change it tells of (the
-- transactional outbox), and in the same statement one delivery row for every
-- subscription that wants it: no change without its event, no event without
-- its change, and no gap between a commit and the dispatcher's view of it.

create table outbox_event (
    seq     bigint generated always as identity primary key,
    id      uuid        not null unique,
    type    text        not null check (type ~ '^storefront(\.[a-z_]+)+$'),
    subject text        not null check (length(subject) between 1 and 300),
    region  varchar(8),
    time    timestamptz not null,
    data    jsonb       not null
);
create index outbox_event_time_idx on outbox_event (time, seq);

create table webhook_subscription (
    id                    uuid        primary key,
    url                   text        not null check (length(url) between 1 and 2000),
    -- Empty: every type, every region.
    event_types           jsonb       not null default '[]' check (jsonb_typeof(event_types) = 'array'),
    regions               jsonb       not null default '[]' check (jsonb_typeof(regions) = 'array'),
    description           text        not null default '' check (length(description) <= 500),
    active                boolean     not null default true,
    -- The signing secret (whsec_...); the previous one signs too until previous_until.
    secret                text        not null,
    previous_secret       text,
    previous_until        timestamptz,
    created_at            timestamptz not null,
    version               bigint      not null default 0
);

-- One row per event and subscription that wants it. next_attempt_at is also the
-- lease: a dispatcher that takes a delivery moves it past the longest attempt,
-- so a dispatcher that dies mid-delivery leaves it due again, not lost.
create table webhook_delivery (
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    event_seq       bigint      not null references outbox_event (seq) on delete cascade,
    subject         text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    first_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_status     int,
    last_error      text        check (length(last_error) <= 500),
    last_latency_ms int,
    delivered_at    timestamptz,
    primary key (subscription_id, event_seq)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
-- What holds an event back: an earlier one of the same subject still pending.
create index webhook_delivery_subject_idx on webhook_delivery (subscription_id, subject, event_seq)
    where status = 'PENDING';
create index webhook_delivery_event_idx on webhook_delivery (event_seq);
