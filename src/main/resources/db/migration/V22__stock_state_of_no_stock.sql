-- A SKU without a stock row in a region has no stock there. stock_state() of
-- the missing row's nulls answered IN_STOCK (no comparison held, so the last
-- branch did), which a listing showed for a priced SKU nobody had counted.
-- Strict, it answers null for them, and every caller's coalesce says
-- OUT_OF_STOCK, as the detail always did.
create or replace function stock_state(on_hand int, reserved int, low_threshold int) returns text
    language sql immutable strict as $$
    select case when on_hand - reserved <= 0 then 'OUT_OF_STOCK'
                when on_hand - reserved <= low_threshold then 'LOW_STOCK'
                else 'IN_STOCK' end
$$;
