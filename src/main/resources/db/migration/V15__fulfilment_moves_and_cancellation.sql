-- ---------------------------------------------------------------------------
-- Store staff act on their stores' pickups, and their actions are audited
-- like ops'. A refund the API owes by itself (an order paid after it expired,
-- a cancelled order) is sent again by the sweeper until the provider takes it;
-- a refund ops ask for is retried by ops, with the same Idempotency-Key.
-- ---------------------------------------------------------------------------
alter table audit_entry drop constraint audit_entry_role_check;
alter table audit_entry add constraint audit_entry_role_check check (role in ('ops', 'ops-admin', 'store'));

alter table refund add column automatic boolean not null default false;
update refund set automatic = true where actor = 'system';
create index refund_due_idx on refund (created_at) where provider_refund_id is null and automatic;

alter table customer_order
    add constraint customer_order_cancel_check check ((cancelled_at is null) = (cancelled_by is null));
