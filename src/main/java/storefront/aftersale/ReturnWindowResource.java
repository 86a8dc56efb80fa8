package storefront.aftersale;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.common.CatalogVersion;
import storefront.common.ETags;
import storefront.common.Json;
import storefront.common.Problem;
import storefront.common.Statements;
import storefront.region.RegionDirectory;

/**
 * A region's return window, as ops set it: If-Match on its ETag, a reason,
 * audited; every replica's region view shows the change within a second.
 * Return requests read the window from the region's row itself.
 */
@Path("/api/v1/admin/regions/{region}/return-window")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: returns")
public class ReturnWindowResource {

    @Schema(name = "ReturnWindow")
    public record Window(@Schema(examples = "EU") String region,
                         @Schema(description = "Days after an order's last delivery within which it may be returned.",
                                 examples = "14") int days) {
    }

    @Schema(name = "ReturnWindowInput")
    public record WindowInput(@Schema(examples = "14") @NotNull @Min(0) @Max(365) Integer days,
                              @Schema(description = "Why, for the audit log.") @NotBlank @Size(max = 500)
                              String reason) {
    }

    private final Pool pool;
    private final RegionDirectory regions;
    private final AuditLog audit;
    private final CatalogVersion version;
    private final Json json;
    private final JsonWebToken token;

    ReturnWindowResource(Pool pool, RegionDirectory regions, AuditLog audit, CatalogVersion version, Json json,
                         JsonWebToken token) {
        this.pool = pool;
        this.regions = regions;
        this.audit = audit;
        this.version = version;
        this.json = json;
        this.token = token;
    }

    @GET
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "A region's return window", description = "Its ETag is what a change needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The window.",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Window.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("region") String regionParam) {
        return regions.regions().flatMap(all -> {
            String region = all.require(regionParam).view().code();
            return pool.preparedQuery("select return_days from region where code = $1").execute(Tuple.of(region))
                    .map(rows -> tagged(new Window(region, rows.iterator().next().getInteger(0))));
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Set a region's return window",
            description = "Applies to returns asked for from now on, counted from each order's last delivery. "
                    + "Needs If-Match with the GET's ETag; audited as SET_RETURN_WINDOW.")
    @APIResponse(responseCode = "200", description = "The window.",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Window.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: days from 0 to 365, and a reason.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or REGION_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: the window changed since the ETag.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "PRECONDITION_REQUIRED: If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@PathParam("region") String regionParam, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull WindowInput input) {
        Operator operator = Operator.of(token);
        return regions.regions().flatMap(all -> {
            String region = all.require(regionParam).view().code();
            operator.requireScope(List.of(region));
            String target = "region:" + region + "/return-window";
            return pool.withTransaction(tx -> tx.preparedQuery(
                            "select return_days from region where code = $1 for update").execute(Tuple.of(region))
                    .flatMap(rows -> {
                        Window before = new Window(region, rows.iterator().next().getInteger(0));
                        ETags.requireMatch(ifMatch, etag(before), target,
                                "GET /api/v1/admin/regions/" + region + "/return-window");
                        Window after = new Window(region, input.days());
                        if (after.equals(before)) {
                            return Uni.createFrom().item(false);
                        }
                        return tx.preparedQuery("update region set return_days = $2 where code = $1")
                                .execute(Tuple.of(region, input.days()))
                                .flatMap(v -> audit.record(Statements.on(tx), operator, new AuditLog.Change(
                                        "SET_RETURN_WINDOW", region, target, Map.of("days", before.days()),
                                        Map.of("days", after.days())), input.reason().strip(), null))
                                .replaceWith(true);
                    }))
                    .invoke(changed -> {
                        if (changed) {
                            version.changed();
                        }
                    })
                    .map(changed -> tagged(new Window(region, input.days())));
        });
    }

    private String etag(Window window) {
        return json.etag(Map.of("region", window.region(), "days", window.days()));
    }

    private Response tagged(Window window) {
        return Response.ok(window).header(HttpHeaders.ETAG, etag(window)).build();
    }
}
