package storefront.checkout;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.checkout.CheckoutApi.CheckoutResult;
import storefront.common.Idempotency;
import storefront.common.Problem;
import storefront.order.Shoppers;

@Path("/api/v1/carts/{id}/checkout")
@Tag(name = "Checkout", description = "Turn a cart into an order and pay for it.")
public class CheckoutResource {

    private final CheckoutService service;
    private final Shoppers shoppers;

    CheckoutResource(CheckoutService service, Shoppers shoppers) {
        this.service = service;
        this.shoppers = shoppers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(summary = "Check out a cart",
            description = "Re-checks every line in the cart's region, snapshots it into an order (PENDING_PAYMENT) "
                    + "and creates its payment. Send an Idempotency-Key; a retry with the same key and body answers "
                    + "the same order and payment. Guests need no token; with a shopper token (role `shopper`) the "
                    + "order joins the shopper's account. The order holds its stock for RESERVATION_MINUTES (15 by "
                    + "default, `reservedUntil` on the order); unpaid by then it becomes EXPIRED. Flash-sale claims "
                    + "in `flashClaims` buy their units at the sale price.")
    @APIResponse(responseCode = "201", description = "The order and what the frontend needs to collect the payment.",
            headers = @Header(name = Idempotency.REPLAYED_HEADER, description = "`true` when this answer is a replay.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckoutResult.class)))
    @APIResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_REQUIRED, VALIDATION_FAILED (email, address; "
            + "a US address needs its state) or MALFORMED_BODY.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "INVALID_TOKEN: a bearer token was sent and is not valid; "
            + "AUTHENTICATION_REQUIRED: flashClaims need the claiming shopper's token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED: the token is not a shopper's.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "CART_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "OUT_OF_STOCK (with `skus`; nothing is held), "
            + "FLASH_CLAIM_INVALID (with `claim` and `reason`: NOT_FOUND, EXPIRED, ORDERED, SOLD, ...), "
            + "CART_ALREADY_CHECKED_OUT (under another key), ORDER_NOT_PAYABLE (a retry after the order expired), or "
            + "IDEMPOTENCY_KEY_IN_USE: a request with this key is in flight (see Retry-After).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "SHIPPING_COUNTRY_NOT_IN_REGION (with `servedBy`, the region "
            + "that ships there), PRODUCT_NOT_AVAILABLE_IN_REGION (with `items` and their reasons), CART_EMPTY, "
            + "DELIVERY_METHOD_UNAVAILABLE (with `available`, the codes that ship there), PICKUP_STORE_UNAVAILABLE, "
            + "PICKUP_STORE_NOT_IN_REGION (with `servedBy`, the store's region), "
            + "FLASH_CLAIM_ADDRESS_MISMATCH, FLASH_CLAIM_QUANTITY_MISMATCH, FLASH_CLAIM_NOT_IN_REGION, "
            + "FLASH_CLAIMS_FROM_SEVERAL_SALES, or IDEMPOTENCY_KEY_REUSED (the key was used for another request).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "PAYMENT_PROVIDER_ERROR: the provider refused the payment request.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "PAYMENT_PROVIDER_UNAVAILABLE: retry with the same "
            + "Idempotency-Key (see Retry-After); the order waits for it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> checkout(
            @PathParam("id") String cartId,
            @Parameter(description = "Unique per checkout attempt (a UUID); resend it on retry.", required = true)
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Valid @NotNull CheckoutApi.CheckoutRequest request) {
        return shoppers.current()
                .flatMap(customer -> service.checkout(cartId, idempotencyKey, request, customer.orElse(null),
                        acceptLanguage))
                .map(CheckoutResource::response);
    }

    static Response response(Idempotency.Result result) {
        return Idempotency.answer(Response.status(result.status()).type(MediaType.APPLICATION_JSON)
                .entity(result.body()), result.replayed());
    }
}
