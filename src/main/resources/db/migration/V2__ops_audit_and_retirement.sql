-- Ops: products can be retired (kept for history, sold nowhere), and every ops
-- change leaves an audit record written in the same transaction as the change.

alter table product
    add column retired_at     timestamptz,
    add column retired_reason text,
    add constraint product_retired_has_reason check ((retired_at is null) = (retired_reason is null));

create table audit_entry (
    id         bigint generated always as identity primary key,
    at         timestamptz not null default now(),
    actor      text        not null check (length(actor) between 1 and 200),
    role       text        not null check (role in ('ops', 'ops-admin')),
    action     text        not null,
    region     varchar(8)  references region (code),
    target     text        not null,
    before     jsonb,
    after      jsonb,
    reason     text        not null check (length(btrim(reason)) between 1 and 500),
    change_set uuid
);
create index audit_entry_at_idx on audit_entry (at desc, id desc);
create index audit_entry_region_idx on audit_entry (region, at desc, id desc);
create index audit_entry_actor_idx on audit_entry (actor, at desc, id desc);

-- The trail is append-only: no writer, present or future, edits or removes history.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
