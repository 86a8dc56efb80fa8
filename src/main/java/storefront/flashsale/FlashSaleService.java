package storefront.flashsale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import storefront.availability.AvailabilityPolicy;
import storefront.availability.Decision;
import storefront.cart.CartService;
import storefront.catalog.CatalogService;
import storefront.catalog.SkuInRegion;
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
    private final Clock clock;
    /** Sales by id: what claims need of them never changes after creation. */
    private final Cache<UUID, Sale> known = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1)).build();
    /** A sale's SKU under one catalog generation. */
    private record SellableKey(UUID sale, long generation) {
    }

    /** The availability decision on each sale's SKU, as its refusal (empty: sellable), per catalog generation. */
    private final Cache<SellableKey, Optional<Problem>> sellable = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();
    private final CatalogVersion catalogVersion;
    private final SoldOutMemory soldOut;

    FlashSaleService(Clock clock, Pool pool, FlashSaleRepository sales, RegionDirectory regions,
                     CatalogService catalog, ClaimRateLimiter limiter, ClaimBatcher batcher,
                     CatalogVersion catalogVersion, SoldOutMemory soldOut) {
        this.clock = clock;
        this.catalog = catalog;
        this.catalogVersion = catalogVersion;
        this.pool = pool;
        this.sales = sales;
        this.regions = regions;
        this.limiter = limiter;
        this.batcher = batcher;
        this.soldOut = soldOut;
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
                throw ClaimRefusals.notStarted(sale, now);
            }
            all.requireShipsTo(sale.region(), address.country());
            boolean ended = !now.isBefore(sale.endsAt());
            SoldOutMemory.SoldOut belief = ended ? null : soldOut.belief(sale.id());
            boolean soldOutNow = belief != null && belief.answersFromMemory();
            if (soldOutNow && !belief.mayReplay(customerId, key)) {
                throw ClaimRefusals.soldOut(sale);
            }
            String addressKey = AddressKey.of(address);
            if (ended || soldOutNow) {
                return replayOr(sale, customerId, key, addressKey, ended ? ClaimRefusals.ended(sale) : ClaimRefusals.soldOut(sale));
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
                        throw ClaimRefusals.keyReused();
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
                .call(outcome -> outcome.outcome() == Outcome.SOLD_OUT ? soldOut.remember(sale)
                        : Uni.createFrom().voidItem())
                .map(outcome -> {
                    if (outcome.outcome() == Outcome.GRANTED) {
                        soldOut.granted(sale.id(), customerId, key);
                    }
                    return answer(sale, outcome);
                });
    }

    private Claimed answer(Sale sale, ClaimOutcome outcome) {
        switch (outcome.outcome()) {
            case GRANTED:
            case REPLAYED:
                return new Claimed(claimView(sale, outcome.claimId(), outcome.status(), outcome.expiresAt()),
                        outcome.outcome() == Outcome.REPLAYED);
            case KEY_REUSED:
                throw ClaimRefusals.keyReused();
            case NOT_FOUND:
                known.invalidate(sale.id());
                throw ClaimRefusals.saleNotFound();
            case NOT_STARTED:
                throw ClaimRefusals.notStarted(sale, clock.instant());
            case ENDED:
                throw ClaimRefusals.ended(sale);
            case SOLD_OUT:
                throw ClaimRefusals.soldOut(sale);
            case LIMIT_REACHED_ACCOUNT:
                throw ClaimRefusals.limitReached(sale, "account");
            case LIMIT_REACHED_ADDRESS:
                throw ClaimRefusals.limitReached(sale, "address");
            default:
                throw new IllegalStateException("Unknown claim outcome " + outcome.outcome());
        }
    }

    private Uni<Sale> sale(String id) {
        Optional<UUID> uuid = Ids.uuid(id);
        if (uuid.isEmpty()) {
            return Uni.createFrom().failure(ClaimRefusals.saleNotFound());
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
}
