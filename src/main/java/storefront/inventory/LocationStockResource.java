package storefront.inventory;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.audit.Operator;
import storefront.common.Problem;
import storefront.inventory.StockApi.Adjustment;
import storefront.inventory.StockApi.LocationList;
import storefront.inventory.StockApi.LocationStock;
import storefront.inventory.StockApi.LocationStockLevel;

@Path("/api/v1/admin/locations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: stock", description = "Stock per SKU and region.")
public class LocationStockResource {

    private final LocationStockService locations;
    private final JsonWebToken token;

    LocationStockResource(LocationStockService locations, JsonWebToken token) {
        this.locations = locations;
        this.token = token;
    }

    @GET
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "A region's stock locations",
            description = "Its main warehouse first, then other warehouses, then the stores that hold stock.")
    @APIResponse(responseCode = "200", description = "The locations.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocationList.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: region is required.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LocationList> list(@Parameter(description = "Region code.", required = true) @QueryParam("region")
                                  String region) {
        return locations.list(region);
    }

    @GET
    @Path("/{id}/stock")
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR, Operator.STORE})
    @Operation(summary = "Stock at one location",
            description = "Per SKU: on hand, allocated to paid orders, and free (what it adds to the region's "
                    + "stock). Store staff read their stores' shelves.")
    @APIResponse(responseCode = "200", description = "The location's stock.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocationStock.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or STORE_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "LOCATION_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LocationStock> stock(@PathParam("id") String id) {
        return locations.stock(Operator.of(token), id);
    }

    @POST
    @Path("/{id}/stock/{sku}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.STORE})
    @Operation(summary = "Adjust one SKU's units at a location",
            description = "A delivery received (positive) or a loss (negative). Never below what is allocated "
                    + "there to paid orders, nor the region below what unpaid orders and flash sales hold; the "
                    + "region's stock moves with it. Audited with the reason.")
    @APIResponse(responseCode = "200", description = "The SKU's units at the location, after.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocationStockLevel.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (delta 0, or past the maximum).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, REGION_NOT_IN_SCOPE or STORE_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "LOCATION_NOT_FOUND or SKU_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "STOCK_BELOW_ALLOCATED (with `allocated`, `onHand`) or "
            + "STOCK_BELOW_RESERVED (with `reserved`, `onHand`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LocationStockLevel> adjust(@PathParam("id") String id, @PathParam("sku") String sku,
                                          @Valid @NotNull Adjustment request) {
        return locations.adjust(Operator.of(token), id, sku, request);
    }
}
