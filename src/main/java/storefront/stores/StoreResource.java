package storefront.stores;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import storefront.common.Problem;
import storefront.stores.StoreApi.StoreList;
import storefront.stores.StoreApi.StoreView;

@Path("/api/v1/stores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stores", description = "Official stores and service centres: the nearest that can help.")
public class StoreResource {

    private final StoreService service;

    StoreResource(StoreService service) {
        this.service = service;
    }

    @GET
    @ResponseHeader(name = "Cache-Control", value = "public, max-age=60")
    @Operation(summary = "Stores near a point, nearest first",
            description = "Stores within `radius` km of `near`, with their distance along the earth's surface. "
                    + "Closed stores are never listed; temporarily closed ones are, unless openNow or openAt asks "
                    + "for open stores.")
    @APIResponse(responseCode = "200", description = "Nearest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoreList.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: near, radius, service, kind, openNow, "
            + "openAt or limit.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StoreList> nearest(
            @Parameter(required = true, description = "latitude,longitude in degrees.", example = "39.9087,116.3975")
            @QueryParam("near") String near,
            @Parameter(description = "Kilometres, above 0 and at most 1000.", schema = @Schema(type = SchemaType.NUMBER,
                    defaultValue = "25", minimum = "0", exclusiveMinimum = true, maximum = "1000")) @QueryParam("radius") String radius,
            @Parameter(description = "Stores offering every one of these (repeat or separate with commas).",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StoreApi.Service.class))
            @QueryParam("service") List<String> services,
            @Parameter(description = "Stores of any of these kinds (repeat or separate with commas).",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StoreApi.Kind.class))
            @QueryParam("kind") List<String> kinds,
            @Parameter(description = "true: stores open now, by their hours in their own time zone.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("openNow") String openNow,
            @Parameter(description = "Stores open at this instant (ISO 8601), instead of openNow.",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("openAt") String openAt,
            @Parameter(description = "At most this many stores.", schema = @Schema(type = SchemaType.INTEGER,
                    defaultValue = "20", minimum = "1", maximum = "100")) @QueryParam("limit") String limit) {
        return service.search(near, radius, services, kinds, openNow, openAt, limit);
    }

    @GET
    @Path("/{id}")
    @ResponseHeader(name = "Cache-Control", value = "public, max-age=60")
    @Operation(summary = "One store", description = "Also a closed one, with status CLOSED.")
    @APIResponse(responseCode = "200", description = "The store.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoreView.class)))
    @APIResponse(responseCode = "404", description = "STORE_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StoreView> get(@PathParam("id") String id) {
        return service.find(id);
    }
}
