package storefront.sellers;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.common.Problem;
import storefront.audit.Operator;
import storefront.sellers.SellerApi.SellerInput;
import storefront.sellers.SellerApi.SellerList;
import storefront.sellers.SellerApi.SellerView;

@Path("/api/v1/admin/sellers")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: sellers", description = "The registry of official and authorized sellers. Audited.")
public class SellerAdminResource {

    private final SellerService service;
    private final JsonWebToken token;

    SellerAdminResource(SellerService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "Every seller in the registry",
            description = "Official and authorized sellers with their domains, storefronts, regions, validity and "
                    + "status, by id.")
    @APIResponse(responseCode = "200", description = "By id.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SellerList.class)))
    public Uni<SellerList> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "One seller",
            description = "With its domains, storefronts, regions, validity and status; its ETag is what a replace "
                    + "needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The seller.",
            headers = @Header(name = HttpHeaders.ETAG, description = "What a replace needs in If-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SellerView.class)))
    @APIResponse(responseCode = "404", description = "SELLER_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return service.find(id).map(stored -> Response.ok(stored.seller()).header(HttpHeaders.ETAG, stored.etag()).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Create or replace a seller",
            description = "With its domains and marketplace storefronts; suspend or revoke it by its status. "
                    + "OFFICIAL sellers are the ops-admin's; an ops token needs every region of the seller, before "
                    + "and after. Replacing needs If-Match with the ETag of GET /admin/sellers/{id}; creating takes "
                    + "none. Audited as CREATE_SELLER or UPDATE_SELLER.")
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SellerView.class)))
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SellerView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or REGION_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "SELLER_IDENTITY_TAKEN: a domain or storefront belongs to "
            + "another seller (listed in `taken`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: the seller changed since the ETag in "
            + "If-Match (or If-Match was sent for a seller that does not exist).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "PRECONDITION_REQUIRED: the seller exists and If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull SellerInput input) {
        return service.put(Operator.of(token), id, ifMatch, input)
                .map(written -> Response.status(written.created() ? 201 : 200).entity(written.stored().seller())
                        .header(HttpHeaders.ETAG, written.stored().etag()).build());
    }
}
