package storefront.inventory;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.HeaderParam;
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
import storefront.common.Problem;
import storefront.inventory.StockApi.StockLevel;
import storefront.inventory.StockApi.StockList;
import storefront.audit.Operator;

@Path("/api/v1/admin/stock")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: stock", description = "Stock per SKU and region.")
public class StockAdminResource {

    private final StockAdminService service;
    private final JsonWebToken token;

    StockAdminResource(StockAdminService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "Stock of a region",
            description = "Every SKU stocked in the region (or one, with sku): on hand, reserved by orders and flash "
                    + "sales, available, and the state shoppers see.")
    @APIResponse(responseCode = "200", description = "Stock by SKU.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StockList.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: region missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StockList> list(@Parameter(required = true, example = "US") @QueryParam("region") String region,
                               @Parameter(description = "One SKU only.") @QueryParam("sku") String sku) {
        return service.list(region, sku);
    }

    @GET
    @Path("/{region}/{sku}")
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "Stock of one SKU in a region", description = "Its ETag is what setting it needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The stock.",
            headers = @Header(name = HttpHeaders.ETAG, description = "What PUT needs in If-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StockLevel.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND or STOCK_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> one(@PathParam("region") String region, @PathParam("sku") String sku) {
        return service.one(region, sku).map(StockAdminResource::tagged);
    }

    @PUT
    @Path("/{region}/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Set the units on hand", description = "After a count: If-Match carries the ETag of the "
            + "stock the count was made against (GET /admin/stock/{region}/{sku}); a SKU new to the region takes none "
            + "and gets its row. Audited.")
    @APIResponse(responseCode = "200", description = "The stock now.",
            headers = @Header(name = HttpHeaders.ETAG, description = "Of the stock now.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StockLevel.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: the stock changed since the ETag in "
            + "If-Match (or If-Match was sent for a SKU with no stock yet).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "PRECONDITION_REQUIRED: the SKU has stock in the region and "
            + "If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or REGION_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND or SKU_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "STOCK_BELOW_RESERVED: fewer than the units orders and flash "
            + "sales hold; STOCK_AT_OTHER_LOCATIONS: the count moves the main warehouse, which holds fewer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> set(@PathParam("region") String region, @PathParam("sku") String sku,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull StockApi.SetStock request) {
        return service.set(Operator.of(token), region, sku, ifMatch, request).map(StockAdminResource::tagged);
    }

    private static Response tagged(StockAdminService.Tagged stock) {
        return Response.ok(stock.level()).header(HttpHeaders.ETAG, stock.etag()).build();
    }

    @POST
    @Path("/{region}/{sku}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Add or remove units on hand", description = "Applied as one conditional update, so it "
            + "needs no If-Match: adjustments made at the same time all count. Audited.")
    @APIResponse(responseCode = "200", description = "The stock now.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StockLevel.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (delta 0 or out of range).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or REGION_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND or STOCK_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "STOCK_BELOW_RESERVED or STOCK_AT_OTHER_LOCATIONS.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StockLevel> adjust(@PathParam("region") String region, @PathParam("sku") String sku,
                                  @Valid @NotNull StockApi.Adjustment request) {
        return service.adjust(Operator.of(token), region, sku, request);
    }
}
