-- The queues staff work from: a location's fulfilments by status, a store's
-- pickups, oldest first.
create index fulfilment_queue_idx on fulfilment (status, created_at, id);
create index customer_order_pickup_store_idx on customer_order ((pickup_store ->> 'id'))
    where pickup_store is not null;
