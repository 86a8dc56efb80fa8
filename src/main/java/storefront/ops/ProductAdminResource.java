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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import storefront.ops.OpsApi.PricesInput;
import storefront.ops.OpsApi.ProductInput;
import storefront.ops.OpsApi.ProductView;
import storefront.ops.OpsApi.RetireInput;
import storefront.ops.ProductAdminService.Tagged;

/** Products, their SKUs, texts, certifications and regional prices. Changes are for ops-admin. */
@Path("/api/v1/admin/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Operator.ADMIN)
@Tag(name = "Ops: products", description = "Create, update and retire products; set prices per region. "
        + "Every change needs a reason and (but for create) If-Match, and is audited.")
@APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED: changes need ops-admin.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ProductAdminResource {

    private static final String PRODUCT_JSON = "The product, with its ETag.";

    @Inject
    JsonWebToken token;

    private final ProductAdminService service;

    ProductAdminResource(ProductAdminService service) {
        this.service = service;
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "A product as ops maintain it, with prices in every region")
    @APIResponse(responseCode = "200", description = PRODUCT_JSON, headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("slug") String slug) {
        return service.get(slug).map(t -> ok(t).build());
    }

    @POST
    @Operation(summary = "Create a product", description = "With its SKUs, texts and certifications; prices follow "
            + "per region. Nothing is written unless all of it is valid.")
    @APIResponse(responseCode = "201", description = PRODUCT_JSON, headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (unknown category or certification, "
            + "malformed codes, duplicates in the request) or MALFORMED_BODY.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "PRODUCT_SLUG_TAKEN or SKU_CODE_TAKEN (with `skus`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull ProductInput input) {
        return service.create(Operator.of(token), input).map(t -> ok(t).status(Response.Status.CREATED)
                .location(URI.create("/api/v1/admin/products/" + t.product().slug())).build());
    }

    @PUT
    @Path("/{slug}")
    @Operation(summary = "Update a product", description = "Replaces category, certifications, texts and SKUs "
            + "(matched by code; SKUs left out are removed with their prices).")
    @APIResponse(responseCode = "200", description = PRODUCT_JSON, headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "SKU_CODE_TAKEN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: changed since the ETag in If-Match.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "PRECONDITION_REQUIRED: If-Match missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("slug") String slug,
                                @Parameter(description = "The product's ETag.", required = true)
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ProductInput input) {
        return service.update(Operator.of(token), slug, ifMatch, input).map(t -> ok(t).build());
    }

    @POST
    @Path("/{slug}/retirement")
    @Operation(summary = "Retire a product", description = "Kept for history, sold nowhere from now on "
            + "(shoppers see PRODUCT_RETIRED).")
    @APIResponse(responseCode = "200", description = PRODUCT_JSON, headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "PRODUCT_ALREADY_RETIRED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> retire(@PathParam("slug") String slug,
                                @Parameter(description = "The product's ETag.", required = true)
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull RetireInput input) {
        return service.retire(Operator.of(token), slug, ifMatch, input.reason()).map(t -> ok(t).build());
    }

    @PUT
    @Path("/{slug}/prices/{region}")
    @Operation(summary = "Set a product's prices in a region", description = "Integer minor units of the region's "
            + "currency. SKUs left out lose their price in the region.")
    @APIResponse(responseCode = "200", description = PRODUCT_JSON, headers = @Header(name = "ETag",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: another currency, a negative amount, "
            + "or a SKU of another product.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND or REGION_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> setPrices(@PathParam("slug") String slug, @PathParam("region") String region,
                                   @Parameter(description = "The product's ETag.", required = true)
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull PricesInput input) {
        return service.setPrices(Operator.of(token), slug, region.strip().toUpperCase(Locale.ROOT), ifMatch, input)
                .map(t -> ok(t).build());
    }

    private static Response.ResponseBuilder ok(Tagged tagged) {
        return Response.ok(tagged.product()).header(HttpHeaders.ETAG, tagged.etag());
    }
}
