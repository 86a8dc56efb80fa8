package storefront.aftersale;

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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.audit.Operator;
import storefront.common.Cursor;
import storefront.common.Ids;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.fulfilment.FulfilmentQueue;
import storefront.fulfilment.FulfilmentQueue.Queued;
import storefront.fulfilment.FulfilmentStatus;

/** The queues staff work from: a warehouse's parcels to pack and ship, a store's pickups. */
@Path("/api/v1/admin/fulfilments")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: fulfilment")
public class FulfilmentQueueResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    @Schema(name = "FulfilmentQueuePage")
    public record Page(List<Queued> items,
                       @Schema(nullable = true, description = "Pass as `cursor` for the next page; null on the last.")
                       String nextCursor) {
    }

    private final FulfilmentQueue queue;
    private final JsonWebToken token;

    FulfilmentQueueResource(FulfilmentQueue queue, JsonWebToken token) {
        this.queue = queue;
        this.token = token;
    }

    @GET
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.AUDITOR, Operator.STORE})
    @Operation(summary = "Fulfilments to work on, oldest first",
            description = "Filtered by region, stock location, pickup store and status (for instance a "
                    + "warehouse's ALLOCATED parcels, or a store's READY_FOR_PICKUP pickups). Store staff name one "
                    + "of their stores in `store` and see its pickups only.")
    @APIResponse(responseCode = "200", description = "A page of fulfilments.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a status, limit or cursor this API does "
            + "not know; store staff without `store`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED or STORE_NOT_IN_SCOPE.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page> list(@Parameter(description = "Region code.") @QueryParam("region") String region,
                          @Parameter(description = "Stock location id.") @QueryParam("location") String location,
                          @Parameter(description = "Pickup store id: that store's pickups.") @QueryParam("store")
                          String store,
                          @Parameter(schema = @Schema(implementation = FulfilmentStatus.class)) @QueryParam("status")
                          String status,
                          @Parameter(description = "Page size, 1 to 200.", schema = @Schema(type = SchemaType.INTEGER,
                                  defaultValue = "50", minimum = "1", maximum = "200")) @QueryParam("limit")
                          String limit,
                          @Parameter(description = "nextCursor of the previous page.") @QueryParam("cursor")
                          String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        FulfilmentStatus wanted = QueryParams.constant(FulfilmentStatus.class, "status", status, errors);
        int size = QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT, errors);
        Instant afterAt = null;
        UUID afterId = null;
        if (QueryParams.given(cursor) != null) {
            Optional<Cursor.Position> position = Cursor.decodePosition(cursor.strip());
            Optional<UUID> id = position.flatMap(p -> Ids.uuid(p.id()));
            if (id.isEmpty()) {
                errors.add(new Problem.FieldError("cursor", "is not a cursor this API issued"));
            } else {
                afterAt = position.get().at();
                afterId = id.get();
            }
        }
        String storeId = lower(store);
        Operator operator = Operator.of(token);
        if (operator.role().equals(Operator.STORE) && storeId == null) {
            errors.add(new Problem.FieldError("store", "is required for store staff: one of their stores"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (operator.role().equals(Operator.STORE)) {
            operator.requireStore(null, storeId);
        }
        String regionCode = QueryParams.given(region) == null ? null : region.strip().toUpperCase(Locale.ROOT);
        return queue.page(new FulfilmentQueue.Filter(regionCode, lower(location), storeId, wanted), afterAt, afterId,
                size + 1).map(page -> {
                    List<Queued> items = page.stream().limit(size).toList();
                    String next = page.size() > size ? nextCursor(items.get(size - 1)) : null;
                    return new Page(items, next);
                });
    }

    private static String nextCursor(Queued last) {
        return Cursor.encode(last.createdAt(), last.id());
    }

    private static String lower(String value) {
        return QueryParams.given(value) == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
