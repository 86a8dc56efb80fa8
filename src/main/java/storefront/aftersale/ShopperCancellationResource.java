package storefront.aftersale;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.aftersale.AftersaleApi.ShopperCancel;
import storefront.common.Problem;
import storefront.order.OrderApi.OrderView;
import storefront.order.OrderTokens;
import storefront.order.Shoppers;

/** A shopper cancels a paid order before any of it leaves. */
@Path("/api/v1/orders/{id}/cancellation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShopperCancellationResource {

    private final CancellationService cancellations;
    private final Shoppers shoppers;

    ShopperCancellationResource(CancellationService cancellations, Shoppers shoppers) {
        this.cancellations = cancellations;
        this.shoppers = shoppers;
    }

    @POST
    @Tag(name = "Orders")
    @SecurityRequirementsSet(@SecurityRequirement(name = OrderTokens.SCHEME))
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(summary = "Cancel a paid order",
            description = "Until the first of its units ships (or is ready at the pickup store): every fulfilment "
                    + "is cancelled, the stock goes back, and what was paid is refunded through the payment "
                    + "provider (the order shows it once the provider confirms). Needs the order's token or its "
                    + "shopper's bearer token, as reading it does. Cancelling again changes nothing.")
    @APIResponse(responseCode = "200", description = "The order, cancelled.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "ORDER_TOKEN_REQUIRED, or INVALID_TOKEN for a bad bearer token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED: a bearer token that is not a shopper's.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND: no such order, or not with these credentials.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "ORDER_NOT_CANCELLABLE (with `progress`): not paid, or some "
            + "of it has left.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView> byShopper(@PathParam("id") String id,
                                    @Parameter(hidden = true) @HeaderParam(OrderTokens.HEADER) String orderToken,
                                    @Valid ShopperCancel request) {
        return shoppers.current().flatMap(customer -> cancellations.byShopper(id, orderToken, customer,
                request == null ? null : request.reason()));
    }
}
