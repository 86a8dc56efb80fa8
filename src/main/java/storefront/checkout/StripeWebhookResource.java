package storefront.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import storefront.common.Ids;
import storefront.common.BusinessMetrics;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.order.PaymentEvent;
import storefront.order.PaymentLedger;
import storefront.order.PaymentLedger.Received;

/**
 * Stripe's webhook. The signature is checked on the raw body before anything
 * is read from it; the event is then recorded once (by its id) and applied to
 * its order in one short transaction. Fields are read from the payload itself,
 * so events rendered in another Stripe API version still apply.
 */
@Path("/api/v1/webhooks/stripe")
@Tag(name = "Webhooks", description = "Called by the payment provider, not by frontends.")
public class StripeWebhookResource {

    private static final Logger LOG = Logger.getLogger(StripeWebhookResource.class);

    @Schema(name = "WebhookReceipt")
    public record Receipt(boolean received,
                          @Schema(description = "What the event did: APPLIED, FAILURE_RECORDED, IGNORED, "
                                  + "AMOUNT_MISMATCH, PAID_AFTER_EXPIRY, REFUND_DUE, DUPLICATE, UNKNOWN_ORDER, "
                                  + "OTHER_PAYMENT_INTENT or IGNORED_TYPE.")
                          String outcome) {
    }

    private final Payments payments;
    private final PaymentAdminService refunds;
    private final PaymentLedger ledger;
    private final Pool pool;
    private final ObjectMapper mapper;
    private final BusinessMetrics metrics;

    StripeWebhookResource(Payments payments, PaymentAdminService refunds, PaymentLedger ledger, Pool pool,
                          ObjectMapper mapper, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.payments = payments;
        this.refunds = refunds;
        this.ledger = ledger;
        this.pool = pool;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a Stripe event",
            description = "Handles payment_intent.succeeded, payment_intent.payment_failed, payment_intent.canceled "
                    + "and charge.refunded; records every other type. A redelivered event changes nothing. A payment "
                    + "that succeeds after its order expired, when the stock is gone, is refunded (REFUND_DUE).")
    @APIResponse(responseCode = "200", description = "Received (whatever it did).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "INVALID_SIGNATURE: missing, malformed, stale or wrong "
            + "Stripe-Signature. Nothing is recorded.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_CONFIGURED: Stripe is not the payment provider.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Receipt> receive(@HeaderParam("Stripe-Signature") String signature, String payload) {
        Optional<String> secret = payments.webhookSecret();
        if (secret.isEmpty()) {
            throw ProblemException.notFound("WEBHOOK_NOT_CONFIGURED", "Webhook not configured",
                    "Stripe is not the payment provider of this deployment.");
        }
        Received received = parse(verify(payload, signature, secret.get()), payload);
        return pool.withTransaction(tx -> ledger.record(tx, received))
                .invoke(outcome -> LOG.infof("Stripe event %s %s: %s", received.id(), received.type(), outcome))
                .invoke(outcome -> metrics.webhookEvent(received.type(), outcome))
                .invoke(outcome -> {
                    if (PaymentLedger.REFUND_DUE.equals(outcome)) {
                        // Answered at once; the refund is recorded, and the sweeper sends it again if this fails.
                        refunds.submitDueRefunds().subscribe().with(sent -> { },
                                failure -> LOG.warn("Sending a due refund failed", failure));
                    }
                })
                .map(outcome -> new Receipt(true, outcome));
    }

    private static Event verify(String payload, String signature, String secret) {
        if (signature == null || signature.isBlank() || payload == null) {
            throw invalidSignature();
        }
        try {
            return Webhook.constructEvent(payload, signature, secret);
        } catch (SignatureVerificationException | RuntimeException e) {
            LOG.debugf("Rejected a Stripe webhook: %s", e.getMessage());
            throw invalidSignature();
        }
    }

    private Received parse(Event event, String payload) {
        JsonNode object;
        try {
            object = mapper.readTree(payload).path("data").path("object");
        } catch (JsonProcessingException e) {
            throw invalidSignature();
        }
        String type = event.getType();
        String currency = object.path("currency").asText("").toUpperCase(Locale.ROOT);
        boolean isIntent = type.startsWith("payment_intent.");
        String intent = text(isIntent ? object.path("id") : object.path("payment_intent"));
        var orderId = Ids.uuid(text(object.path("metadata").path("order_id"))).orElse(null);
        PaymentEvent applied = switch (type) {
            case "payment_intent.succeeded" -> new PaymentEvent.Succeeded(
                    amount(object.has("amount_received") ? object.path("amount_received") : object.path("amount"),
                            currency), currency);
            case "payment_intent.payment_failed" -> new PaymentEvent.Failed(failure(object.path("last_payment_error")));
            case "payment_intent.canceled" -> new PaymentEvent.Canceled();
            case "charge.refunded" -> new PaymentEvent.Refunded(amount(object.path("amount_captured"), currency),
                    amount(object.path("amount_refunded"), currency), currency);
            default -> null;
        };
        return new Received(event.getId(), type, isIntent ? orderId : null, intent, applied, payload);
    }

    /** A Stripe amount in our minor units; one we cannot represent can never match an order. */
    private static long amount(JsonNode value, String currency) {
        try {
            return StripeAmounts.fromStripe(value.asLong(-1), currency);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static String failure(JsonNode error) {
        String message = text(error.path("message"));
        String code = text(error.path("decline_code"));
        if (code == null) {
            code = text(error.path("code"));
        }
        String text = message == null ? "The payment failed." : message;
        return code == null ? text : text + " (" + code + ")";
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static ProblemException invalidSignature() {
        return new ProblemException(new Problem(400, "INVALID_SIGNATURE", "Invalid signature",
                "The Stripe-Signature header does not match this body and the configured secret.", null, Map.of()));
    }
}
