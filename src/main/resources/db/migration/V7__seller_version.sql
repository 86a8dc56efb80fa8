-- A seller is a Hibernate Reactive entity: its version is the optimistic lock
-- (a replace carries it in If-Match as the ETag) and grows with every change
-- of the seller, its domains or its storefronts.
alter table seller add column version bigint not null default 0;
