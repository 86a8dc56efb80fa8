package storefront.cart;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import storefront.availability.AvailabilityPolicy;
import storefront.availability.Decision;
import storefront.cart.CartApi.CartLine;
import storefront.cart.CartApi.CartView;
import storefront.cart.CartApi.PriceSummary;

import storefront.catalog.CatalogService;
import storefront.catalog.SkuInRegion;
import storefront.common.Ids;
import storefront.common.Money;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.region.Locales;
import storefront.region.DeliveryMethod;
import storefront.region.RegionDirectory;
import storefront.region.Regions;

/**
 * Carts: every change asks the availability policy about the SKU in the cart's
 * region, in the transaction that makes the change; every read prices the
 * lines as the catalog stands now and flags those that can no longer be bought.
 */
@Singleton
public class CartService {

    /** A cart line as the catalog stands now: the SKU in the cart's region (null if gone) and the decision. */
    public record PricedLine(String sku, int quantity, SkuInRegion offer, Decision decision) {

        public boolean available() {
            return decision.available();
        }

        Totals.Line amounts() {
            return new Totals.Line(offer.price(), quantity);
        }
    }

    /** A cart priced in its region, with the locale its names are in. */
    public record PricedCart(StoredCart cart, Regions.Entry region, String locale, List<PricedLine> lines) {

        public boolean purchasable() {
            return !lines.isEmpty() && lines.stream().allMatch(PricedLine::available);
        }

        /** The same cart with these SKUs at these unit prices (flash-sale claims). */
        public PricedCart withUnitPrices(Map<String, Long> prices) {
            return new PricedCart(cart, region, locale, lines.stream()
                    .map(l -> prices.containsKey(l.sku()) && l.offer() != null
                            ? new PricedLine(l.sku(), l.quantity(), l.offer().withPrice(prices.get(l.sku())),
                                    l.decision())
                            : l)
                    .toList());
        }

        /** Totals of the lines that can be bought, taxed at this rate, shipped by the region's first method. */
        public Totals.Amounts amounts(int taxRateBps) {
            return amounts(taxRateBps, region.defaultDelivery().orElse(null));
        }

        /** Totals of the lines that can be bought, taxed at this rate, shipped by {@code delivery} (null: free). */
        public Totals.Amounts amounts(int taxRateBps, DeliveryMethod delivery) {
            List<Totals.Line> priced = lines.stream().filter(PricedLine::available).map(PricedLine::amounts).toList();
            return Totals.of(priced, delivery, region.tax().mode(), taxRateBps);
        }
    }

    private final Pool pool;
    private final CartRepository carts;
    private final CatalogService catalog;
    private final RegionDirectory regions;
    private final Clock clock;
    private final CartConfig config;

    CartService(Clock clock, Pool pool, CartRepository carts, RegionDirectory regions, CatalogService catalog,
                CartConfig config) {
        this.config = config;
        this.clock = clock;
        this.catalog = catalog;
        this.pool = pool;
        this.carts = carts;
        this.regions = regions;
    }

    Uni<CartView> create(CartApi.NewCart request, String acceptLanguage) {
        return regions.regions().flatMap(all -> {
            Regions.Entry region = all.find(request.region()).orElseThrow(() -> ProblemException.invalid(
                    List.of(new Problem.FieldError("region", "no region has the code '" + request.region() + "'"))));
            return carts.create(pool, all.requireServed(region).view().code());
        }).flatMap(cart -> view(pool, cart, acceptLanguage));
    }

    Uni<CartView> get(String id, String acceptLanguage) {
        return requireCart(pool, id, false).flatMap(cart -> view(pool, cart, acceptLanguage));
    }

    Uni<CartView> setQuantity(String id, String skuParam, int quantity, String acceptLanguage) {
        String sku = skuParam.toUpperCase(Locale.ROOT);
        return pool.withTransaction(tx -> requireOpenCart(tx, id).flatMap(cart -> regions.regions().flatMap(all -> {
                    Regions.Entry region = all.require(cart.region());
                    String locale = region.view().defaultLocale();
                    return catalog.skusIn(tx, cart.region(), List.of(sku), locale, locale)
                            .flatMap(found -> {
                                SkuInRegion offer = found.get(sku);
                                if (offer == null) {
                                    throw ProblemException.notFound("SKU_NOT_FOUND", "SKU not found",
                                            "No SKU has the code '" + sku + "'.");
                                }
                                Decision decision = decide(region, offer, clock.instant());
                                if (!decision.available()) {
                                    throw new ProblemException(notAvailable(cart.region(), offer, decision));
                                }
                                return carts.lines(tx, cart.id());
                            })
                            .flatMap(lines -> {
                                boolean newLine = lines.stream().noneMatch(l -> l.sku().equals(sku));
                                if (newLine && lines.size() >= CartApi.MAX_LINES) {
                                    throw new ProblemException(422, "CART_FULL", "Cart full",
                                            "A cart holds at most " + CartApi.MAX_LINES + " lines.");
                                }
                                return carts.setLine(tx, cart.id(), sku, quantity);
                            })
                            .replaceWith(cart);
                })))
                .flatMap(cart -> view(pool, cart, acceptLanguage));
    }

