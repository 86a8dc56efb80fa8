package storefront.flashsale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import storefront.catalog.SkuInRegion;
import storefront.availability.AvailabilityPolicy;
import storefront.availability.Decision;
import storefront.cart.CartService;
import storefront.catalog.CatalogService;
import storefront.common.CatalogVersion;
import storefront.common.Idempotency;
import storefront.common.Ids;
import storefront.common.Money;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.flashsale.FlashSaleApi.ClaimRequest;
import storefront.flashsale.FlashSaleApi.ClaimView;
import storefront.flashsale.FlashSaleApi.FlashSaleList;
import storefront.flashsale.FlashSaleApi.FlashSaleView;
import storefront.flashsale.FlashSaleApi.SaleState;
import storefront.flashsale.FlashSaleRepository.ClaimOutcome;
import storefront.flashsale.FlashSaleRepository.ClaimOutcome.Outcome;
import storefront.flashsale.FlashSaleRepository.Sale;
import storefront.order.OrderApi.ShippingAddress;
import storefront.region.RegionDirectory;
import storefront.region.Regions;

/**
 * Flash sales as shoppers meet them: see them, claim units (ops create them:
 * {@link FlashSaleAdminService}). The database decides claims, a batch of a sale's claims in one
 * statement ({@link ClaimBatcher}: limits, units from shards, the claim rows);
 * what cannot change is answered from memory: a sale's
 * window, and for a short while after the database said so, that it is sold
 * out. A refusal is never given to a key that was granted before: those replay.
 * While a sale reads as sold out, this replica knows the keys its claims were
 * granted under (read once when the database first says so, plus its own
 * grants since), so only a request that may be a replay reaches the database.
 */
@Singleton
public class FlashSaleService {

    /** A claim's answer: the claim, and whether it replays an earlier one. */
    public record Claimed(ClaimView claim, boolean replayed) {
    }

