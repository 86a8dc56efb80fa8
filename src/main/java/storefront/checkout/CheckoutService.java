package storefront.checkout;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import storefront.cart.CartService;
import storefront.cart.CartService.PricedCart;
import storefront.cart.CartService.PricedLine;
import storefront.cart.Totals;
import storefront.checkout.CheckoutApi.CheckoutRequest;
import storefront.checkout.CheckoutApi.CheckoutResult;
import storefront.checkout.PaymentGateway.OrderPayment;
import storefront.common.Idempotency;
import storefront.common.Json;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.Statements;
import storefront.flashsale.AddressKey;
import storefront.flashsale.ClaimRules;
import storefront.flashsale.FlashClaims;
import storefront.flashsale.HeldClaim;
import storefront.inventory.Inventory;
import storefront.inventory.InventoryConfig;
import storefront.order.LineItem;
import storefront.order.NewOrder;
import storefront.order.OrderApi.ShippingAddress;
import storefront.order.OrderService;
import storefront.order.OrderStatus;
import storefront.order.OrderTokens;
import storefront.order.StoredOrder;
import storefront.order.OrderApi;
import storefront.region.DeliveryMethod;
import storefront.stores.PickupStores;
import storefront.stores.StoreApi;
import storefront.stores.StoreRow;
import storefront.region.RegionDirectory;
import storefront.region.Regions;

/**
 * Checkout in three steps, none holding a transaction across the payment
 * provider: (1) one transaction re-checks the cart in its region, takes its
 * flash-sale claims, reserves the rest of its units, snapshots it into a
 * PENDING_PAYMENT order and claims the Idempotency-Key; (2) the provider
 * creates the payment, on a worker thread; (3) the payment is recorded and the
 * answer kept for replay. A failure in (2) leaves the order waiting for a retry
 * with the same key, which reuses the order and the payment.
 */
@Singleton
public class CheckoutService {

    static final String SCOPE = "checkout";

    private final Pool pool;
    private final CartService carts;
    private final OrderService orders;
    private final RegionDirectory regions;
    private final PaymentGateway gateway;
    private final Idempotency idempotency;
    private final Json json;
    private final Inventory inventory;
    private final FlashClaims flashSales;
    private final Duration reservation;
    private final Clock clock;
    private final PickupStores pickups;

    CheckoutService(Clock clock, Pool pool, CartService carts, OrderService orders, RegionDirectory regions,
                    PaymentGateway gateway, Idempotency idempotency, Json json, Inventory inventory,
                    FlashClaims flashSales, InventoryConfig config, PickupStores pickups) {
        this.clock = clock;
        this.pickups = pickups;
        this.inventory = inventory;
        this.flashSales = flashSales;
        this.reservation = Duration.ofMinutes(config.reservationMinutes());
        this.pool = pool;
        this.carts = carts;
        this.orders = orders;
        this.regions = regions;
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.json = json;
    }

    Uni<Idempotency.Result> checkout(String cartId, String keyHeader, CheckoutRequest request, String customerId,
                                     String acceptLanguage) {
        String key = Idempotency.requireKey(keyHeader);
        CheckoutRequest normalized = normalize(request);
        byte[] fingerprint = Idempotency.fingerprint(SCOPE, cartId, customerId, json.text(normalized));
        return idempotency.run(SCOPE, key, fingerprint,
                tx -> placeOrder(tx, cartId, normalized, customerId, acceptLanguage),
                this::collectPayment);
    }

    /**
     * Where an order goes and how it is priced for that: an address it ships
     * to by a delivery method, or a store it is picked up at (no method, no
     * shipping cost, the store's address for tax and as the order's address).
     */
    private record Destination(ShippingAddress address, DeliveryMethod method, NewOrder.Delivery delivery,
                               OrderApi.Pickup pickup) {
    }

