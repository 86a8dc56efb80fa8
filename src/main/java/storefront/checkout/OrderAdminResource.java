package storefront.checkout;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.checkout.CheckoutApi.RefundResult;
import storefront.common.Idempotency;
import storefront.common.Problem;
import storefront.audit.Operator;
import storefront.order.OrderApi.OrderView;
import storefront.order.OrderService;

@Path("/api/v1/admin/orders/{id}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: orders", description = "Support and money: read orders, confirm manual payments, refund.")
public class OrderAdminResource {

    @Schema(name = "ManualPayment")
    public record ManualPayment(@Schema(description = "Why, for the audit log.") @NotBlank @Size(max = 500)
                                String reason) {
    }

    private final OrderService orders;
    private final PaymentAdminService payments;
    private final JsonWebToken token;

    OrderAdminResource(OrderService orders, PaymentAdminService payments, JsonWebToken token) {
        this.orders = orders;
        this.payments = payments;
        this.token = token;
    }

    @GET
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "Read any order",
            description = "Any order of any region, with its lines, totals, payment and refunds, for ops and "
                    + "auditors.")
    @APIResponse(responseCode = "200", description = "The order.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView> get(@PathParam("id") String id) {
        return orders.readAsOps(id);
    }

    @POST
    @Path("/manual-payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Confirm the payment of an order (manual provider, dev mode)",
            description = "Stands in for the payment provider's success event where no provider is configured.")
    @APIResponse(responseCode = "200", description = "The order, now PAID.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or REGION_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "MANUAL_PAYMENT_NOT_ENABLED (Stripe confirms payments) or "
            + "ORDER_NOT_PAYABLE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView> confirmManualPayment(@PathParam("id") String id, @Valid @NotNull ManualPayment request) {
        return payments.confirmManualPayment(Operator.of(token), id, request.reason());
    }

    @POST
    @Path("/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Operator.ADMIN)
    @Operation(summary = "Refund a paid order, fully or in part",
            description = "Asks the payment provider for the refund (with Stripe, the order shows it when Stripe "
                    + "reports charge.refunded). Send an Idempotency-Key: a retry never refunds twice.")
    @APIResponse(responseCode = "201", description = "The refund was asked for.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundResult.class)))
    @APIResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_REQUIRED or VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED: ops-admin only.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "ORDER_NOT_REFUNDABLE or IDEMPOTENCY_KEY_IN_USE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "REFUND_EXCEEDS_PAYMENT (with `refundableMinor`) or "
            + "IDEMPOTENCY_KEY_REUSED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "PAYMENT_PROVIDER_UNAVAILABLE: retry with the same key.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> refund(@PathParam("id") String id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull CheckoutApi.RefundRequest request) {
        return payments.refund(Operator.of(token), id, idempotencyKey, request).map(CheckoutResource::response);
    }
}
