package storefront.inventory;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.audit.Operator;
import storefront.common.Problem;
import storefront.inventory.StockApi.Adjustment;
import storefront.inventory.StockApi.Location;
import storefront.inventory.StockApi.LocationInput;
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
    @Path("/{id}")
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "One stock location", description = "Its ETag is what a replace needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The location.",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Location.class)))
    @APIResponse(responseCode = "404", description = "LOCATION_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return locations.one(id).map(written -> Response.ok(written.location())
                .header(HttpHeaders.ETAG, written.etag()).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Create or replace a stock location",
            description = "A warehouse of a region (name, country and state, coordinates), or a store's shelf "
                    + "(placed where its store is; one per store). A location keeps its region, kind and store. "
                    + "Replacing needs If-Match with the GET's ETag; creating takes none. Audited as "
                    + "CREATE_STOCK_LOCATION or UPDATE_STOCK_LOCATION; allocation takes it into account at the next "
                    + "payment.")
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged).",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Location.class)))
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Location.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a malformed id, a country the region does "
            + "not ship to, a store that is not in the directory or has its shelf, a change of region, kind or "
            + "store.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or REGION_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: the location changed since the ETag "
            + "(or If-Match was sent for a location that does not exist).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "PRECONDITION_REQUIRED: the location exists and If-Match is "
            + "missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull LocationInput input) {
        return locations.put(Operator.of(token), id, ifMatch, input).map(written -> Response
                .status(written.created() ? 201 : 200).entity(written.location())
                .header(HttpHeaders.ETAG, written.etag()).build());
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
