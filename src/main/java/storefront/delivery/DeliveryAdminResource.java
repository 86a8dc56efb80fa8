package storefront.delivery;

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
import storefront.audit.Operator;
import storefront.common.Problem;
import storefront.delivery.DeliveryApi.AdminList;
import storefront.delivery.DeliveryApi.AdminView;
import storefront.delivery.DeliveryApi.DeliveryMethodInput;

@Path("/api/v1/admin/regions/{region}/delivery-methods")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: delivery methods", description = "How each region ships, and what it costs. Audited.")
public class DeliveryAdminResource {

    private final DeliveryAdminService service;
    private final JsonWebToken token;

    DeliveryAdminResource(DeliveryAdminService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "A region's delivery methods",
            description = "Active or not, in the order checkout offers the active ones.")
    @APIResponse(responseCode = "200", description = "In the order offered.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminList.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AdminList> list(@PathParam("region") String region) {
        return service.list(region);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "One delivery method", description = "Its ETag is what a replace needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The method.",
            headers = @Header(name = HttpHeaders.ETAG, description = "What a replace needs in If-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminView.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND or DELIVERY_METHOD_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("region") String region, @PathParam("code") String code) {
        return service.get(region, code).map(written -> Response.ok(written.method())
                .header(HttpHeaders.ETAG, written.etag()).build());
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Create or replace a delivery method",
            description = "Whole: price, free-above amount, days, the countries and states it serves, active or "
                    + "not, and its place in the order offered. An ops token needs the region in its scope. "
                    + "Replacing needs If-Match with the ETag of the GET; creating takes none. Checkout offers the "
                    + "change on every replica within a second. Audited as CREATE_DELIVERY_METHOD or "
                    + "UPDATE_DELIVERY_METHOD.")
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged).",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminView.class)))
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a malformed code, fewer maxDays than "
            + "minDays, a country or state the region does not ship to.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or REGION_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: the method changed since the ETag in "
            + "If-Match (or If-Match was sent for a method that does not exist).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "PRECONDITION_REQUIRED: the method exists and If-Match is "
            + "missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@PathParam("region") String region, @PathParam("code") String code,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull DeliveryMethodInput input) {
        return service.put(Operator.of(token), region, code, ifMatch, input)
                .map(written -> Response.status(written.created() ? 201 : 200).entity(written.method())
                        .header(HttpHeaders.ETAG, written.etag()).build());
    }
}
