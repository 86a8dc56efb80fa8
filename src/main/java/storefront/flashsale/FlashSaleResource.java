package storefront.flashsale;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.common.BusinessMetrics;
import storefront.common.Idempotency;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.flashsale.FlashSaleApi.ClaimView;
import storefront.flashsale.FlashSaleApi.FlashSaleList;
import storefront.flashsale.FlashSaleApi.FlashSaleView;
import storefront.order.Shoppers;

@Path("/api/v1/flash-sales")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Flash sales", description = "Announced sales and claims on their units.")
public class FlashSaleResource {

    private final FlashSaleService service;
    private final JsonWebToken token;
    private final BusinessMetrics metrics;

    FlashSaleResource(FlashSaleService service, JsonWebToken token, BusinessMetrics metrics) {
        this.service = service;
        this.token = token;
        this.metrics = metrics;
    }

    @GET
    @Operation(summary = "The region's flash sales that have not ended, soonest first",
            description = "Announced sales are visible before they start; none shows how many units are left.")
    @APIResponse(responseCode = "200", description = "The sales.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FlashSaleList.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FlashSaleList> list(@Parameter(description = "Region code.", required = true, example = "IN")
                                   @QueryParam("region") String region) {
        return service.current(region);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One flash sale and its state",
            description = "ANNOUNCED before it starts, LIVE while units are left, SOLD_OUT, ENDED; never a count of "
                    + "units.")
    @APIResponse(responseCode = "200", description = "The sale.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FlashSaleView.class)))
    @APIResponse(responseCode = "404", description = "FLASH_SALE_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FlashSaleView> get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Shoppers.ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Claim a unit",
            description = "Answers at once. Granted: the unit is held for the shopper until `expiresAt`; check out a "
                    + "cart holding the SKU with the claim's token in `flashClaims`, shipping to the same address. An "
                    + "unused claim returns its unit to the sale when it expires. The same Idempotency-Key replays a "
                    + "grant; a refusal is not kept, so asking again with the key asks again. Claims per shopper "
                    + "are rate limited.")
    @APIResponse(responseCode = "201", description = "Granted (or a replay of the grant, with its current status).",
            headers = @Header(name = Idempotency.REPLAYED_HEADER, description = "`true` when this answer is a replay.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_REQUIRED, VALIDATION_FAILED or MALFORMED_BODY.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED: not a shopper's token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "FLASH_SALE_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Refused: NOT_STARTED (with `startsAt` and Retry-After), "
            + "ENDED, SOLD_OUT, or LIMIT_REACHED (with `limit` and `limitedBy`: account or address); or "
            + "CONCURRENT_CHANGE: other claims for the same account, address or units kept meeting this one, retry.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "SHIPPING_COUNTRY_NOT_IN_REGION, IDEMPOTENCY_KEY_REUSED (the "
            + "key claimed in another sale or for another address), or PRODUCT_NOT_AVAILABLE_IN_REGION (the region "
            + "may no longer sell the SKU; `reasons` says why).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "CLAIM_RATE_LIMITED: too many claims from this shopper; see Retry-After.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> claim(@PathParam("id") String id,
                               @Parameter(description = "Unique per claim attempt (a UUID); resend it on retry.",
                                       required = true)
                               @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                               @Valid @NotNull FlashSaleApi.ClaimRequest request) {
        return Uni.createFrom().deferred(() -> service.claim(id, token.getSubject(), idempotencyKey, request))
                .invoke(claimed -> metrics.claim(claimed.replayed() ? "REPLAYED" : "GRANTED"))
                .onFailure(ProblemException.class).invoke(refused ->
                        metrics.claim(((ProblemException) refused).problem().code))
                .map(claimed -> Idempotency.answer(Response.status(201).entity(claimed.claim()), claimed.replayed()));
    }
}
