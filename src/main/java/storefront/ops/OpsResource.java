package storefront.ops;

import storefront.audit.Operator;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.ops.OpsApi.AppliedChange;
import storefront.ops.OpsApi.CategoryInput;
import storefront.ops.OpsApi.CategoryStatus;
import storefront.ops.OpsApi.Change;
import storefront.ops.OpsApi.ChangeSetInput;
import storefront.ops.OpsApi.ChangeSetResult;
import storefront.ops.OpsApi.ChangeType;
import storefront.ops.OpsApi.ListingInput;
import storefront.ops.OpsApi.Preview;
import storefront.ops.OpsApi.ProductListing;
import storefront.ops.OpsApi.RegionStatus;
import storefront.ops.OpsApi.RegionStatusInput;
import storefront.ops.OpsApi.WindowInput;
import storefront.ops.ToggleService.Kind;
import storefront.ops.ToggleService.Target;

/** The switches of each regional catalog, for ops. Reads are open to every ops role; changes to ops and ops-admin. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
@Tag(name = "Ops: regional catalog", description = "Open and close regions, sell categories, list products and "
        + "schedule windows, in one change or an atomic change set; preview what shoppers see. Every change needs a "
        + "reason and If-Match, and is audited.")
@APIResponse(responseCode = "401", description = "No token (AUTHENTICATION_REQUIRED) or an invalid one (INVALID_TOKEN).",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not do this (ROLE_NOT_ALLOWED) or a region outside "
        + "the token's scope (REGION_NOT_IN_SCOPE).",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OpsResource {

    @Inject
    JsonWebToken token;

    private final ToggleService service;

    OpsResource(ToggleService service) {
        this.service = service;
    }

    @GET
    @Path("/regions/{region}/status")
    @Operation(summary = "Whether a region is open", description = "Its ETag is what PUT needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The region's status.", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionStatus.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> regionStatus(@PathParam("region") String region) {
        return read(new Target(Kind.REGION, upper(region), null, null));
    }

    @PUT
    @Path("/regions/{region}/status")
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Open or close a region", description = "Closing hides every product of the region from "
            + "shoppers at once, with the reason REGION_CLOSED.")
    @APIResponse(responseCode = "200", description = "The region's new status.", headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionStatus.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> setRegionStatus(@PathParam("region") String region,
                                         @Parameter(description = "The ETag from GET.", required = true)
                                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                         @Valid @NotNull RegionStatusInput input) {
        return single(new Change(input.open() ? ChangeType.OPEN_REGION : ChangeType.CLOSE_REGION, region, null, null,
                null, null, ifMatch), input.reason());
    }

    @GET
    @Path("/regions/{region}/categories/{category}")
    @Operation(summary = "Whether a region sells a category")
    @APIResponse(responseCode = "200", description = "The category's status in the region.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryStatus.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND or CATEGORY_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> categoryStatus(@PathParam("region") String region, @PathParam("category") String category) {
        return read(new Target(Kind.CATEGORY, upper(region), upper(category), null));
    }

    @PUT
    @Path("/regions/{region}/categories/{category}")
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Sell or stop selling a category in a region")
    @APIResponse(responseCode = "200", description = "The category's new status in the region.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryStatus.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND or CATEGORY_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> setCategory(@PathParam("region") String region, @PathParam("category") String category,
                                     @Parameter(description = "The ETag from GET.", required = true)
                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @Valid @NotNull CategoryInput input) {
        return single(new Change(input.sold() ? ChangeType.SELL_CATEGORY : ChangeType.STOP_CATEGORY, region, category,
                null, null, null, ifMatch), input.reason());
    }

    @GET
    @Path("/regions/{region}/products/{slug}")
    @Operation(summary = "A product's listing and sales window in a region",
            description = "Its ETag is what the listing and launch-window PUTs need in If-Match.")
    @APIResponse(responseCode = "200", description = "The product's standing in the region.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductListing.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND or PRODUCT_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> listing(@PathParam("region") String region, @PathParam("slug") String slug) {
        return read(new Target(Kind.LISTING, upper(region), null, slug));
    }

    @PUT
    @Path("/regions/{region}/products/{slug}/listing")
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "List or delist a product in a region",
            description = "A delisted product shows shoppers PRODUCT_DELISTED with the reason given here.")
    @APIResponse(responseCode = "200", description = "The product's new standing in the region.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductListing.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND or PRODUCT_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> setListing(@PathParam("region") String region, @PathParam("slug") String slug,
                                    @Parameter(description = "The ETag from GET .../products/{slug}.", required = true)
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @Valid @NotNull ListingInput input) {
        return single(new Change(input.listed() ? ChangeType.LIST_PRODUCT : ChangeType.DELIST_PRODUCT, region, null,
                slug, null, null, ifMatch), input.reason());
    }

    @PUT
    @Path("/regions/{region}/products/{slug}/launch-window")
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Set or clear a product's sales window in a region",
            description = "Shoppers see the product from availableFrom (inclusive) until availableUntil (exclusive), "
                    + "at those very instants, with no further action. Both null clears the window.")
    @APIResponse(responseCode = "200", description = "The product's new standing in the region.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductListing.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND or PRODUCT_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> setWindow(@PathParam("region") String region, @PathParam("slug") String slug,
                                   @Parameter(description = "The ETag from GET .../products/{slug}.", required = true)
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull WindowInput input) {
        boolean clear = input.availableFrom() == null && input.availableUntil() == null;
        return single(new Change(clear ? ChangeType.CLEAR_WINDOW : ChangeType.SET_WINDOW, region, null, slug,
                input.availableFrom(), input.availableUntil(), ifMatch), input.reason());
    }

    @POST
    @Path("/change-sets")
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Apply several changes at once, atomically",
            description = "All changes are applied in order in one transaction, or none is. The answer lists each "
                    + "target before and after, and per region the products shoppers start and stop seeing. With "
                    + "dryRun=true nothing is written (ifMatch is then optional) and the answer is what would happen.")
    @APIResponse(responseCode = "200", description = "Applied, or what would be applied on a dry run.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeSetResult.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, with field errors such as changes[2].category.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND, CATEGORY_NOT_FOUND or PRODUCT_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "CONCURRENT_CHANGE: another change set met this one; retry.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: a target changed since its ifMatch; "
            + "`change` and `target` name it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "PRECONDITION_REQUIRED: changes without ifMatch, listed in `changes`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ChangeSetResult> changeSet(
            @Parameter(description = "true: compute the answer and write nothing.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("dryRun") String dryRun,
            @Valid @NotNull ChangeSetInput input) {
        return service.apply(Operator.of(token), input.reason(), input.changes(), QueryParams.flag("dryRun", dryRun), false);
    }

    @GET
    @Path("/regions/{region}/preview")
    @Operation(summary = "What a shopper of the region sees at an instant",
            description = "Every product, available or not with its reasons, at `at` (default now), with scheduled "
                    + "windows applied: preview a launch before it happens.")
    @APIResponse(responseCode = "200", description = "The preview.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Preview.class)))
    @APIResponse(responseCode = "400", description = "`at` is not an ISO 8601 instant (VALIDATION_FAILED).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Preview> preview(@PathParam("region") String region,
                                @Parameter(description = "ISO 8601 instant; default now.", example = "2026-12-01T08:00:00Z",
                                        schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                @QueryParam("at") String at) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant instant = QueryParams.instant("at", at, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return service.preview(upper(region), instant);
    }

    private Uni<Response> read(Target target) {
        return service.state(target).map(s -> Response.ok(s.state()).header(HttpHeaders.ETAG, s.etag()).build());
    }

    private Uni<Response> single(Change change, String reason) {
        return service.apply(Operator.of(token), reason, List.of(change), false, true).map(result -> {
            AppliedChange applied = result.changes().get(0);
            return Response.ok(applied.after()).header(HttpHeaders.ETAG, applied.etag()).build();
        });
    }

    private static String upper(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
