package storefront.aftersale;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import storefront.aftersale.AftersaleApi.OpsCancel;
import storefront.audit.Operator;
import storefront.common.Problem;
import storefront.order.OrderApi.OrderView;

/** Ops cancel a paid order for its shopper, before any of it leaves. */
@Path("/api/v1/admin/orders/{id}/cancellation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpsCancellationResource {

    private final CancellationService cancellations;
    private final JsonWebToken token;

    OpsCancellationResource(CancellationService cancellations, JsonWebToken token) {
        this.cancellations = cancellations;
        this.token = token;
    }

    @POST
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Tag(name = "Ops: orders")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Cancel a paid order for its shopper",
            description = "As the shopper may: until the first unit ships or is ready for pickup; audited with "
                    + "the reason, which the order shows its shopper.")
    @APIResponse(responseCode = "200", description = "The order, cancelled.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or REGION_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "ORDER_NOT_CANCELLABLE (with `progress`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView> byOps(@PathParam("id") String id, @Valid @NotNull OpsCancel request) {
        return cancellations.byOps(Operator.of(token), id, request.reason());
    }
}
