package storefront.cart;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.cart.CartApi.CartView;
import storefront.common.Problem;

@Path("/api/v1/carts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Carts", description = "A shopper's cart in one region. The cart id is the only key to it.")
public class CartResource {

    private final CartService service;

    CartResource(CartService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Create a cart in a region",
            description = "An empty cart; its id is the only key to it, so keep it secret. Everything put in it is "
                    + "checked against the region's availability.")
    @APIResponse(responseCode = "201", description = "The new, empty cart.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CartView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no region, or an unknown one.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull CartApi.NewCart request,
                                @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return service.create(request, acceptLanguage).map(cart ->
                Response.created(URI.create("/api/v1/carts/" + cart.id())).entity(cart).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a cart, priced as the catalog stands now",
            description = "Lines that can no longer be bought in the cart's region (an ops change since they were "
                    + "added) stay in the cart with available=false and their reasons; totals leave them out.")
    @APIResponse(responseCode = "200", description = "The cart.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CartView.class)))
    @APIResponse(responseCode = "404", description = "CART_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CartView> get(@PathParam("id") String id,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return service.get(id, acceptLanguage);
    }

    @PUT
    @Path("/{id}/items/{sku}")
    @Operation(summary = "Put a SKU in the cart, or change its quantity",
            description = "Sets the line's quantity (1 to 10); a cart holds at most 50 lines. The SKU must be "
                    + "available in the cart's region now.")
    @APIResponse(responseCode = "200", description = "The cart after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CartView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: quantity missing or outside 1..10.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "CART_NOT_FOUND or SKU_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "CART_CHECKED_OUT: the cart has become an order.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "PRODUCT_NOT_AVAILABLE_IN_REGION (with `region`, `product`, "
            + "`sku` and every reason) or CART_FULL.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CartView> setQuantity(@PathParam("id") String id,
                                     @Parameter(description = "SKU code, case-insensitive.", example = "MI-BAND-8-BLACK")
                                     @PathParam("sku") String sku,
                                     @Valid @NotNull CartApi.LineQuantity request,
                                     @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return service.setQuantity(id, sku, request.quantity(), acceptLanguage);
    }

    @DELETE
    @Path("/{id}/items/{sku}")
    @Operation(summary = "Take a SKU out of the cart",
            description = "Removing a SKU the cart does not hold changes nothing.")
    @APIResponse(responseCode = "200", description = "The cart after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CartView.class)))
    @APIResponse(responseCode = "404", description = "CART_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "CART_CHECKED_OUT.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CartView> remove(@PathParam("id") String id, @PathParam("sku") String sku,
                                @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return service.remove(id, sku, acceptLanguage);
    }
}
