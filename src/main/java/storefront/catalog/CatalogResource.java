package storefront.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.common.Problem;

@Path("/api/v1/regions/{code}/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "What a shopper in a region can see and buy.")
public class CatalogResource {

    private static final String NOT_AVAILABLE_EXAMPLE = """
            {"type": "/problems/product-not-available-in-region", "title": "Not available in your region", "status": 404,
             "code": "PRODUCT_NOT_AVAILABLE_IN_REGION",
             "detail": "Product 'mi-note-pro' is not available in region US. It is sold in CN, IN.",
             "region": "US", "product": "mi-note-pro",
             "reasons": [{"code": "CATEGORY_NOT_SOLD", "message": "Category PHONE is not sold in region US."}],
             "availableIn": ["CN", "IN"], "requestId": "3f1c2a9e-7b7d-4d1e-9f55-2a8c1e0b6d41"}""";

    private final CatalogService service;

    CatalogResource(CatalogService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List the products available in a region",
            description = "Only products a shopper of the region can buy now, ordered by slug, a page at a time. "
                    + "Every page but the last is full; walking nextCursor to the end visits each product once.")
    @APIResponse(responseCode = "200", description = "A page of products.",
            headers = {
                    @Header(name = "ETag", description = "Strong validator of this representation.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Language", description = "Locale of the names.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogApi.ProductPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match.")
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor, category, q, sort or a filter "
            + "(VALIDATION_FAILED, with field errors).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such region (REGION_NOT_FOUND).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> list(
            @Parameter(description = "Region code, case-insensitive.", example = "US") @PathParam("code") String region,
            @Parameter(description = "Only this category.", example = "AUDIO") @QueryParam("category") String category,
            @Parameter(description = "Words to find in names and descriptions, in the response's locale.",
                    example = "power bank") @QueryParam("q") String q,
            @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20",
                    minimum = "1", maximum = "100")) @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "The order: by slug when absent (a stable order); `relevance` (needs q), "
                    + "`price_asc` and `price_desc` (the lowest SKU price in the region's currency), `newest` (launch "
                    + "in the region), `name` (in the response's language). A cursor continues the sort it came "
                    + "from.", schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "price_asc",
                    "price_desc", "newest", "name"})) @QueryParam("sort") String sort,
            @Parameter(description = "Only products with a SKU at this price or more, in minor units of the "
                    + "region's currency.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("minPrice") String minPrice,
            @Parameter(description = "Only products with a SKU at this price or less, in minor units.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("maxPrice") String maxPrice,
            @Parameter(description = "true: only products with a SKU in stock.",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("inStock") String inStock,
            @Parameter(description = "An option value, as colour:Black; repeat for several options. Price, stock "
                    + "and options hold for one SKU together.") @QueryParam("option") List<String> option,
            @Parameter(description = "A specification value: water_resistant:true, wireless:NFC (a LIST's term), "
                    + "capacity:10000..20000 (a NUMBER's range; either end may be left out); repeat for several.")
            @QueryParam("spec") List<String> spec,
            @Parameter(description = "true: the answer carries the facets of the filter.",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("facets") String facets,
            @Parameter(description = "Preferred languages; the region's default locale when none matches.",
                    example = "de-DE,de;q=0.9,en;q=0.5") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return service.list(region, category, q, limit, cursor, sort, new CatalogService.Narrowing(minPrice,
                        maxPrice, inStock, option, spec, facets), acceptLanguage)
                .map(r -> r.toResponse(ifNoneMatch));
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Get a product as sold in a region",
            description = "Detail with the SKUs and prices of the region. A product that exists but cannot be sold "
                    + "in the region answers 404 PRODUCT_NOT_AVAILABLE_IN_REGION with every reason and the regions "
                    + "where it is sold.")
    @APIResponse(responseCode = "200", description = "The product.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogApi.ProductDetail.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match.")
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND, PRODUCT_NOT_FOUND, or PRODUCT_NOT_AVAILABLE_IN_REGION.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not sold in region", value = NOT_AVAILABLE_EXAMPLE)))
    public Uni<Response> detail(
            @Parameter(description = "Region code, case-insensitive.", example = "US") @PathParam("code") String region,
            @Parameter(description = "Product slug.", example = "mi-band-8") @PathParam("slug") String slug,
            @Parameter(description = "Preferred languages; the region's default locale when none matches.")
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return service.detail(region, slug, acceptLanguage).map(r -> r.toResponse(ifNoneMatch));
    }

    @GET
    @Path("/{slug}/availability")
    @Operation(summary = "Explain a product's availability in a region",
            description = "The availability decision for the product and each of its SKUs, with every reason that applies.")
    @APIResponse(responseCode = "200", description = "The decision.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogApi.AvailabilityView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match.")
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND or PRODUCT_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> availability(
            @Parameter(description = "Region code, case-insensitive.", example = "US") @PathParam("code") String region,
            @Parameter(description = "Product slug.", example = "mi-note-pro") @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return service.availability(region, slug).map(r -> r.toResponse(ifNoneMatch));
    }
}
