package storefront.aftersale;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.aftersale.AftersaleApi.ReceiveInput;
import storefront.aftersale.AftersaleApi.RefundInput;
import storefront.aftersale.AftersaleApi.RefusalInput;
import storefront.audit.Operator;
import storefront.common.Problem;
import storefront.order.OrderApi;

/**
 * Staff handle returns: receive the parcel at a stock location, then refund
 * (restocking or writing off each unit) or refuse. Ops act in their regions;
 * store staff on returns handed in at their stores.
 */
@Path("/api/v1/admin/returns/{id}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: returns", description = "Receive, inspect and refund, or refuse, what shoppers send back.")
public class ReturnAdminResource {

    private final ReturnService returns;
    private final JsonWebToken token;

    ReturnAdminResource(ReturnService returns, JsonWebToken token) {
        this.returns = returns;
        this.token = token;
    }

    @GET
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR, Operator.STORE})
    @Operation(summary = "Read a return",
            description = "Its id is in the order's returns. Store staff read the returns received at their stores.")
    @APIResponse(responseCode = "200", description = "The return.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderApi.Return.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, REGION_NOT_IN_SCOPE or STORE_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "RETURN_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderApi.Return> get(@PathParam("id") String id) {
        return returns.read(Operator.of(token), id);
    }

    @POST
    @Path("/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.STORE})
    @Operation(summary = "Receive a return's parcel",
            description = "At a stock location of the order's region: the warehouse it was sent to, or the store it "
                    + "was handed in at (store staff: one of their stores). Receiving it again changes nothing.")
    @APIResponse(responseCode = "200", description = "The return, RECEIVED.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderApi.Return.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (a location of another region, or none).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, REGION_NOT_IN_SCOPE or STORE_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "RETURN_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "RETURN_TRANSITION_REFUSED (with `returnStatus`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderApi.Return> receive(@PathParam("id") String id, @Valid @NotNull ReceiveInput input) {
        return returns.receive(Operator.of(token), id, input.location().strip(), input.note());
    }

    @POST
    @Path("/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.STORE})
    @Operation(summary = "Refund an inspected return",
            description = "Each unit goes back in stock at the receiving location or is written off. The refund is "
                    + "what was paid for the units (with their share of tax where prices exclude it), and "
                    + "everything left of the payment, delivery included, when this return completes the return of "
                    + "the whole order; `refundMinor` may give less, never more. It goes to the payment provider "
                    + "after the decision commits, and again until the provider takes it. Refunding again changes "
                    + "nothing.")
    @APIResponse(responseCode = "200", description = "The return, REFUNDED.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderApi.Return.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (lines that do not add up, or more than "
            + "the rule gives).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, REGION_NOT_IN_SCOPE or STORE_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "RETURN_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "RETURN_TRANSITION_REFUSED (with `returnStatus`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderApi.Return> refund(@PathParam("id") String id, @Valid @NotNull RefundInput input) {
        var ends = input.lines() == null ? null : AftersaleApi.bySku(input.lines(),
                AftersaleApi.DispositionInput::sku, d -> new ReturnService.Disposition(d.restock(), d.writeOff()));
        return returns.refund(Operator.of(token), id, ends, input.refundMinor(), input.reason().strip());
    }

    @POST
    @Path("/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.STORE})
    @Operation(summary = "Refuse a return",
            description = "With a reason the shopper sees; nothing is refunded. A refunded return is not refused.")
    @APIResponse(responseCode = "200", description = "The return, REFUSED.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderApi.Return.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, REGION_NOT_IN_SCOPE or STORE_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "RETURN_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "RETURN_TRANSITION_REFUSED (with `returnStatus`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderApi.Return> refuse(@PathParam("id") String id, @Valid @NotNull RefusalInput input) {
        return returns.refuse(Operator.of(token), id, input.reason().strip());
    }
}
