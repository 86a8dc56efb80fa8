package storefront.stores;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.common.Problem;
import storefront.common.QueryParams;
import storefront.audit.Operator;
import storefront.stores.StoreApi.ImportReport;
import storefront.stores.StoreApi.StatusChange;
import storefront.stores.StoreApi.StoreChange;
import storefront.stores.StoreApi.StoreView;

@Path("/api/v1/admin/stores")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: stores", description = "Create, change, close and import stores. Audited.")
public class StoreAdminResource {

    static final String CSV = "text/csv";

    private final StoreService service;
    private final JsonWebToken token;

    StoreAdminResource(StoreService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "One store, with the ETag a replace needs", description = "Also a closed one.")
    @APIResponse(responseCode = "200", description = "The store.",
            headers = @Header(name = HttpHeaders.ETAG, description = "What PUT needs in If-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoreView.class)))
    @APIResponse(responseCode = "404", description = "STORE_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return service.stored(id).map(tagged -> Response.ok(tagged.store()).header(HttpHeaders.ETAG, tagged.etag())
                .build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Create or replace a store",
            description = "The region follows from the country. An ops token needs the store's region, before and "
                    + "after. Replacing needs If-Match with the ETag of GET /admin/stores/{id}; creating takes none. "
                    + "Audited as CREATE_STORE or UPDATE_STORE; a store sent as it is stored changes nothing.")
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged).",
            headers = @Header(name = HttpHeaders.ETAG, description = "Of the store now.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoreView.class)))
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = HttpHeaders.ETAG, description = "Of the store now.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoreView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, naming every field at fault.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or REGION_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: the store changed since the ETag in "
            + "If-Match (or If-Match was sent for a store that does not exist).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "PRECONDITION_REQUIRED: the store exists and If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull StoreChange change) {
        return service.put(Operator.of(token), id, ifMatch, change)
                .map(written -> Response.status(written.created() ? 201 : 200).entity(written.store().store())
                        .header(HttpHeaders.ETAG, written.store().etag()).build());
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Open, close for a while, or close a store", description = "Audited as STORE_STATUS.")
    @APIResponse(responseCode = "200", description = "The store now.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoreView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or REGION_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "STORE_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StoreView> status(@PathParam("id") String id, @Valid @NotNull StatusChange change) {
        return service.setStatus(Operator.of(token), id, change);
    }

    @POST
    @Path("/import")
    @Consumes(CSV)
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Import stores from CSV",
            description = "A header row, then one store per row; each row creates or replaces the store with its "
                    + "id. Columns: id, name, kind, services (separated by |), address_line1, city, country, "
                    + "latitude, longitude, time_zone; optionally address_line2, postal_code, state, phone, status, "
                    + "and monday ... sunday with openings such as `09:00-12:00 14:00-21:00` (empty: closed). "
                    + "Rows that are invalid or outside your regions are reported and skipped; the others are "
                    + "written together in one transaction, each audited under one change set, or, on any "
                    + "failure, none.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi
            .annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "What was imported and what was rejected, row by row.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "CSV_INVALID (the file as a whole: no header, unknown or "
            + "missing columns, broken quoting, more than 50,000 rows) or VALIDATION_FAILED (reason).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportReport> importCsv(
            @Parameter(required = true, description = "Why, for the audit log.")
            @QueryParam("reason") @NotBlank @Size(max = 500) String reason,
            @Parameter(description = "true: check and report, write nothing.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("dryRun") String dryRun,
            byte[] csv) {
        return service.importCsv(Operator.of(token), csv == null ? new byte[0] : csv, reason,
                QueryParams.flag("dryRun", dryRun));
    }
}