    private final Pool pool;
    private final CatalogService catalog;
    private final FlashSaleRepository sales;
    private final RegionDirectory regions;
    private final ClaimRateLimiter limiter;
    private final ClaimBatcher batcher;
    private final long soldOutRecheckNanos;
    private final Clock clock;
    /** Sales by id: what claims need of them never changes after creation. */
    private final Cache<UUID, Sale> known = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1)).build();
    /**
     * A sale the database said was sold out: until when (System.nanoTime) that is
     * believed without asking again, and the (customer, Idempotency-Key) pairs its
     * claims were granted under (null when the sale is too big to keep them all).
     * Once that time has passed, one request asks the database again while the
     * others still answer from this belief; a grant to that request ends the
     * belief, any other answer leaves it to the next request to ask.
     */
    private record SoldOut(long untilNanos, Set<String> grantedKeys, AtomicBoolean rechecking) {

        SoldOut(long untilNanos, Set<String> grantedKeys) {
            this(untilNanos, grantedKeys, new AtomicBoolean());
        }

        boolean holds() {
            return System.nanoTime() - untilNanos < 0;
        }

        /**
         * Whether this request is answered from the belief: while it holds, or while
         * another request rechecks it. False makes this request the one that rechecks.
         */
        boolean answersFromMemory() {
            return holds() || !rechecking.compareAndSet(false, true);
        }

        /** Whether this request may replay a grant (unknown counts as may). */
        boolean mayReplay(String customerId, String key) {
            return grantedKeys == null || grantedKeys.contains(FlashSaleRepository.grantKey(customerId, key));
        }
    }

    /** Sales with more units than this do not keep their grants' keys while sold out. */
    private static final int MAX_CLAIMS_KEPT = 200_000;

    private final Cache<UUID, SoldOut> soldOut;

    /** A sale's SKU under one catalog generation. */
    private record SellableKey(UUID sale, long generation) {
    }

    /** The availability decision on each sale's SKU, as its refusal (empty: sellable), per catalog generation. */
    private final Cache<SellableKey, Optional<Problem>> sellable = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();
    private final CatalogVersion catalogVersion;
    private final Set<UUID> loadingGrants = ConcurrentHashMap.newKeySet();

    FlashSaleService(Clock clock, Pool pool, FlashSaleRepository sales, RegionDirectory regions,
                     CatalogService catalog, ClaimRateLimiter limiter, ClaimBatcher batcher,
                     CatalogVersion catalogVersion, FlashSaleConfig config) {
        this.clock = clock;
        this.catalog = catalog;
        this.catalogVersion = catalogVersion;
        this.pool = pool;
        this.sales = sales;
        this.regions = regions;
        this.limiter = limiter;
        this.batcher = batcher;
        this.soldOutRecheckNanos = Duration.ofMillis(config.soldOutRecheckMs()).toNanos();
        // An entry is only believed until its recheck time; dropping it soon after frees its keys.
        this.soldOut = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofMillis(config.soldOutRecheckMs()).plusSeconds(10)).build();
    }

    // ---- shoppers ----

    Uni<FlashSaleView> get(String id) {
        return requireSale(id).flatMap(sale -> views(List.of(sale)).map(views -> views.get(0)));
    }

    Uni<FlashSaleList> current(String regionParam) {
        String regionCode = QueryParams.required("region", regionParam);
        return regions.regions().flatMap(all -> sales.current(pool, all.require(regionCode).view().code(),
                clock.instant(), 100)).flatMap(this::views).map(FlashSaleList::new);
    }

    /** The sales as shoppers see them now, with one query for what is left of all of them. */
    private Uni<List<FlashSaleView>> views(List<Sale> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant();
        return sales.remaining(pool, found.stream().map(Sale::id).toList()).map(left -> found.stream()
                .map(sale -> view(sale, now, left.getOrDefault(sale.id(), 0))).toList());
    }

    /**
     * One claim: granted (a unit held until the claim expires), a replay of the
     * key's earlier answer, or a 409 refusal: NOT_STARTED, ENDED, SOLD_OUT,
     * LIMIT_REACHED.
     */
    Uni<Claimed> claim(String saleId, String customerId, String keyHeader, ClaimRequest request) {
        limiter.acquire(customerId);
        String key = Idempotency.requireKey(keyHeader);
        ShippingAddress address = request.shippingAddress();
        return sale(saleId).flatMap(sale -> regions.regions().flatMap(all -> {
            Instant now = clock.instant();
            if (now.isBefore(sale.startsAt())) {
                throw notStarted(sale, now);
            }
            all.requireShipsTo(sale.region(), address.country());
            boolean ended = !now.isBefore(sale.endsAt());
            SoldOut belief = ended ? null : soldOut.getIfPresent(sale.id());
            boolean soldOutNow = belief != null && belief.answersFromMemory();
            if (soldOutNow && !belief.mayReplay(customerId, key)) {
                throw soldOut(sale);
            }
            String addressKey = AddressKey.of(address);
            if (ended || soldOutNow) {
                return replayOr(sale, customerId, key, addressKey, ended ? ended(sale) : soldOut(sale));
            }
            Uni<Claimed> claimed = sellable(sale, all.require(sale.region()), now).flatMap(refusal -> refusal == null
                    ? attempt(sale, customerId, addressKey, key)
                    : replayOr(sale, customerId, key, addressKey, new ProblemException(refusal)));
            // This request rechecked a belief that had run out: let the next one ask when this one is done.
            return belief == null ? claimed : claimed.onTermination().invoke(() -> belief.rechecking().set(false));
        }));
    }

    /** The earlier grant under this key, replayed; else the refusal. */
    private Uni<Claimed> replayOr(Sale sale, String customerId, String key, String addressKey,
                                  ProblemException refusal) {
        return sales.claimByKey(pool, customerId, key).map(earlier -> earlier
                .map(claim -> {
                    if (!claim.saleId().equals(sale.id()) || !claim.addressKey().equals(addressKey)) {
                        throw keyReused();
                    }
                    return new Claimed(claimView(sale, claim.id(), claim.status(), claim.expiresAt()), true);
                })
                .orElseThrow(() -> refusal));
    }

    /**
     * A claim reserves a unit for its shopper, so it asks the availability decision
     * like every other door: an ops change since the sale was created (a delisting,
     * a certification the region now requires) stops the claims. The decision is
     * kept per catalog generation, which moves on with every catalog change and at
     * every scheduled boundary, so a stampede asks the database once. Answers the
     * refusal, or null when the SKU may be sold.
     */
    private Uni<Problem> sellable(Sale sale, Regions.Entry region, Instant now) {
        SellableKey key = new SellableKey(sale.id(), catalogVersion.current());
        Optional<Problem> known = sellable.getIfPresent(key);
        Uni<Optional<Problem>> refusal = known != null ? Uni.createFrom().item(known)
                : catalog.skusIn(pool, sale.region(), List.of(sale.sku()), region.view().defaultLocale(),
                                region.view().defaultLocale())
                        .map(found -> {
                            SkuInRegion offer = found.get(sale.sku());
                            Decision decision = offer == null ? AvailabilityPolicy.removedSku(sale.sku())
                                    : offer.decide(region.rules(), now);
                            Optional<Problem> answer = decision.available() ? Optional.empty()
                                    : Optional.of(CartService.notAvailable(sale.region(), sale.product(), sale.sku(),
                                            decision));
                            sellable.put(key, answer);
                            return answer;
                        });
        return refusal.map(answer -> answer.orElse(null));
    }

    private Uni<Claimed> attempt(Sale sale, String customerId, String addressKey, String key) {
        return batcher.claim(sale, customerId, addressKey, key)
                .call(outcome -> outcome.outcome() == Outcome.SOLD_OUT ? rememberSoldOut(sale)
                        : Uni.createFrom().voidItem())
                .map(outcome -> {
                    if (outcome.outcome() == Outcome.GRANTED) {
                        SoldOut belief = soldOut.getIfPresent(sale.id());
                        if (belief != null && !belief.holds()) {
                            soldOut.invalidate(sale.id());  // units came back: no longer sold out
                        } else if (belief != null && belief.grantedKeys() != null) {
                            belief.grantedKeys().add(FlashSaleRepository.grantKey(customerId, key));
                        }
                    }
                    return answer(sale, outcome);
                });
    }

    /**
     * The sale is sold out for the next moments: one request per replica reads the
     * keys its claims were granted under; the others answer at once.
     */
    private Uni<Void> rememberSoldOut(Sale sale) {
        SoldOut known = soldOut.getIfPresent(sale.id());
        if ((known != null && known.holds()) || !loadingGrants.add(sale.id())) {
            return Uni.createFrom().voidItem();
        }
        Uni<Set<String>> grantedKeys = sale.quantity() > MAX_CLAIMS_KEPT ? Uni.createFrom().nullItem()
                : sales.grantedKeys(pool, sale.id());
        return grantedKeys
                .invoke(set -> soldOut.put(sale.id(), new SoldOut(System.nanoTime() + soldOutRecheckNanos, set)))
                .onTermination().invoke(() -> loadingGrants.remove(sale.id()))
                .replaceWithVoid();
    }

    private Claimed answer(Sale sale, ClaimOutcome outcome) {
        switch (outcome.outcome()) {
            case GRANTED:
            case REPLAYED:
                return new Claimed(claimView(sale, outcome.claimId(), outcome.status(), outcome.expiresAt()),
                        outcome.outcome() == Outcome.REPLAYED);
            case KEY_REUSED:
                throw keyReused();
            case NOT_FOUND:
                known.invalidate(sale.id());
                throw saleNotFound();
            case NOT_STARTED:
                throw notStarted(sale, clock.instant());
            case ENDED:
                throw ended(sale);
            case SOLD_OUT:
                throw soldOut(sale);
            case LIMIT_REACHED_ACCOUNT:
                throw limitReached(sale, "account");
            case LIMIT_REACHED_ADDRESS:
                throw limitReached(sale, "address");
            default:
                throw new IllegalStateException("Unknown claim outcome " + outcome.outcome());
        }
    }

    private Uni<Sale> sale(String id) {
        Optional<UUID> uuid = Ids.uuid(id);
        if (uuid.isEmpty()) {
            return Uni.createFrom().failure(saleNotFound());
        }
        Sale cached = known.getIfPresent(uuid.get());
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return requireSale(id).invoke(sale -> known.put(sale.id(), sale));
    }

    private Uni<Sale> requireSale(String id) {
        return sales.require(pool, id);
    }

    static FlashSaleView view(Sale sale, Instant now, int remaining) {
        SaleState state = now.isBefore(sale.startsAt()) ? SaleState.ANNOUNCED
                : !now.isBefore(sale.endsAt()) || sale.settledAt() != null ? SaleState.ENDED
                : remaining == 0 ? SaleState.SOLD_OUT : SaleState.LIVE;
        return new FlashSaleView(sale.id(), sale.sku(), sale.product(), sale.region(),
                new Money(sale.price(), sale.currency()), sale.startsAt(), sale.endsAt(), sale.perCustomerLimit(),
                state);
    }

    private static ClaimView claimView(Sale sale, UUID id, ClaimStatus status, Instant expiresAt) {
        return new ClaimView(id.toString(), sale.id(), sale.sku(), sale.region(),
                new Money(sale.price(), sale.currency()), status.name(), expiresAt);
    }

    private static ProblemException refusal(int status, String code, String title, String detail, Sale sale,
                                            Map<String, Object> more) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("saleId", sale.id());
        extensions.putAll(more);
        return new ProblemException(new Problem(status, code, title, detail, null, extensions));
    }

    private static ProblemException notStarted(Sale sale, Instant now) {
        long seconds = Math.max(1, Duration.between(now, sale.startsAt()).toSeconds());
        return refusal(409, "NOT_STARTED", "Sale not started", "The sale starts at " + sale.startsAt() + ".", sale,
                Map.of("startsAt", sale.startsAt().toString()))
                .retryAfter((int) Math.min(seconds, Integer.MAX_VALUE));
    }

    private static ProblemException ended(Sale sale) {
        return refusal(409, "ENDED", "Sale ended", "The sale ended at " + sale.endsAt() + ".", sale,
                Map.of("endsAt", sale.endsAt().toString()));
    }

    private static ProblemException soldOut(Sale sale) {
        return refusal(409, "SOLD_OUT", "Sold out", "Every unit of this sale is claimed. Units of claims that "
                + "expire unused come back until the sale ends.", sale, Map.of());
    }

    private static ProblemException limitReached(Sale sale, String by) {
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("limit", sale.perCustomerLimit());
        more.put("limitedBy", by);
        return refusal(409, "LIMIT_REACHED", "Limit reached", "This sale allows " + sale.perCustomerLimit()
                + " unit(s) per customer and per shipping address; this " + by + " holds that many already.", sale,
                more);
    }

    private static ProblemException keyReused() {
        return new ProblemException(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key reused",
                "This Idempotency-Key was used for another claim (another sale or address); use a new key.");
    }

    static ProblemException saleNotFound() {
        return ProblemException.notFound("FLASH_SALE_NOT_FOUND", "Flash sale not found", "No flash sale has this id.");
    }
}
