-- Whether a subscription takes an event: its types and regions, empty meaning all;
-- an event of no one region reaches every subscription. Emitting and replaying ask it alike.
create function subscription_takes(p_types jsonb, p_regions jsonb, p_type text, p_region text) returns boolean
    language sql immutable parallel safe as $$
    select (jsonb_array_length(p_types) = 0 or p_types @> jsonb_build_array(p_type))
       and (jsonb_array_length(p_regions) = 0 or p_region is null or p_regions @> jsonb_build_array(p_region));
$$;

-- One way to emit an event, for Java and for triggers alike: the outbox row and,
-- in the same statement, a delivery per subscription whose event types and
-- regions take it. Answers how many deliveries it queued, and tells listening
-- dispatchers there is work.
create function emit_event(p_id uuid, p_type text, p_subject text, p_region text, p_time timestamptz,
                           p_data jsonb) returns integer
    -- Its tables are this schema's whatever the caller's search path (a trigger runs in anyone's session).
    language plpgsql set search_path from current as $$
declare
    v_queued integer;
begin
    with event as (
        insert into outbox_event (id, type, subject, region, time, data)
        values (p_id, p_type, p_subject, p_region, p_time, p_data)
        returning seq),
    queued as (
        insert into webhook_delivery (subscription_id, event_seq, subject, next_attempt_at)
        select s.id, event.seq, p_subject, p_time from webhook_subscription s, event
        where subscription_takes(s.event_types, s.regions, p_type, p_region)
        returning 1)
    select count(*)::int into v_queued from queued;
    -- Dispatchers wake at commit instead of at their next poll (one notice per transaction and schema).
    if v_queued > 0 then
        perform pg_notify('storefront_events', current_schema());
    end if;
    return v_queued;
end;
$$;

-- Stock runs low or out: whatever moved it (a checkout, a sale, a count, a flash
-- sale setting units aside), the statement that did it emits the event, in its
-- transaction. A SKU's stock in a region is one subject, so its events keep
-- their order.
create function stock_state_event() returns trigger
    language plpgsql set search_path from current as $$
declare
    v_state text := stock_state(new.on_hand, new.reserved, new.low_threshold);
begin
    if v_state in ('LOW_STOCK', 'OUT_OF_STOCK')
       and (tg_op = 'INSERT' or v_state is distinct from stock_state(old.on_hand, old.reserved, old.low_threshold))
    then
        perform emit_event(gen_random_uuid(),
                           case v_state when 'LOW_STOCK' then 'storefront.stock.low' else 'storefront.stock.out' end,
                           'stock/' || new.region_code || '/' || new.sku_code, new.region_code, now(),
                           jsonb_build_object('sku', new.sku_code, 'region', new.region_code, 'state', v_state,
                                              'available', greatest(new.on_hand - new.reserved, 0),
                                              'lowStockThreshold', new.low_threshold));
    end if;
    return null;
end;
$$;

create trigger stock_state_event after insert or update of on_hand, reserved, low_threshold on stock
    for each row execute function stock_state_event();
