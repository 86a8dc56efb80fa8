package storefront.audit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.common.Cursor;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.audit.AuditApi.AuditEntry;
import storefront.audit.AuditApi.AuditPage;

/** The audit trail of every ops change, for auditors and admins. */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Operator.AUDITOR, Operator.ADMIN})
@Tag(name = "Ops: audit", description = "Who changed what, when and why.")
public class AuditResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final AuditLog log;

    AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "The audit log, newest first",
            description = "Each entry: who (actor, role), what (action, target, region), the target's state before "
                    + "and after, the reason, and when. Entries of one change set share `changeSet`.")
    @APIResponse(responseCode = "200", description = "A page of entries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a malformed instant, limit or cursor.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED: auditor or ops-admin only.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditPage> list(
            @Parameter(description = "Only changes in this region.", example = "EU") @QueryParam("region") String region,
            @Parameter(description = "Only changes by this actor.") @QueryParam("actor") String actor,
            @Parameter(description = "From this instant (inclusive).",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Until this instant (exclusive).",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Page size, 1 to " + MAX_LIMIT + ".", schema = @Schema(type = SchemaType.INTEGER,
                    defaultValue = "50", minimum = "1", maximum = "200")) @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant fromInstant = QueryParams.instant("from", from, errors);
        Instant toInstant = QueryParams.instant("to", to, errors);
        int size = QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT, errors);
        Instant beforeAt = null;
        Long beforeId = null;
        if (QueryParams.given(cursor) != null) {
            Optional<Cursor.Position> position = Cursor.decodePosition(cursor.strip());
            try {
                beforeId = Long.parseLong(position.orElseThrow().id());
                beforeAt = position.get().at();
            } catch (RuntimeException e) {
                errors.add(new Problem.FieldError("cursor", "is not a cursor this API issued"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String regionCode = QueryParams.given(region) == null ? null : region.strip().toUpperCase(Locale.ROOT);
        return log.page(new AuditLog.Query(regionCode, QueryParams.given(actor), fromInstant, toInstant, beforeAt, beforeId, size + 1))
                .map(found -> {
                    List<AuditEntry> page = found.size() > size ? found.subList(0, size) : found;
                    AuditEntry last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > size ? Cursor.encode(last.at(), last.id()) : null;
                    return new AuditPage(page, next);
                });
    }
}