    /** Step 1, in the claiming transaction: the order, as a snapshot of the cart re-checked now. */
    private Uni<UUID> placeOrder(SqlClient tx, String cartId, CheckoutRequest request, String customerId,
                                 String acceptLanguage) {
        return carts.requireCart(tx, cartId, true).flatMap(cart -> {
            if (cart.orderId() != null) {
                throw new ProblemException(409, "CART_ALREADY_CHECKED_OUT", "Cart already checked out",
                        "This cart is already an order; a retry of that checkout must reuse its Idempotency-Key.");
            }
            return regions.regions().flatMap(all -> {
                Regions.Entry region = all.require(cart.region());
                // Before anything is held: where the order goes must be one the cart's region serves.
                Uni<Destination> destination = request.pickupStore() != null
                        ? pickups.find(tx, request.pickupStore()).map(store -> pickupAt(region, request.pickupStore(),
                                store.orElse(null)))
                        : Uni.createFrom().item(() -> shipTo(all, region, request));
                return destination.flatMap(to -> carts.price(tx, cart, acceptLanguage)
                        .map(priced -> Map.entry(priced, to)));
            });
        }).flatMap(pricedTo -> {
            PricedCart priced = pricedTo.getKey();
            Destination to = pricedTo.getValue();
            requirePurchasable(priced);
            List<UUID> claimIds = ClaimRules.ids(request.claims(), customerId);
            return (claimIds.isEmpty() ? Uni.createFrom().item(List.<HeldClaim>of())
                    : flashSales.lockForCheckout(tx, claimIds))
                    .flatMap(held -> {
                        Map<String, Integer> claimed = requireClaims(held, claimIds, customerId, priced, to);
                        Map<String, Long> salePrices = new HashMap<>();
                        held.forEach(c -> salePrices.put(c.sku(), c.price()));
                        return reserveAndInsert(tx, priced.withUnitPrices(salePrices), claimed, request, to, customerId)
                                .call(id -> claimIds.isEmpty() ? Uni.createFrom().voidItem()
                                        : flashSales.attachToOrder(tx, claimIds, id));
                    });
        });
    }

    /** Shipped: the address's country must be the region's, and a delivery method must ship there. */
    private static Destination shipTo(Regions all, Regions.Entry region, CheckoutRequest request) {
        ShippingAddress address = request.shippingAddress();
        all.requireShipsTo(region.view().code(), address.country());
        DeliveryMethod method = deliveryMethod(region, address, request.deliveryMethod());
        return new Destination(address, method, new NewOrder.Delivery(method.code(), method.name(), method.minDays(),
                method.maxDays()), null);
    }

