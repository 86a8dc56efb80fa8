package storefront.order;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.order.OrderApi.OrderPage;
import storefront.order.OrderApi.OrderView;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "A shopper's orders.")
public class OrderResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final OrderService service;
    private final Shoppers shoppers;
    private final JsonWebToken token;

    OrderResource(OrderService service, Shoppers shoppers, JsonWebToken token) {
        this.service = service;
        this.shoppers = shoppers;
        this.token = token;
    }

    @GET
    @Path("/orders/{id}")
    @SecurityRequirementsSet(@SecurityRequirement(name = OrderTokens.SCHEME))
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(summary = "Read an order",
            description = "Needs the order's access token (answered by checkout) in the Order-Token header, or the "
                    + "bearer token of the shopper who placed it. No order is readable by its id alone.")
    @APIResponse(responseCode = "200", description = "The order.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "401", description = "ORDER_TOKEN_REQUIRED, or INVALID_TOKEN for a bad bearer token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED: a bearer token that is not a shopper's.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND: no such order, or not with these credentials.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView> get(@PathParam("id") String id,
                              @Parameter(hidden = true) @HeaderParam(OrderTokens.HEADER) String orderToken) {
        return shoppers.current().flatMap(customer -> service.read(id, orderToken, customer));
    }

    @GET
    @Path("/me/orders")
    @RolesAllowed(Shoppers.ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The signed-in shopper's orders, newest first",
            description = "Orders placed with this shopper's token (role shopper), a page at a time; walk nextCursor "
                    + "to the end.")
    @APIResponse(responseCode = "200", description = "A page of orders.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderPage.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: limit or cursor.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED: not a shopper's token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderPage> mine(@Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER,
                                       defaultValue = "20", minimum = "1", maximum = "100")) @QueryParam("limit") String limit,
                               @Parameter(description = "nextCursor of the previous page.") @QueryParam("cursor")
                               String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int size = QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return service.ofCustomer(token.getSubject(), size, cursor);
    }
}
