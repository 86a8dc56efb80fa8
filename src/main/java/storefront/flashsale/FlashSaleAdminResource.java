package storefront.flashsale;

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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.common.Problem;
import storefront.flashsale.FlashSaleApi.FlashSaleAdminView;
import storefront.flashsale.FlashSaleApi.NewFlashSale;
import storefront.audit.Operator;

@Path("/api/v1/admin/flash-sales")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: flash sales", description = "Create flash sales and watch them sell.")
public class FlashSaleAdminResource {

    private final FlashSaleAdminService service;
    private final JsonWebToken token;

    FlashSaleAdminResource(FlashSaleAdminService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Create a flash sale",
            description = "Sets the quantity aside from the region's available stock at once; what is left in the "
                    + "sale when it ends goes back to stock. Audited.")
    @APIResponse(responseCode = "201", description = "The sale.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FlashSaleAdminView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or REGION_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "SKU_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "OUT_OF_STOCK: the region has fewer units available.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "PRODUCT_NOT_AVAILABLE_IN_REGION: the region may not sell the SKU "
            + "(its `reasons`: delisted, a certification missing, no price, ...).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull NewFlashSale request) {
        return service.create(Operator.of(token), request).map(sale -> Response.status(201).entity(sale).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "A flash sale with its counts",
            description = "Units left in the pool, and the sale's claims by status: granted, ordered, sold, expired, "
                    + "released.")
    @APIResponse(responseCode = "200", description = "The sale, units left and claims by status.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FlashSaleAdminView.class)))
    @APIResponse(responseCode = "404", description = "FLASH_SALE_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FlashSaleAdminView> get(@PathParam("id") String id) {
        return service.adminView(id);
    }
}
