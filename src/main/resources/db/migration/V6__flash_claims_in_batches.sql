-- Claims in batches. The app sends the claims of one sale that arrive while
-- its previous batch is being decided together, and claim_flash_units decides
-- them in one statement: per claim the checks and outcomes of
-- claim_flash_unit, but the sale is read once, each limit is one set-based
-- upsert, the units come from a shard (or a few) in one update each, the
-- claims are one insert, and one commit serves them all. claim_flash_unit
-- stays for the release before this one (a rolling update runs both); the
-- next release's migration drops it.

-- One more unit held by each of these buyer keys of the sale, where that stays
-- within the limit; answers the keys that took it. Rows are taken in key
-- order, so concurrent batches lock them alike and cannot deadlock here.
create function hold_flash_buyers(p_sale uuid, p_keys text[], p_limit int) returns text[]
    language sql as $$
    with held as (
        insert into flash_sale_buyer as b (sale_id, buyer_key, held)
        select p_sale, k, 1 from unnest(p_keys) k order by k
        on conflict (sale_id, buyer_key) do update set held = b.held + 1 where b.held < p_limit
        returning b.buyer_key)
    select coalesce(array_agg(buyer_key), '{}') from held
$$;

-- The arrays hold one claim per position (pos, 1-based). Outcomes: those of
-- claim_flash_unit, and RETRY: to be decided in a later batch, because this
-- batch holds an earlier claim of the same account or address, or because the
-- units left are in shards another transaction holds while this one holds
-- others (waiting then could deadlock).
create function claim_flash_units(p_sale uuid, p_claims uuid[], p_customers text[], p_addresses text[],
                                  p_keys text[], p_start int, p_ttl interval)
    returns table (pos int, outcome text, claim_id uuid, claim_status text, claim_expires_at timestamptz)
    language plpgsql as $$
declare
    v_n       int := cardinality(p_claims);
    -- Per position: the outcome (null while undecided), and the claim it answers with.
    v_out     text[]        := array_fill(null::text, array[v_n]);
    v_id      uuid[]        := array_fill(null::uuid, array[v_n]);
    v_status  text[]        := array_fill(null::text, array[v_n]);
    v_expires timestamptz[] := array_fill(null::timestamptz, array[v_n]);
    v_shard   int[]         := array_fill(null::int, array[v_n]);
    v_open    int[];
    v_held    text[];
    v_kind    text;
    v_buyers  text[];
    v_sale    flash_sale%rowtype;
    v_why     text;
    v_got     int := 0;
    v_from    int;
    v_take    int;
    v_left    int;
    r         record;
    i         int;