    /**
     * Picked up: the store must be open, offer PICKUP, and be in the cart's
     * region (the store's country decides, as a shipping country does).
     */
    private Destination pickupAt(Regions.Entry region, String id, StoreRow store) {
        if (store == null || store.status() != StoreApi.Status.OPEN
                || !store.services().contains(StoreApi.Service.PICKUP)) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("store", id);
            throw new ProblemException(new Problem(422, "PICKUP_STORE_UNAVAILABLE", "No pickup at this store",
                    store == null ? "No store has the id '" + id + "'."
                            : "Store " + id + (store.status() != StoreApi.Status.OPEN ? " is " + store.status()
                                    : " does not offer PICKUP")
                                    + "; find one with GET /stores?near=<lat,lon>&service=PICKUP.",
                    null, extensions));
        }
        if (!store.region().equals(region.view().code())) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("store", id);
            extensions.put("region", region.view().code());
            extensions.put("servedBy", store.region());
            throw new ProblemException(new Problem(422, "PICKUP_STORE_NOT_IN_REGION", "Store in another region",
                    "Store " + id + " is in region " + store.region() + ", not in the cart's region "
                            + region.view().code() + ".", null, extensions));
        }
        StoreApi.Address a = store.address();
        ShippingAddress address = new ShippingAddress(store.name(), a.line1(), a.line2(), a.city(), a.postalCode(),
                a.state(), a.country());
        OrderApi.PickupStore at = new OrderApi.PickupStore(store.id(), store.name(), a, store.timeZone(),
                store.openingHours(), store.phone());
        return new Destination(address, null, new NewOrder.Delivery("PICKUP", "Pickup at " + store.name(), null, null),
                new OrderApi.Pickup(at, PickupCodes.mint()));
    }

    /**
     * Holds the units no claim covers (409 OUT_OF_STOCK otherwise, nothing held),
     * then writes the order; its reservation runs out after the configured time.
     */
    private Uni<UUID> reserveAndInsert(SqlClient tx, PricedCart priced, Map<String, Integer> claimed,
                                      CheckoutRequest request, Destination to, String customerId) {
        List<Inventory.Units> units = priced.lines().stream()
                .map(l -> new Inventory.Units(l.sku(), l.quantity() - claimed.getOrDefault(l.sku(), 0))).toList();
        return inventory.reserve(Statements.on(tx), priced.cart().region(), units).flatMap(v -> {
            ShippingAddress address = to.address();
            int rate = priced.region().tax().rateFor(address.country(), address.state());
            Totals.Amounts amounts = priced.amounts(rate, to.method());
            List<LineItem> lines = new ArrayList<>();
            for (PricedLine line : priced.lines()) {
                lines.add(new LineItem(line.sku(), line.offer().productSlug(), line.offer().name(),
                        line.offer().options(), line.offer().price(), line.quantity()));
            }
            UUID id = UUID.randomUUID();
            NewOrder order = new NewOrder(id, OrderTokens.hash(OrderTokens.mint()), priced.cart().id(),
                    priced.cart().region(), priced.region().view().currency(), customerId, request.email(), address,
                    priced.region().tax().mode().name(), rate, amounts.subtotal(), amounts.shipping(), amounts.tax(),
                    amounts.total(), gateway.name(), lines, clock.instant().plus(reservation),
                    to.delivery(), to.pickup());
            return orders.insert(tx, order).replaceWith(id);
        });
    }

    /** The claimed units by SKU, when the claims may be checked out with this cart ({@link ClaimRules}). */
    private Map<String, Integer> requireClaims(List<HeldClaim> held, List<UUID> ids, String customerId,
                                               PricedCart priced, Destination to) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> inCart = new HashMap<>();
        priced.lines().forEach(line -> inCart.merge(line.sku(), line.quantity(), Integer::sum));
        return ClaimRules.check(held, ids, customerId, priced.cart().region(), inCart,
                AddressKey.of(to.address()), clock.instant());
    }

    /** Steps 2 and 3: the payment, outside any transaction, then the order's access token. */
    private Uni<Idempotency.Result> collectPayment(UUID orderId) {
        return orders.find(pool, orderId, false).map(found -> found.orElseThrow()).flatMap(order -> {
            if (order.status() != OrderStatus.PENDING_PAYMENT) {
                // A retry after the reservation ran out: the order is over, no payment is made for it.
                throw new ProblemException(409, "ORDER_NOT_PAYABLE", "Order not payable",
                        "Order " + order.number() + " is " + order.status() + "; start a new checkout.");
            }
            return gateway.paymentFor(payment(order)).flatMap(session -> {
                    // The token is minted now, when the answer that carries it is about to be kept: an attempt
                    // that failed before this point never showed its token to anyone.
                    String token = OrderTokens.mint();
                    return pool.withTransaction(tx -> (session.paymentIntentId() == null ? Uni.createFrom().item(true)
                                    : orders.attachPaymentIntent(tx, orderId, session.paymentIntentId()))
                                    .call(() -> orders.setAccessToken(tx, orderId, token)))
                            .map(v -> new CheckoutResult(order.id(), order.number(), order.status(), token,
                                    order.totals(),
                                    new CheckoutApi.PaymentSession(gateway.name(), session.paymentIntentId(),
                                            session.clientSecret())));
            });
        }).map(result -> new Idempotency.Result(201, json.text(result), false));
    }

    static OrderPayment payment(StoredOrder order) {
        return new OrderPayment(order.id(), order.number(), order.total(), order.currency(), order.email(),
                order.paymentIntentId());
    }

    private static void requirePurchasable(PricedCart priced) {
        if (priced.lines().isEmpty()) {
            throw new ProblemException(422, "CART_EMPTY", "Cart empty", "There is nothing in the cart to check out.");
        }
        List<Map<String, Object>> unavailable = new ArrayList<>();
        for (PricedLine line : priced.lines()) {
            if (!line.available()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("sku", line.sku());
                item.put("product", line.offer() == null ? null : line.offer().productSlug());
                item.put("reasons", line.decision().reasons());
                unavailable.add(item);
            }
        }
        if (!unavailable.isEmpty()) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("region", priced.cart().region());
            extensions.put("items", unavailable);
            throw new ProblemException(new Problem(422, "PRODUCT_NOT_AVAILABLE_IN_REGION",
                    "Not available in your region", "Some items in the cart can no longer be bought in region "
                            + priced.cart().region() + "; remove them and check out again.", null, extensions));
        }
    }

    private static CheckoutRequest normalize(CheckoutRequest request) {
        String pickup = request.pickupStore() == null || request.pickupStore().isBlank() ? null
                : request.pickupStore().strip();
        String method = request.deliveryMethod() == null || request.deliveryMethod().isBlank() ? null
                : request.deliveryMethod().strip().toUpperCase(Locale.ROOT);
        List<Problem.FieldError> errors = new ArrayList<>();
        ShippingAddress a = request.shippingAddress();
        if (a == null && pickup == null) {
            errors.add(new Problem.FieldError("shippingAddress", "is required, unless pickupStore is given"));
        } else if (a != null && pickup != null) {
            errors.add(new Problem.FieldError("pickupStore", "is not used with shippingAddress: give one of them"));
        }
        if (pickup != null && method != null) {
            errors.add(new Problem.FieldError("deliveryMethod", "is not used with pickupStore"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<String> claims = request.claims().stream().map(String::trim).toList();
        if (a == null) {
            return new CheckoutRequest(request.email().trim(), null, claims, null, pickup);
        }
        String country = a.country().toUpperCase(Locale.ROOT);
        String state = a.state() == null || a.state().isBlank() ? null : a.state().toUpperCase(Locale.ROOT);
        if ("US".equals(country) && state == null) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("shippingAddress.state",
                    "is required for US addresses: sales tax depends on it")));
        }
        return new CheckoutRequest(request.email().trim(), new ShippingAddress(a.name().trim(), a.line1().trim(),
                a.line2() == null || a.line2().isBlank() ? null : a.line2().trim(), a.city().trim(),
                a.postalCode() == null || a.postalCode().isBlank() ? null : a.postalCode().trim(), state, country),
                claims, method, null);
    }

    /**
     * The delivery method the order ships by: the one asked for, or the first
     * the region offers to the address; 422 DELIVERY_METHOD_UNAVAILABLE, with
     * the codes that serve the address, when there is none.
     */
    static DeliveryMethod deliveryMethod(Regions.Entry region, ShippingAddress address, String asked) {
        List<DeliveryMethod> serving = region.deliveryTo(address.country(), address.state());
        Optional<DeliveryMethod> chosen = asked == null ? serving.stream().findFirst()
                : serving.stream().filter(method -> method.code().equals(asked)).findFirst();
        return chosen.orElseThrow(() -> {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("region", region.view().code());
            extensions.put("available", serving.stream().map(DeliveryMethod::code).toList());
            String where = address.country() + (address.state() == null ? "" : "-" + address.state());
            return new ProblemException(new Problem(422, "DELIVERY_METHOD_UNAVAILABLE", "Delivery method unavailable",
                    asked == null ? "Region " + region.view().code() + " has no delivery method to " + where + "."
                            : "Delivery method " + asked + " does not ship to " + where + " in region "
                                    + region.view().code() + "; `available` lists those that do.",
                    null, extensions));
        });
    }
}
