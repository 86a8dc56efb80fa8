package storefront.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every problem code the API can answer, with its statuses and what it means:
 * the documentation each problem's {@code type} URI resolves to
 * ({@code /problems/{slug}}), and the {@code code} values the contract lists.
 * A test keeps it complete: every code the sources construct is here.
 */
public final class ProblemTypes {

    /** One kind of problem. */
    public record Type(String code, List<Integer> statuses, String title, String description) {

        /** The path its {@code type} URI names: {@code /problems/region-not-found}. */
        public String uri() {
            return "/problems/" + slug(code);
        }
    }

    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    private static void type(String code, List<Integer> statuses, String title, String description) {
        TYPES.put(code, new Type(code, statuses, title, description));
    }

    static {
        // Requests the API cannot take as sent.
        type("VALIDATION_FAILED", List.of(400), "Invalid request",
                "One or more parameters or fields are invalid; `errors` names each one with the reason.");
        type("MALFORMED_BODY", List.of(400), "Malformed body",
                "The body is not JSON of the operation's shape: not JSON, a member given twice, a value of the wrong "
                        + "type (a fraction or a string where an integer goes, a number where a flag goes), or text "
                        + "that cannot be stored. `errors` names the member. Nothing is coerced.");
        type("MALFORMED_URI", List.of(400), "Malformed URI",
                "The path or a query parameter is not a URI (a character that must be percent-encoded, a `%` not "
                        + "followed by two hex digits) or not percent-encoded UTF-8; `errors` names it.");
        type("MALFORMED_REQUEST", List.of(400), "Malformed request",
                "The request cannot be read as HTTP for this API (its path or framing is malformed).");
        type("BAD_REQUEST", List.of(400), "Bad request", "The request cannot be served as sent.");
        type("VALUE_NOT_STORABLE", List.of(400), "Value cannot be stored",
                "A value is out of the range or form the data can hold; nothing was changed.");
        type("CSV_INVALID", List.of(400), "Import file not readable",
                "The CSV file cannot be read as a whole (not UTF-8, unknown or missing columns, broken quoting, "
                        + "too many rows); nothing was written.");
        type("IDEMPOTENCY_KEY_REQUIRED", List.of(400), "Idempotency-Key required",
                "This operation creates or pays for something: send an Idempotency-Key header (a new random value per "
                        + "intended operation, the same one on every retry of it).");
        type("INVALID_SIGNATURE", List.of(400), "Invalid signature",
                "The webhook's Stripe-Signature is missing, malformed, stale or wrong; nothing was recorded.");
        type("URI_TOO_LONG", List.of(414), "URI too long", "The request target is over 8 KiB.");
        type("HEADERS_TOO_LARGE", List.of(431), "Headers too large", "The request's headers take over 16 KiB.");
        type("PAYLOAD_TOO_LARGE", List.of(413), "Body too large",
                "The body is over the limit (MAX_BODY_BYTES for JSON, whatever the transfer encoding); it was not read.");
        type("NOT_FOUND", List.of(404), "Not found", "No operation of this API is at this path.");
        type("METHOD_NOT_ALLOWED", List.of(405), "Method not allowed",
                "This path does not take this method; the Allow header lists those it takes.");
        type("NOT_ACCEPTABLE", List.of(406), "Not acceptable",
                "The operation answers application/json (problems as application/problem+json); the Accept header "
                        + "takes neither.");
        type("UNSUPPORTED_MEDIA_TYPE", List.of(415), "Unsupported media type",
                "The body is of a media type the operation does not take (most take application/json).");
        // Who is asking.
        type("AUTHENTICATION_REQUIRED", List.of(401), "Authentication required",
                "This operation needs a bearer token (WWW-Authenticate says which).");
        type("INVALID_TOKEN", List.of(401), "Invalid token",
                "The bearer token is malformed, expired (past the clock-skew leeway), from another issuer or signed "
                        + "with another key.");
        type("ORDER_TOKEN_REQUIRED", List.of(401), "Order token required",
                "Reading an order needs its access token (Order-Token) or the bearer token of the shopper who placed it.");
        type("ROLE_NOT_ALLOWED", List.of(403), "Not allowed", "The roles in the token do not allow this operation.");
        type("REGION_NOT_IN_SCOPE", List.of(403), "Region not in scope",
                "The ops token may not change this region (its `regions` claim does not name it).");
        type("STORE_NOT_IN_SCOPE", List.of(403), "Store not in scope",
                "The store staff token may act for the stores in its `stores` claim only (their pickups and "
                        + "returns).");
        type("CORS_ORIGIN_NOT_ALLOWED", List.of(403), "Origin not allowed",
                "A browser on an origin the API does not allow (CORS_ORIGINS) made a cross-origin call.");
        type("REGION_NOT_SERVED_HERE", List.of(421), "Region served elsewhere",
                "This deployment does not serve the region; `servedHere` lists those it does.");
        // What the request names.
        type("REGION_NOT_FOUND", List.of(404), "Region not found", "No region has this code.");
        type("COUNTRY_NOT_SERVED", List.of(404), "Country not served", "No region sells to this country.");
        type("PRODUCT_NOT_FOUND", List.of(404), "Product not found", "No product has this slug.");
        type("CATEGORY_NOT_FOUND", List.of(404), "Category not found", "No category has this code.");
        type("SKU_NOT_FOUND", List.of(404), "SKU not found", "No SKU has this code.");
        type("CART_NOT_FOUND", List.of(404), "Cart not found", "No cart has this id.");
        type("ORDER_NOT_FOUND", List.of(404), "Order not found",
                "No order with this id can be read with these credentials.");
        type("FULFILMENT_NOT_FOUND", List.of(404), "Fulfilment not found",
                "The order has no fulfilment with this number.");
        type("RETURN_NOT_FOUND", List.of(404), "Return not found", "No return has this id.");
        type("LOCATION_NOT_FOUND", List.of(404), "Stock location not found", "No stock location has this id.");
        type("STOCK_NOT_FOUND", List.of(404), "No stock", "The SKU has no stock row in the region; set it first.");
        type("FLASH_SALE_NOT_FOUND", List.of(404), "Flash sale not found", "No flash sale has this id.");
        type("STORE_NOT_FOUND", List.of(404), "Store not found", "No store has this id.");
        type("SELLER_NOT_FOUND", List.of(404), "Seller not found", "No seller in the registry has this id.");
        type("WEBHOOK_NOT_FOUND", List.of(404), "Webhook subscription not found",
                "No webhook subscription has this id.");
        type("WEBHOOK_EVENT_NOT_FOUND", List.of(404), "Event not found",
                "No event with this id is one the subscription takes.");
        type("WEBHOOK_NOT_CONFIGURED", List.of(404), "Webhook not configured",
                "Stripe is not the payment provider of this deployment.");
        // Availability.
        type("PRODUCT_NOT_AVAILABLE_IN_REGION", List.of(404, 422), "Not available in your region",
                "The product or SKU cannot be sold in the region now; `reasons` says every reason (REGION_CLOSED, "
                        + "CATEGORY_NOT_SOLD, PRODUCT_DELISTED, MISSING_CERTIFICATION, ...) and, for a product, "
                        + "`availableIn` where it is sold. 404 from the catalog, 422 from the cart, checkout and "
                        + "flash sales.");
        type("SHIPPING_COUNTRY_NOT_IN_REGION", List.of(422), "Ships from another region",
                "The cart's region does not ship to this country; `servedBy` names the region that does.");
        // Preconditions and concurrency.
        type("PRECONDITION_REQUIRED", List.of(428), "If-Match required",
                "The target exists: send If-Match with its ETag as you read it, so that a concurrent change is not "
                        + "overwritten.");
        type("PRECONDITION_FAILED", List.of(412), "Changed since you read it",
                "The target changed since the ETag in If-Match (`target` names it); read it again and decide anew.");
        type("CONCURRENT_CHANGE", List.of(409), "Concurrent change",
                "Another change to the same data was made at the same moment; read again and retry.");
        type("CONSTRAINT_VIOLATED", List.of(422), "Not allowed by the data's rules",
                "The change would leave the data in a state its rules do not allow; nothing was changed.");
        type("IDEMPOTENCY_KEY_IN_USE", List.of(409), "Idempotency-Key in use",
                "A request with this key is still in flight; retry after Retry-After with the same key.");
        type("IDEMPOTENCY_KEY_REUSED", List.of(422), "Idempotency-Key reused",
                "This key was used for another request (another body, cart, sale or address); use a new key.");
        type("WRITE_RATE_LIMITED", List.of(429), "Too many requests",
                "Too many writes from this client address; retry after Retry-After.");
        type("CLAIM_RATE_LIMITED", List.of(429), "Too many claims",
                "Too many flash-sale claims from this shopper; retry after Retry-After.");
        // Carts, checkout, orders, payments.
        type("CART_FULL", List.of(422), "Cart full", "A cart holds at most 50 lines.");
        type("CART_CHECKED_OUT", List.of(409), "Cart checked out", "The cart is an order now and can no longer change.");
        type("CART_EMPTY", List.of(422), "Cart empty", "There is nothing in the cart to check out.");
        type("PICKUP_STORE_UNAVAILABLE", List.of(422), "No pickup at this store",
                "The store named for pickup does not exist, is not open, or does not offer PICKUP.");
        type("PICKUP_STORE_NOT_IN_REGION", List.of(422), "Store in another region",
                "The store named for pickup is in another region than the cart's; `servedBy` names it.");
        type("DELIVERY_METHOD_NOT_FOUND", List.of(404), "Delivery method not found",
                "The region has no delivery method with this code.");
        type("DELIVERY_METHOD_UNAVAILABLE", List.of(422), "Delivery method unavailable",
                "The delivery method asked for does not ship to the address (or the region has none that does); "
                        + "`available` lists the codes that do.");
        type("CART_ALREADY_CHECKED_OUT", List.of(409), "Cart already checked out",
                "The cart is already an order; a retry of that checkout must reuse its Idempotency-Key.");
        type("OUT_OF_STOCK", List.of(409), "Out of stock",
                "Not enough units of the SKUs named in `skus`; nothing was held.");
        type("ORDER_NOT_PAYABLE", List.of(409), "Order not payable", "The order can no longer be paid (it expired).");
        type("ORDER_NOT_REFUNDABLE", List.of(409), "Order not refundable", "The order has no payment to refund.");
        type("REFUND_EXCEEDS_PAYMENT", List.of(422), "Refund exceeds payment",
                "More than what is left to refund; `refundableMinor` says how much that is.");
        type("ORDER_NOT_CANCELLABLE", List.of(409), "Order not cancellable",
                "Only a paid order none of whose units has left (shipped, or ready at the pickup store) can be "
                        + "cancelled; `progress` says where it stands.");
        type("NOTHING_TO_RETURN", List.of(409), "Nothing to return",
                "None of the order's units is delivered (or collected) and not yet asked back.");
        type("RETURN_WINDOW_CLOSED", List.of(409), "Return window closed",
                "The region's return window after the order's last delivery has passed (`returnBy`).");
        type("MANUAL_PAYMENT_NOT_ENABLED", List.of(409), "Manual payments not enabled",
                "Orders are confirmed by hand only when the manual payment provider is active (dev mode).");
        type("PAYMENT_PROVIDER_UNAVAILABLE", List.of(503), "Payment provider unavailable",
                "The payment provider could not be reached; retry with the same Idempotency-Key.");
        type("PAYMENT_PROVIDER_ERROR", List.of(502), "Payment provider error",
                "The payment provider refused the request; it has been logged.");
        type("FLASH_CLAIM_INVALID", List.of(409), "Claim not usable",
                "A flash-sale claim at checkout is unknown, not the shopper's, expired or already used.");
        type("FLASH_CLAIM_NOT_IN_REGION", List.of(422), "Claim not in the cart's region",
                "A flash-sale claim is for another region than the cart's.");
        type("FLASH_CLAIM_ADDRESS_MISMATCH", List.of(422), "Not the claim's address",
                "A claimed unit ships to the address given when claiming.");
        type("FLASH_CLAIM_QUANTITY_MISMATCH", List.of(422), "Claims and cart disagree",
                "The cart must hold exactly as many units of a claimed SKU as there are claims for it.");
        type("FLASH_CLAIMS_FROM_SEVERAL_SALES", List.of(422), "Claims of several sales",
                "The claims of one checkout for a SKU come from one sale.");
        // Flash sales.
        type("NOT_STARTED", List.of(409), "Sale not started", "The sale has not started; Retry-After says when.");
        type("ENDED", List.of(409), "Sale ended", "The sale has ended.");
        type("SOLD_OUT", List.of(409), "Sold out",
                "Every unit is claimed; units of claims that expire unused come back until the sale ends.");
        type("LIMIT_REACHED", List.of(409), "Limit reached",
                "The shopper's account or shipping address (`limitedBy`) holds the sale's per-customer limit.");
        // Ops.
        type("FULFILMENT_TRANSITION_REFUSED", List.of(409), "Fulfilment cannot move so",
                "The fulfilment's status (`fulfilmentStatus`) or kind does not allow this step (a pickup is not "
                        + "shipped; a shipped parcel is not cancelled; a shipped parcel is not shipped again with "
                        + "other tracking).");
        type("RETURN_TRANSITION_REFUSED", List.of(409), "Return cannot move so",
                "The return's status (`returnStatus`) does not allow this step (a refused return is not refunded; "
                        + "a return is received before it is refunded).");
        type("PICKUP_CODE_MISMATCH", List.of(422), "Pickup code does not match",
                "The code given at the counter is not the order's pickup code; nothing was handed over.");
        type("STOCK_BELOW_RESERVED", List.of(409), "Below what is reserved",
                "Units on hand cannot go below the units held by orders and flash sales (`reserved`).");
        type("STOCK_BELOW_ALLOCATED", List.of(409), "Below what is allocated",
                "A location's units on hand cannot go below those allocated to paid orders there (`allocated`).");
        type("STOCK_AT_OTHER_LOCATIONS", List.of(409), "Stock at other locations",
                "A region-wide count moves the region's main warehouse; the units it would remove are at other "
                        + "locations (`atMainWarehouse` says how many are at the main one).");
        type("PRODUCT_SLUG_TAKEN", List.of(409), "Slug taken", "Another product has this slug.");
        type("SKU_CODE_TAKEN", List.of(409), "SKU code taken", "These SKU codes (`skus`) belong to another product.");
        type("PRODUCT_ALREADY_RETIRED", List.of(409), "Already retired", "The product is retired already.");
        type("SELLER_IDENTITY_TAKEN", List.of(409), "Domain or storefront taken",
                "A domain or storefront belongs to one seller only; `taken` lists those of others.");
        // The server.
        type("DATABASE_UNAVAILABLE", List.of(503), "Service unavailable",
                "The database cannot be reached right now; retry after Retry-After (with the same Idempotency-Key).");
        type("REQUEST_TIMEOUT", List.of(503), "Request timed out",
                "The request did not complete in time; retry after Retry-After (with the same Idempotency-Key).");
        type("INTERNAL_ERROR", List.of(500), "Internal error",
                "The request could not be completed because of a fault of the server; it has been logged.");
    }

    private ProblemTypes() {
    }

    /** Every problem type, in a stable order. */
    public static List<Type> all() {
        return List.copyOf(TYPES.values());
    }

    public static Optional<Type> ofCode(String code) {
        return Optional.ofNullable(TYPES.get(code));
    }

    public static Optional<Type> ofSlug(String slug) {
        return slug == null ? Optional.empty() : ofCode(slug.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** {@code REGION_NOT_FOUND} as it appears in a type URI: {@code region-not-found}. */
    public static String slug(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