begin
    -- A claim is a short hold, not money (see claim_flash_unit).
    perform set_config('synchronous_commit', 'off', true);

    -- Replays (the key's claim, whatever its sale), and later claims of an account or address in this batch.
    for r in
        select x.n::int as n, c.id, c.sale_id = p_sale and c.address_key = x.address as same_claim, c.status,
               c.expires_at, row_number() over (partition by x.customer order by x.n) as nth_of_customer,
               row_number() over (partition by x.address order by x.n) as nth_of_address
        from unnest(p_customers, p_addresses, p_keys) with ordinality as x(customer, address, key, n)
        left join flash_claim c on c.customer_id = x.customer and c.idempotency_key = x.key
    loop
        if r.id is not null then
            v_out[r.n] := case when r.same_claim then 'REPLAYED' else 'KEY_REUSED' end;
            v_id[r.n] := r.id;
            v_status[r.n] := r.status;
            v_expires[r.n] := r.expires_at;
        elsif r.nth_of_customer > 1 or r.nth_of_address > 1 then
            v_out[r.n] := 'RETRY';
        end if;
    end loop;
    v_open := array(select k from generate_series(1, v_n) k where v_out[k] is null);

    if cardinality(v_open) > 0 then
        select * into v_sale from flash_sale s where s.id = p_sale;
        v_why := case when not found then 'NOT_FOUND' when now() < v_sale.starts_at then 'NOT_STARTED'
                      when now() >= v_sale.ends_at or v_sale.settled_at is not null then 'ENDED' end;
        if v_why is not null then
            foreach i in array v_open loop
                v_out[i] := v_why;
            end loop;
            v_open := '{}';
        end if;
    end if;

    -- Limits: per account, then per address (an address refusal gives the account's unit back).
    foreach v_kind in array array['account', 'address'] loop
        exit when cardinality(v_open) = 0;
        v_buyers := case v_kind when 'account' then p_customers else p_addresses end;
        v_held := hold_flash_buyers(p_sale, array(select v_kind || ':' || v_buyers[k] from unnest(v_open) k),
                                    v_sale.per_customer_limit);
        foreach i in array v_open loop
            if not (v_kind || ':' || v_buyers[i]) = any (v_held) then
                v_out[i] := 'LIMIT_REACHED_' || upper(v_kind);
            end if;
        end loop;
        if v_kind = 'address' then
            update flash_sale_buyer set held = held - 1
            where sale_id = p_sale and buyer_key = any (array(
                select 'account:' || p_customers[k] from unnest(v_open) k where v_out[k] is not null));
        end if;
        v_open := array(select k from unnest(v_open) k where v_out[k] is null);
    end loop;

    -- Units: from shards no other transaction holds, starting at the caller's pick;
    -- wait for a held one only while holding none.
    while v_got < cardinality(v_open) loop
        v_from := null;
        with pick as (
            select s.shard, s.remaining from flash_sale_shard s
            where s.sale_id = p_sale and s.remaining > 0
            order by (s.shard - p_start + v_sale.shards) % v_sale.shards
            limit 1 for update skip locked)
        update flash_sale_shard f set remaining = f.remaining - least(pick.remaining, cardinality(v_open) - v_got)
        from pick where f.sale_id = p_sale and f.shard = pick.shard
        returning f.shard, least(pick.remaining, cardinality(v_open) - v_got) into v_from, v_take;
        if v_from is null then
            select coalesce(sum(s.remaining), 0) into v_left from flash_sale_shard s where s.sale_id = p_sale;
            exit when v_left = 0 or v_got > 0;
            with pick as (
                select s.shard, s.remaining from flash_sale_shard s
                where s.sale_id = p_sale and s.remaining > 0
                order by s.remaining desc
                limit 1 for update)
            update flash_sale_shard f set remaining = f.remaining - least(pick.remaining, cardinality(v_open) - v_got)
            from pick where f.sale_id = p_sale and f.shard = pick.shard
            returning f.shard, least(pick.remaining, cardinality(v_open) - v_got) into v_from, v_take;
            continue when v_from is null;
        end if;
        for k in v_got + 1 .. v_got + v_take loop
            v_shard[v_open[k]] := v_from;
        end loop;
        v_got := v_got + v_take;
    end loop;

    if v_got < cardinality(v_open) then
        -- No unit for the rest: sold out, or (units held elsewhere) asked again in the next batch.
        update flash_sale_buyer set held = held - 1
        where sale_id = p_sale
          and buyer_key = any (array(select 'account:' || p_customers[k] from unnest(v_open[v_got + 1:]) k
                                     union all
                                     select 'address:' || p_addresses[k] from unnest(v_open[v_got + 1:]) k));
        foreach i in array v_open[v_got + 1:] loop
            v_out[i] := case when v_left = 0 then 'SOLD_OUT' else 'RETRY' end;
        end loop;
    end if;
    if v_got > 0 then
        insert into flash_claim (id, sale_id, customer_id, address_key, idempotency_key, shard, status, expires_at)
        select p_claims[k], p_sale, p_customers[k], p_addresses[k], p_keys[k], v_shard[k], 'GRANTED', now() + p_ttl
        from unnest(v_open[:v_got]) k;
        foreach i in array v_open[:v_got] loop
            v_out[i] := 'GRANTED';
            v_id[i] := p_claims[i];
            v_status[i] := 'GRANTED';
            v_expires[i] := now() + p_ttl;
        end loop;
    end if;

    return query select k, v_out[k], v_id[k], v_status[k], v_expires[k] from generate_series(1, v_n) k;
end
$$;
