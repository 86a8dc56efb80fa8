package storefront.catalog;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import storefront.availability.Decision;
import storefront.availability.Reason;
import storefront.common.Columns;
import storefront.common.Json;
import storefront.common.SqlTime;
import storefront.common.Statements;
import storefront.events.EventType;
import storefront.events.Events;
import storefront.region.RegionDirectory;
import storefront.region.Regions;

/**
 * What shoppers of each region were last told of each product, and the events
 * when that changes. A write that may move availability (a toggle, a price, a
 * certification, a product's category or retirement) asks {@link #reconsider}
 * in its own transaction: the one availability decision is taken again for the
 * products it touched and compared with the last one recorded; a flip is an
 * event (storefront.product.available or .unavailable, with the reasons), in
 * the same transaction. Sales windows reach their instants with no write: the
 * clock job ({@link #tick}) decides again, once on whichever replica takes the
 * clock row, the products whose window opened or closed since the last tick.
 *
 * <p>A decider takes its regions' rows first, so the deciders of one region
 * take turns and each compares with the one before; and it decides at the
 * later of its clock and the region's last decision, so that replicas whose
 * clocks disagree by a little never take a region back in time. A product the ledger has
 * no record of (loaded by SQL: the demo data, an import outside the API) is
 * recorded without an event; one created through the API starts as never
 * available.
 */
@Singleton
public class AvailabilityLedger {

    private static final Logger LOG = Logger.getLogger(AvailabilityLedger.class);

    /**
     * Takes the region's row (a second decider waits, then sees the first's
     * instant) and answers the instant to decide at: the later of the caller's
     * clock and the region's last decision.
     */
    private static final String TAKE_REGION = """
            insert into availability_region as a (region_code, decided_at) values ($1, $2)
            on conflict (region_code) do update set decided_at = greatest(a.decided_at, excluded.decided_at)
            returning a.decided_at""";

    private static final String REGION_CODES = "select code from region order by code";

    private static final String RECORDS = """
            select product_slug, reasons::text from product_availability where region_code = $1""";

    private static final String SOME_RECORDS = RECORDS + " and product_slug = any(cast($2 as text[]))";

    private static final String RECORD = """
            insert into product_availability (region_code, product_slug, reasons, decided_at)
            select $1, x.slug, cast(x.reasons as jsonb), $2
            from unnest(cast($3 as text[]), cast($4 as text[])) as x(slug, reasons)
            on conflict (region_code, product_slug)
                do update set reasons = excluded.reasons, decided_at = excluded.decided_at""";

    /** Per region, the products the ledger has no record of. */
    private static final String UNRECORDED = """
            select r.code, json_agg(p.slug order by p.slug)::text
            from region r cross join product p
            where not exists (select 1 from product_availability a
                              where a.region_code = r.code and a.product_slug = p.slug)
            group by r.code order by r.code""";

    /** The clock row, unless another replica holds it. */
    private static final String TAKE_CLOCK = "select decided_until from availability_clock for update skip locked";

    /** Per region, the products whose sales window opened or closed in ($1, $2]. */
    private static final String WINDOWS_REACHED = """
            select pr.region_code, json_agg(p.slug order by p.slug)::text
            from product_region pr join product p on p.id = pr.product_id
            where (pr.available_from > $1 and pr.available_from <= $2)
               or (pr.available_until > $1 and pr.available_until <= $2)
            group by pr.region_code order by pr.region_code""";

    private static final String MOVE_CLOCK = "update availability_clock set decided_until = $1";

    /**
     * Which products to decide again: in these regions (null: every region),
     * these products (null: every product); {@code created} when they are new
     * to the catalog, so that having no record means "never available".
     */
    public record Scope(Set<String> regionsOrAll, List<String> productsOrAll, boolean created) {

        /** Every product of a region (it opened or closed, a category started or stopped). */
        public static Scope region(String region) {
            return new Scope(Set.of(region), null, false);
        }

