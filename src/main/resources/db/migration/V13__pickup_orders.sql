-- An order picked up at an official store instead of shipped: the store as it
-- was at checkout (what the shopper is shown: address, hours, phone) and the
-- code the shopper gives at handover.
alter table customer_order
    add column pickup_store jsonb check (pickup_store is null or jsonb_typeof(pickup_store) = 'object'),
    add column pickup_code  text check (pickup_code ~ '^[A-Z0-9]{8}$'),
    add constraint customer_order_pickup_check check ((pickup_store is null) = (pickup_code is null));
