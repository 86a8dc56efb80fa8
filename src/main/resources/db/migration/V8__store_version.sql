-- A store is a Hibernate Reactive entity: its version is the optimistic lock
-- (a replace carries it in If-Match as the ETag); the CSV import bumps it too.
alter table store add column version bigint not null default 0;
