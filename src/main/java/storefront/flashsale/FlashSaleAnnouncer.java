package storefront.flashsale;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import storefront.common.Columns;
import storefront.common.Money;
import storefront.common.SqlTime;
import storefront.common.Statements;
import storefront.events.EventType;
import storefront.events.Events;
import storefront.flashsale.FlashSaleEvent.State;

/**
 * Tells subscribers when a flash sale goes live, sells out (and is live again
 * when unused claims bring units back) and ends. A sale's state follows from
 * the clock and its pool, with no write of its own at those instants, so a job
 * on every replica compares each running sale's state with the last one
 * announced and moves it, with its event, in one transaction. Of two replicas
 * at it together, the second finds the row moved (it waits for the first and
 * then checks again) and emits nothing: each change is announced once.
 */
@Singleton
public class FlashSaleAnnouncer {

    private static final Logger LOG = Logger.getLogger(FlashSaleAnnouncer.class);

    private static final String ANNOUNCE = """
            with current as (
                select f.id, coalesce(sum(s.remaining), 0)::int as units_left,
                       case when $1 >= f.ends_at or f.settled_at is not null then 'ENDED'
                            when coalesce(sum(s.remaining), 0) = 0 then 'SOLD_OUT'
                            else 'LIVE' end as state
                from flash_sale f left join flash_sale_shard s on s.sale_id = f.id
                where f.announced is distinct from 'ENDED' and f.starts_at <= $1
                group by f.id)
            update flash_sale f set announced = c.state
            from current c
            where f.id = c.id and f.announced is distinct from c.state
            returning f.id::text, f.sku_code, f.region_code, f.starts_at, f.ends_at, f.price_minor, f.currency,
                      f.quantity, c.units_left, c.state""";

    private static final Map<State, EventType> TYPES = new EnumMap<>(Map.of(
            State.LIVE, EventType.FLASH_SALE_LIVE,
            State.SOLD_OUT, EventType.FLASH_SALE_SOLD_OUT,
            State.ENDED, EventType.FLASH_SALE_ENDED));

    private final Clock clock;
    private final Pool pool;
    private final Events events;

    FlashSaleAnnouncer(Clock clock, Pool pool, Events events) {
        this.clock = clock;
        this.pool = pool;
        this.events = events;
    }

    @Scheduled(every = "${storefront.events.clock-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return announce().onFailure().invoke(f -> LOG.warn("Announcing flash sales failed; the next tick tries again", f))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Announces every sale whose state changed since it was last announced; answers how many. */
    public Uni<Integer> announce() {
        return pool.withTransaction(connection -> {
            Statements tx = Statements.on(connection);
            return tx.rows(ANNOUNCE, SqlTime.utc(clock.instant())).flatMap(rows -> {
                Map<State, List<Events.Change>> byState = new EnumMap<>(State.class);
                for (Object[] row : rows) {
                    Columns c = Columns.of(row);
                    String id = c.text();
                    String sku = c.text();
                    String region = c.text();
                    Instant startsAt = c.instant();
                    Instant endsAt = c.instant();
                    Money price = new Money(c.int8(), c.text());
                    int quantity = c.int4();
                    int unitsLeft = c.int4();
                    State state = State.valueOf(c.text());
                    FlashSaleEvent sale = new FlashSaleEvent(id, sku, region, state, startsAt, endsAt, price,
                            quantity, unitsLeft);
                    byState.computeIfAbsent(state, s -> new ArrayList<>())
                            .add(new Events.Change("flash-sale/" + id, region, sale));
                }
                return Multi.createFrom().iterable(byState.entrySet())
                        .onItem().transformToUniAndConcatenate(e -> events.emitAll(tx, TYPES.get(e.getKey()),
                                e.getValue()))
                        .collect().last().replaceWith(rows.size());
            });
        });
    }
}