        /** These products in a region (their listing or window changed). */
        public static Scope products(String region, List<String> slugs) {
            return new Scope(Set.of(region), List.copyOf(slugs), false);
        }

        /** One product in one region (its price there), or in every region (null). */
        public static Scope product(String regionOrAll, String slug) {
            return new Scope(regionOrAll == null ? null : Set.of(regionOrAll), List.of(slug), false);
        }

        /** A product just created, in every region. */
        public static Scope created(String slug) {
            return new Scope(null, List.of(slug), true);
        }
    }

    /** An availability that flipped: its event's data. */
    private record Flip(String subject, AvailabilityEvent event) {
    }

    private final Clock clock;
    private final Pool pool;
    private final RegionDirectory directory;
    private final CatalogService catalog;
    private final Events events;
    private final Json json;
    private final AtomicBoolean baselined = new AtomicBoolean();

    AvailabilityLedger(Clock clock, Pool pool, RegionDirectory directory, CatalogService catalog, Events events,
                       Json json) {
        this.clock = clock;
        this.pool = pool;
        this.directory = directory;
        this.catalog = catalog;
        this.events = events;
        this.json = json;
    }

    /**
     * Decides again what {@code scope} covers, in the transaction {@code tx}
     * runs in (after its changes, before it commits); emits an event per
     * product whose availability flipped, and answers how many did.
     */
    public Uni<Integer> reconsider(Statements tx, Scope scope) {
        Uni<List<String>> codes = scope.regionsOrAll() != null
                ? Uni.createFrom().item(List.copyOf(new TreeSet<>(scope.regionsOrAll())))
                : tx.rows(REGION_CODES).map(rows -> rows.stream().map(row -> (String) row[0]).toList());
        // Regions in code order, every one taken before anything is read: two deciders of several regions take
        // them alike, and each reads what the one before it committed.
        Map<String, Instant> at = new HashMap<>();
        return codes.flatMap(regionCodes -> Multi.createFrom().iterable(regionCodes)
                .onItem().transformToUniAndConcatenate(code -> tx.rows(TAKE_REGION, code, SqlTime.utc(clock.instant()))
                        .invoke(rows -> at.put(code, ((OffsetDateTime) rows.get(0)[0]).toInstant())))
                .collect().asList()
                .flatMap(taken -> taken.isEmpty() ? Uni.createFrom().item(0)
                        : directory.regionsAsSeenBy(tx).flatMap(regions -> Multi.createFrom().iterable(regionCodes)
                                .onItem().transformToUniAndConcatenate(code ->
                                        reconsider(tx, regions.require(code), scope, at.get(code)))
                                .collect().asList())
                        .map(flips -> flips.stream().mapToInt(Integer::intValue).sum())));
    }

