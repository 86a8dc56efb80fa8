package storefront.aftersale;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.aftersale.AftersaleApi.ReturnInput;
import storefront.common.Idempotency;
import storefront.common.Problem;
import storefront.order.OrderApi;
import storefront.order.OrderTokens;
import storefront.order.Shoppers;

/** A shopper asks to return delivered units. */
@Path("/api/v1/orders/{id}/returns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShopperReturnResource {

    private final ReturnService returns;
    private final Shoppers shoppers;

    ShopperReturnResource(ReturnService returns, Shoppers shoppers) {
        this.returns = returns;
        this.shoppers = shoppers;
    }

    @POST
    @Tag(name = "Orders")
    @SecurityRequirementsSet(@SecurityRequirement(name = OrderTokens.SCHEME))
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(summary = "Return delivered units",
            description = "Some or all of the units delivered (or collected), within the region's return window "
                    + "after the order's last delivery (the order's returnBy). Send the parcel, or hand it in at a "
                    + "store; once it is received and inspected, the units are refunded: what was paid for them "
                    + "(with their tax where prices exclude it), and the delivery too when the return completes the "
                    + "return of the whole order. Send an Idempotency-Key: a retry never asks twice.")
    @APIResponse(responseCode = "201", description = "The return, REQUESTED.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrderApi.Return.class)))
    @APIResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_REQUIRED or VALIDATION_FAILED (a line names "
            + "more units than were delivered and not asked back yet).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "ORDER_TOKEN_REQUIRED, or INVALID_TOKEN for a bad bearer token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED: a bearer token that is not a shopper's.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND: no such order, or not with these credentials.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "NOTHING_TO_RETURN, RETURN_WINDOW_CLOSED (with `returnBy`) or "
            + "IDEMPOTENCY_KEY_IN_USE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> request(@PathParam("id") String id,
                                 @Parameter(hidden = true) @HeaderParam(OrderTokens.HEADER) String orderToken,
                                 @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                 @Valid @NotNull ReturnInput input) {
        var units = AftersaleApi.bySku(input.lines(), AftersaleApi.UnitsInput::sku, AftersaleApi.UnitsInput::quantity);
        return shoppers.current().flatMap(customer -> returns.request(id, orderToken, customer, idempotencyKey,
                units, input.reason().strip())).map(result -> Idempotency.answer(Response.status(result.status())
                .type(MediaType.APPLICATION_JSON).entity(result.body()), result.replayed()));
    }
}
