package storefront.aftersale;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.common.Problem;
import storefront.order.OrderService;
import storefront.order.OrderTokens;
import storefront.order.Shoppers;
import storefront.region.Locales;
import storefront.region.RegionDirectory;
import storefront.region.RegionView;

/** An order's story for its shopper, worded in the shopper's language. */
@Path("/api/v1/orders/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class OrderTimelineResource {

    @Schema(name = "OrderTimeline")
    public record TimelineView(
            @Schema(examples = "EU-00000042") String order,
            @Schema(description = "The language the entries are worded in: the order region's locale that best "
                    + "answers Accept-Language.", examples = "de") String locale,
            @Schema(description = "Oldest first.") List<TimelineEntry> entries) {
    }

    @Schema(name = "OrderTimelineEntry")
    public record TimelineEntry(
            Instant at,
            @Schema(description = "What happened, for a client that words it itself.") Timeline.Code code,
            @Schema(examples = "Paket 1 mit DHL versandt (Sendungsnummer JD014600006281234567)") String text,
            @Schema(nullable = true, description = "The fulfilment it is about.") Integer fulfilment,
            @Schema(nullable = true, description = "The return it is about.") Integer returnNumber) {
    }

    private final OrderService orders;
    private final Shoppers shoppers;
    private final RegionDirectory directory;

    OrderTimelineResource(OrderService orders, Shoppers shoppers, RegionDirectory directory) {
        this.orders = orders;
        this.shoppers = shoppers;
        this.directory = directory;
    }

    @GET
    @Tag(name = "Orders")
    @SecurityRequirementsSet(@SecurityRequirement(name = OrderTokens.SCHEME))
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(summary = "An order's timeline, in the shopper's language",
            description = "Placed, paid, each parcel shipped and delivered (or ready and collected at the store), "
                    + "cancelled, each return's steps; worded in the order region's locale that best answers "
                    + "Accept-Language. Needs the order's token or its shopper's bearer token, as reading it does.")
    @APIResponse(responseCode = "200", description = "The timeline.",
            headers = @Header(name = "Content-Language", description = "The entries' language.",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TimelineView.class)))
    @APIResponse(responseCode = "401", description = "ORDER_TOKEN_REQUIRED, or INVALID_TOKEN for a bad bearer token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED: a bearer token that is not a shopper's.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND: no such order, or not with these credentials.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") String id,
                             @Parameter(hidden = true) @HeaderParam(OrderTokens.HEADER) String orderToken,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return shoppers.current().flatMap(customer -> orders.readable(id, orderToken, customer))
                .flatMap(order -> directory.regions().map(regions -> {
                    RegionView region = regions.require(order.region()).view();
                    List<String> worded = region.supportedLocales().stream().filter(Timeline::worded).toList();
                    String locale = worded.isEmpty() ? "en"
                            : Locales.negotiate(acceptLanguage, worded, worded.contains(region.defaultLocale())
                                    ? region.defaultLocale() : worded.get(0));
                    List<TimelineEntry> entries = Timeline.of(OrderService.view(order), locale).stream()
                            .map(e -> new TimelineEntry(e.at(), e.code(), e.text(), e.fulfilment(), e.returnNumber()))
                            .toList();
                    return Response.ok(new TimelineView(order.number(), locale, entries))
                            .header(HttpHeaders.CONTENT_LANGUAGE, locale).header(HttpHeaders.VARY, "Accept-Language")
                            .build();
                }));
    }
}