    Uni<CartView> remove(String id, String skuParam, String acceptLanguage) {
        String sku = skuParam.toUpperCase(Locale.ROOT);
        return pool.withTransaction(tx -> requireOpenCart(tx, id)
                        .call(cart -> carts.removeLine(tx, cart.id(), sku)))
                .flatMap(cart -> view(pool, cart, acceptLanguage));
    }

    /** The cart's lines priced and decided in its region now, on {@code client}. */
    public Uni<PricedCart> price(SqlClient client, StoredCart cart, String acceptLanguage) {
        return regions.regions().flatMap(all -> {
            Regions.Entry region = all.require(cart.region());
            String locale = Locales.negotiate(acceptLanguage, region.view().supportedLocales(),
                    region.view().defaultLocale());
            Instant now = clock.instant();
            return carts.lines(client, cart.id()).flatMap(lines -> catalog.skusIn(client, cart.region(), lines.stream().map(StoredLine::sku).toList(), locale,
                            region.view().defaultLocale())
                    .map(offers -> {
                        List<PricedLine> priced = new ArrayList<>();
                        for (StoredLine line : lines) {
                            SkuInRegion offer = offers.get(line.sku());
                            Decision decision = offer == null ? AvailabilityPolicy.removedSku(line.sku())
                                    : decide(region, offer, now);
                            priced.add(new PricedLine(line.sku(), line.quantity(), offer, decision));
                        }
                        return new PricedCart(cart, region, locale, List.copyOf(priced));
                    }));
        });
    }

    /** The cart, or 404 CART_NOT_FOUND (also for an id that is not a cart id at all). */
    public Uni<StoredCart> requireCart(SqlClient client, String id, boolean lock) {
        Optional<UUID> uuid = Ids.uuid(id);
        if (uuid.isEmpty()) {
            return Uni.createFrom().failure(cartNotFound());
        }
        return carts.find(client, uuid.get(), lock).map(found -> found.orElseThrow(CartService::cartNotFound));
    }

    private Uni<StoredCart> requireOpenCart(SqlClient tx, String id) {
        return requireCart(tx, id, true).invoke(cart -> {
            if (cart.orderId() != null) {
                throw new ProblemException(409, "CART_CHECKED_OUT", "Cart checked out",
                        "This cart has been checked out and can no longer change; start a new cart.");
            }
        });
    }

    private Uni<CartView> view(SqlClient client, StoredCart cart, String acceptLanguage) {
        return price(client, cart, acceptLanguage).map(CartService::view);
    }

    static CartView view(PricedCart priced) {
        String currency = priced.region().view().currency();
        List<CartLine> lines = priced.lines().stream().map(line -> {
            SkuInRegion offer = line.offer();
            Long price = offer == null ? null : offer.price();
            return new CartLine(line.sku(), offer == null ? null : offer.productSlug(),
                    offer == null ? null : offer.name(), offer == null ? Map.of() : offer.options(), line.quantity(),
                    price == null ? null : new Money(price, currency),
                    price == null ? null : new Money(Math.multiplyExact(price, (long) line.quantity()), currency),
                    line.available(), line.decision().reasons());
        }).toList();
        StoredCart cart = priced.cart();
        return new CartView(cart.id(), cart.region(), currency, lines,
                PriceSummary.of(priced.amounts(priced.region().tax().defaultRateBps()), currency),
                priced.purchasable() && cart.orderId() == null, cart.orderId(), cart.createdAt(), cart.updatedAt());
    }

    private static Decision decide(Regions.Entry region, SkuInRegion offer, Instant now) {
        return offer.decide(region.rules(), now);
    }

    /** 422 PRODUCT_NOT_AVAILABLE_IN_REGION for one SKU, with every reason. */
    public static Problem notAvailable(String region, SkuInRegion offer, Decision decision) {
        return notAvailable(region, offer.productSlug(), offer.code(), decision);
    }

    /** The same for a SKU known by its codes only (one the catalog may no longer hold). */
    public static Problem notAvailable(String region, String product, String sku, Decision decision) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("region", region);
        extensions.put("product", product);
        extensions.put("sku", sku);
        extensions.put("reasons", decision.reasons());
        return new Problem(422, "PRODUCT_NOT_AVAILABLE_IN_REGION", "Not available in your region",
                "SKU " + sku + " of '" + product + "' cannot be bought in region " + region + ".", null, extensions);
    }

    /**
     * Deletes up to {@code limit} carts nobody touched for the configured days
     * and that never became orders (a sweep's job); answers how many.
     */
    public Uni<Integer> deleteAbandoned(int limit) {
        return carts.deleteAbandoned(pool, config.retentionDays(), limit);
    }

    private static ProblemException cartNotFound() {
        return ProblemException.notFound("CART_NOT_FOUND", "Cart not found", "No cart has this id.");
    }
}
