package storefront.aftersale;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import storefront.aftersale.AftersaleApi.Handover;
import storefront.aftersale.AftersaleApi.Note;
import storefront.aftersale.AftersaleApi.ShipmentInput;
import storefront.audit.Operator;
import storefront.common.Problem;
import storefront.fulfilment.FulfilmentMachine.Action;
import storefront.fulfilment.FulfilmentService;
import storefront.fulfilment.FulfilmentService.Move;
import storefront.fulfilment.FulfilmentService.Shipment;
import storefront.order.OrderApi.OrderView;
import storefront.order.OrderService;

/**
 * Staff move an order's fulfilments: warehouses pack and ship, carriers'
 * reports deliver, stores make pickups ready and hand them over against the
 * pickup code. Each answer is the order as it now stands.
 */
@Path("/api/v1/admin/orders/{id}/fulfilments/{number}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: fulfilment", description = "Pack, ship, deliver; pickups made ready and handed over at the store.")
public class FulfilmentAdminResource {

    private final FulfilmentService fulfilments;
    private final OrderService orders;
    private final JsonWebToken token;

    FulfilmentAdminResource(FulfilmentService fulfilments, OrderService orders, JsonWebToken token) {
        this.fulfilments = fulfilments;
        this.orders = orders;
        this.token = token;
    }

    @POST
    @Path("/pack")
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.STORE})
    @Operation(summary = "Mark a fulfilment packed",
            description = "ALLOCATED to PACKED (optional: shipping or making ready from ALLOCATED is fine). Store "
                    + "staff may pack pickups of their stores. Packing a packed fulfilment changes nothing.")
    @APIResponse(responseCode = "200", description = "The order, with the fulfilment moved.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, REGION_NOT_IN_SCOPE, or STORE_NOT_IN_SCOPE "
            + "(store staff: not a pickup at one of their stores).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND or FULFILMENT_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "FULFILMENT_TRANSITION_REFUSED (with `fulfilmentStatus`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView> pack(@PathParam("id") String id, @Parameter(description = "1, 2, ... within the order.")
                               @PathParam("number") String number, @Valid Note note) {
        return move(id, number, new Move(Action.PACK, null, null, note == null ? null : note.note()));
    }

    @POST
    @Path("/ship")
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Ship a fulfilment, all of it or some units",
            description = "Hands it to a carrier with its tracking; its units leave the location's books. With "
                    + "`lines`, only those units ship: the rest stays behind as a new fulfilment (event "
                    + "fulfilment.split) to ship later. Shipping again with the same tracking changes nothing.")
    @APIResponse(responseCode = "200", description = "The order, with the fulfilment moved.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, REGION_NOT_IN_SCOPE, or STORE_NOT_IN_SCOPE "
            + "(store staff: not a pickup at one of their stores).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND or FULFILMENT_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "FULFILMENT_TRANSITION_REFUSED (with `fulfilmentStatus`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView> ship(@PathParam("id") String id, @PathParam("number") String number,
                               @Valid @NotNull ShipmentInput input) {
        Map<String, Integer> lines = input.lines() == null ? null
                : AftersaleApi.bySku(input.lines(), AftersaleApi.UnitsInput::sku, AftersaleApi.UnitsInput::quantity);
        return move(id, number, new Move(Action.SHIP, new Shipment(input.carrier().strip(),
                input.trackingNumber().strip(), input.trackingUrl(), lines), null, input.note()));
    }

    @POST
    @Path("/deliver")
    @RolesAllowed({Operator.OPS, Operator.ADMIN})
    @Operation(summary = "Mark a shipped fulfilment delivered",
            description = "As the carrier reports it. The return window of the order's region counts from here.")
    @APIResponse(responseCode = "200", description = "The order, with the fulfilment moved.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, REGION_NOT_IN_SCOPE, or STORE_NOT_IN_SCOPE "
            + "(store staff: not a pickup at one of their stores).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND or FULFILMENT_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "FULFILMENT_TRANSITION_REFUSED (with `fulfilmentStatus`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView> deliver(@PathParam("id") String id, @PathParam("number") String number, @Valid Note note) {
        return move(id, number, new Move(Action.DELIVER, null, null, note == null ? null : note.note()));
    }

    @POST
    @Path("/ready-for-pickup")
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.STORE})
    @Operation(summary = "Mark a pickup ready at its store",
            description = "The shopper may come with the pickup code (event fulfilment.ready_for_pickup).")
    @APIResponse(responseCode = "200", description = "The order, with the fulfilment moved.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, REGION_NOT_IN_SCOPE, or STORE_NOT_IN_SCOPE "
            + "(store staff: not a pickup at one of their stores).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND or FULFILMENT_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "FULFILMENT_TRANSITION_REFUSED (with `fulfilmentStatus`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView> ready(@PathParam("id") String id, @PathParam("number") String number, @Valid Note note) {
        return move(id, number, new Move(Action.READY, null, null, note == null ? null : note.note()));
    }

    @POST
    @Path("/collect")
    @RolesAllowed({Operator.OPS, Operator.ADMIN, Operator.STORE})
    @Operation(summary = "Hand a pickup over at the counter",
            description = "Only against the order's pickup code (422 PICKUP_CODE_MISMATCH otherwise, and nothing "
                    + "changes). Its units leave the location's books.")
    @APIResponse(responseCode = "200", description = "The order, with the fulfilment moved.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED, REGION_NOT_IN_SCOPE, or STORE_NOT_IN_SCOPE "
            + "(store staff: not a pickup at one of their stores).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ORDER_NOT_FOUND or FULFILMENT_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "FULFILMENT_TRANSITION_REFUSED (with `fulfilmentStatus`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "PICKUP_CODE_MISMATCH.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView> collect(@PathParam("id") String id, @PathParam("number") String number,
                                  @Valid @NotNull Handover handover) {
        return move(id, number, new Move(Action.COLLECT, null, handover.pickupCode(), handover.note()));
    }

    private Uni<OrderView> move(String id, String number, Move move) {
        return fulfilments.move(Operator.of(token), id, number, move)
                .flatMap(orderId -> orders.readAsOps(orderId.toString()));
    }
}
