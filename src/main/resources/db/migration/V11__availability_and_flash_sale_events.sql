-- What shoppers of each region were last told of each product: available, or
-- not with its reasons. A change that may move a product's availability (a
-- toggle, a price, a certification, a sales window reaching its instant)
-- decides again in its transaction, compares with this row and emits
-- storefront.product.available or .unavailable when the answer flipped; the
-- row is what the next decision is compared with.
create table product_availability (
    region_code  varchar(8)         not null references region (code),
    product_slug text collate "C"   not null references product (slug) on delete cascade,
    -- The policy's reasons (code, message, certifications); empty when available.
    reasons      jsonb              not null check (jsonb_typeof(reasons) = 'array'),
    decided_at   timestamptz        not null,
    primary key (region_code, product_slug)
);

-- Per region, the instant its products were last decided at. A decider takes
-- this row first (deciders of one region take turns) and decides at the later
-- of its clock and this instant, so a region's decisions never go back in time,
-- whatever the replicas' clocks say.
create table availability_region (
    region_code varchar(8)  primary key references region (code),
    decided_at  timestamptz not null
);

-- Up to when the sales windows' instants have been decided: the clock job
-- takes this row (skipping it when another replica has it), decides the
-- products whose window opened or closed since, and moves it on.
create table availability_clock (
    id              boolean     primary key default true check (id),
    decided_until   timestamptz not null
);
insert into availability_clock (decided_until) values (now());

-- The clock job asks which windows opened or closed in an interval.
create index product_region_from_idx on product_region (available_from) where available_from is not null;
create index product_region_until_idx on product_region (available_until) where available_until is not null;

-- The last state of a flash sale announced to subscribers: LIVE, SOLD_OUT or
-- ENDED (null: not started, or started before events existed and not yet
-- announced). The announcing job moves it with the event, once per change of
-- state whichever replica gets there first.
alter table flash_sale
    add column announced text check (announced in ('LIVE', 'SOLD_OUT', 'ENDED'));
-- Sales that ended before this release are not announced as ending now.
update flash_sale set announced = 'ENDED' where ends_at <= now() or settled_at is not null;
create index flash_sale_unannounced_end_idx on flash_sale (starts_at) where announced is distinct from 'ENDED';