    private Uni<Integer> reconsider(Statements tx, Regions.Entry region, Scope scope, Instant at) {
        String code = region.view().code();
        List<String> slugs = scope.productsOrAll();
        Uni<List<ProductInRegion>> products = slugs == null ? catalog.productsIn(tx, code)
                : catalog.productsIn(tx, code, slugs);
        Uni<List<Object[]>> records = slugs == null ? tx.rows(RECORDS, code)
                : tx.rows(SOME_RECORDS, code, slugs.toArray(String[]::new));
        return products.flatMap(decided -> records.flatMap(recorded -> {
            Map<String, List<Reason>> before = new HashMap<>();
            for (Object[] row : recorded) {
                Columns c = Columns.of(row);
                before.put(c.text(), List.of(json.read(c.text(), Reason[].class)));
            }
            List<String> changedSlugs = new ArrayList<>();
            List<String> changedReasons = new ArrayList<>();
            List<Flip> available = new ArrayList<>();
            List<Flip> unavailable = new ArrayList<>();
            for (ProductInRegion product : decided) {
                String slug = product.facts().slug();
                Decision now = product.decide(region.rules(), at);
                List<Reason> then = before.get(slug);
                if (then != null && then.equals(now.reasons())) {
                    continue;
                }
                changedSlugs.add(slug);
                changedReasons.add(json.text(now.reasons()));
                boolean wasAvailable = then != null && then.isEmpty();
                // No record: new to the catalog (never available), or loaded outside the API (recorded silently).
                boolean known = then != null || scope.created();
                if (known && now.available() != wasAvailable) {
                    List<Reason> previous = then == null ? List.of() : then;
                    Flip flip = new Flip("product/" + code + "/" + slug, new AvailabilityEvent(code, slug,
                            product.facts().category(), now.available(), now.reasons(), previous));
                    (now.available() ? available : unavailable).add(flip);
                }
            }
            if (changedSlugs.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return tx.execute(RECORD, code, SqlTime.utc(at), changedSlugs.toArray(String[]::new),
                            changedReasons.toArray(String[]::new))
                    .call(ignored -> emit(tx, EventType.PRODUCT_AVAILABLE, available))
                    .call(ignored -> emit(tx, EventType.PRODUCT_UNAVAILABLE, unavailable))
                    .map(ignored -> available.size() + unavailable.size());
        }));
    }

    private Uni<Void> emit(Statements tx, EventType type, List<Flip> flips) {
        return events.emitAll(tx, type, flips.stream()
                .map(flip -> new Events.Change(flip.subject(), flip.event().region(), flip.event()))
                .toList());
    }

    // ---- the clock: sales windows reaching their instants ----

    void start(@Observes StartupEvent event) {
        baseline().subscribe().with(
                n -> LOG.debugf("Availability recorded for %d products new to the ledger", n),
                failure -> LOG.warn("Recording availability at start failed; the clock tries again", failure));
    }

    @Scheduled(every = "${storefront.events.clock-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return tick().onFailure().invoke(f -> LOG.warn("Deciding the sales windows reached failed; the next tick "
                        + "tries again", f))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Decides again the products whose sales window opened or closed since the
     * last tick of any replica, and moves the clock on; a replica that finds
     * another at it does nothing. Answers how many products flipped.
     */
    public Uni<Integer> tick() {
        Uni<Integer> first = baselined.get() ? Uni.createFrom().item(0) : baseline();
        return first.flatMap(ignored -> pool.withTransaction(connection -> {
            Statements tx = Statements.on(connection);
            return tx.rows(TAKE_CLOCK).flatMap(rows -> {
                if (rows.isEmpty()) {
                    return Uni.createFrom().item(0);
                }
                Instant from = Columns.of(rows.get(0)).instant();
                Instant to = clock.instant();
                if (!to.isAfter(from)) {
                    return Uni.createFrom().item(0);
                }
                return tx.rows(WINDOWS_REACHED, SqlTime.utc(from), SqlTime.utc(to))
                        .flatMap(reached -> Multi.createFrom().iterable(reached)
                                .onItem().transformToUniAndConcatenate(row -> {
                                    Columns r = Columns.of(row);
                                    return reconsider(tx, Scope.products(r.text(), r.strings()));
                                })
                                .collect().asList())
                        .call(flips -> tx.execute(MOVE_CLOCK, SqlTime.utc(to)))
                        .map(flips -> flips.stream().mapToInt(Integer::intValue).sum());
            });
        }));
    }

    /** Records, without events, the products the ledger has no record of; a region per transaction. */
    Uni<Integer> baseline() {
        return Statements.on(pool).rows(UNRECORDED)
                .flatMap(missing -> Multi.createFrom().iterable(missing)
                        .onItem().transformToUniAndConcatenate(row -> {
                            Columns c = Columns.of(row);
                            Scope scope = Scope.products(c.text(), c.strings());
                            return pool.withTransaction(connection -> reconsider(Statements.on(connection), scope))
                                    .replaceWith(scope.productsOrAll().size());
                        })
                        .collect().asList())
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum())
                .invoke(() -> baselined.set(true));
    }
}
