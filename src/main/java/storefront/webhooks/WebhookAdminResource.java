package storefront.webhooks;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
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
import storefront.audit.Operator;
import storefront.common.Problem;
import storefront.webhooks.WebhookApi.Created;
import storefront.webhooks.WebhookApi.DeliveryList;
import storefront.webhooks.WebhookApi.ReplayInput;
import storefront.webhooks.WebhookApi.ReplayOneInput;
import storefront.webhooks.WebhookApi.Replayed;
import storefront.webhooks.WebhookApi.Rotated;
import storefront.webhooks.WebhookApi.RotationInput;
import storefront.webhooks.WebhookApi.SubscriptionInput;
import storefront.webhooks.WebhookApi.SubscriptionList;
import storefront.webhooks.WebhookApi.SubscriptionView;

@Path("/api/v1/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Ops: webhooks", description = "Subscriptions to the storefront's events, signed with Standard Webhooks, "
        + "and their deliveries. Changes are ops-admin's and audited.")
public class WebhookAdminResource {

    private final WebhookService service;
    private final JsonWebToken token;

    WebhookAdminResource(WebhookService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Operator.ADMIN)
    @Operation(summary = "Subscribe a receiver",
            description = "Events of the types and regions given (empty: all) are posted to the URL as CloudEvents "
                    + "(structured JSON), signed with the secret in this answer, which is not shown again. Audited "
                    + "as CREATE_WEBHOOK.")
    @APIResponse(responseCode = "201", description = "The subscription and its signing secret.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: the URL (https on a public address outside "
            + "dev mode), an unknown event type or region.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED: subscriptions are ops-admin's.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull SubscriptionInput input) {
        return service.create(Operator.of(token), input).map(created -> Response.status(201).entity(created).build());
    }

    @GET
    @RolesAllowed({Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "Every subscription", description = "Oldest first; secrets are never shown.")
    @APIResponse(responseCode = "200", description = "The subscriptions.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionList.class)))
    public Uni<SubscriptionList> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "One subscription", description = "Its ETag is what a replace needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The subscription.",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(id).map(t -> Response.ok(t.subscription()).header(HttpHeaders.ETAG, t.etag()).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Operator.ADMIN)
    @Operation(summary = "Replace a subscription",
            description = "URL, event types, regions, description, active or paused. Paused, deliveries wait and go "
                    + "out in order once it is active again. Needs If-Match. Audited as UPDATE_WEBHOOK.")
    @APIResponse(responseCode = "200", description = "The subscription as it is now.",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: changed since the ETag in If-Match.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "PRECONDITION_REQUIRED: If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull SubscriptionInput input) {
        return service.replace(Operator.of(token), id, ifMatch, input)
                .map(t -> Response.ok(t.subscription()).header(HttpHeaders.ETAG, t.etag()).build());
    }

    @POST
    @Path("/{id}/secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Operator.ADMIN)
    @Operation(summary = "Rotate the signing secret",
            description = "A new secret signs from now on; the previous one signs too until the overlap ends, so "
                    + "receivers can switch without losing a delivery. Audited as ROTATE_WEBHOOK_SECRET.")
    @APIResponse(responseCode = "200", description = "The new secret, shown once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rotated.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: overlapSeconds out of range.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Rotated> rotate(@PathParam("id") String id, @Valid @NotNull RotationInput input) {
        return service.rotate(Operator.of(token), id, input);
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Operator.ADMIN, Operator.AUDITOR})
    @Operation(summary = "A subscription's deliveries",
            description = "Newest event first: attempts, the receiver's last status and latency, the next attempt.")
    @APIResponse(responseCode = "200", description = "The deliveries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryList.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: status or limit.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeliveryList> deliveries(@PathParam("id") String id,
                                        @Parameter(description = "PENDING, DELIVERED or DEAD; absent: all.")
                                        @QueryParam("status") String status,
                                        @Parameter(description = "1 to 500; default 50.",
                                                schema = @Schema(type = SchemaType.INTEGER))
                                        @QueryParam("limit") String limit) {
        return service.deliveries(id, status, limit);
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Operator.ADMIN)
    @Operation(summary = "Deliver everything since an instant again",
            description = "Every event since `since` that the subscription takes, in order per subject. Audited as "
                    + "REPLAY_WEBHOOK.")
    @APIResponse(responseCode = "200", description = "How many deliveries were queued.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Replayed.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Replayed> replay(@PathParam("id") String id, @Valid @NotNull ReplayInput input) {
        return service.replay(Operator.of(token), id, input.since(), null, input.reason());
    }

    @POST
    @Path("/{id}/deliveries/{eventId}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Operator.ADMIN)
    @Operation(summary = "Deliver one event again", description = "Audited as REPLAY_WEBHOOK.")
    @APIResponse(responseCode = "200", description = "Queued.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Replayed.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND or WEBHOOK_EVENT_NOT_FOUND (no such event, "
            + "or not one this subscription takes).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Replayed> replayOne(@PathParam("id") String id, @PathParam("eventId") String eventId,
                                   @Valid @NotNull ReplayOneInput input) {
        return service.replay(Operator.of(token), id, null, eventId, input.reason());
    }
}
