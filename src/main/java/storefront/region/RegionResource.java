package storefront.region;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.common.Problem;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Sales regions and which country each serves.")
public class RegionResource {

    private final RegionService service;

    RegionResource(RegionService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List regions",
            description = "Every sales region with its currency, countries, locales and tax mode.")
    @APIResponse(responseCode = "200", description = "All regions, ordered by code.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RegionView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match.")
    public Uni<Response> list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return service.list().map(r -> r.toResponse(ifNoneMatch));
    }

    @GET
    @Path("/resolve")
    @Operation(summary = "Find the region serving a country",
            description = "The region that sells to an ISO 3166-1 alpha-2 country, such as the shipping country of an address.")
    @APIResponse(responseCode = "200", description = "The region serving the country.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match.")
    @APIResponse(responseCode = "400", description = "Missing or malformed country (VALIDATION_FAILED).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No region serves the country (COUNTRY_NOT_SERVED).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> resolve(
            @Parameter(description = "ISO 3166-1 alpha-2 country code, case-insensitive.", example = "DE", required = true)
            @QueryParam("country") String country,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return service.resolve(country).map(r -> r.toResponse(ifNoneMatch));
    }

    @GET
    @Path("/{code}/delivery-methods")
    @Operation(summary = "How a region ships",
            description = "Its active delivery methods in the order checkout offers them, with price, the amount "
                    + "above which each is free, and the days it takes. With `country` (and `state`), only those "
                    + "that ship there: what checkout's `deliveryMethod` may name for that address.")
    @APIResponse(responseCode = "200", description = "The methods, in the order offered.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegionService.DeliveryMethods.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match.")
    @APIResponse(responseCode = "400", description = "A malformed country or state (VALIDATION_FAILED).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such region (REGION_NOT_FOUND).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The region does not ship to the country "
            + "(SHIPPING_COUNTRY_NOT_IN_REGION, with `servedBy`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deliveryMethods(
            @Parameter(description = "Region code, case-insensitive.", example = "US") @PathParam("code") String code,
            @Parameter(description = "ISO 3166-1 alpha-2 country to ship to.", example = "US")
            @QueryParam("country") String country,
            @Parameter(description = "Its state or province (the part after the dash of ISO 3166-2).", example = "CA")
            @QueryParam("state") String state,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return service.deliveryMethods(code, country, state).map(r -> r.toResponse(ifNoneMatch));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a region",
            description = "Its currency, countries, locales, tax mode, whether it is open, and the categories it "
                    + "sells.")
    @APIResponse(responseCode = "200", description = "The region.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match.")
    @APIResponse(responseCode = "404", description = "No such region (REGION_NOT_FOUND).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(
            @Parameter(description = "Region code, case-insensitive.", example = "US") @PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return service.get(code).map(r -> r.toResponse(ifNoneMatch));
    }
}
