package storefront.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of webhook subscriptions and their deliveries. */
public final class WebhookApi {

    private WebhookApi() {
    }

    @Schema(name = "WebhookSubscriptionInput")
    public record SubscriptionInput(
            @NotBlank @Size(max = 2000) @Schema(required = true, examples = "https://warehouse.example/hooks/storefront",
                    description = "Where deliveries go: https, on a public address (plain http and local addresses "
                            + "in dev mode only).") String url,
            @Size(max = 50) @Schema(description = "Event types to deliver (storefront.order.paid, ...); empty or absent: "
                    + "every type.") List<@NotBlank String> eventTypes,
            @Size(max = 50) @Schema(description = "Regions whose events to deliver; empty or absent: every region. An "
                    + "event of no one region (a seller of several) reaches every subscription.")
            List<@NotBlank String> regions,
            @Size(max = 500) @Schema(description = "What the receiver is, for ops.") String description,
            @Schema(description = "false pauses deliveries; they wait and go out when it is active again. Default true.")
            Boolean active,
            @NotBlank @Size(max = 500) @Schema(required = true, description = "Why, for the audit log.") String reason) {
    }

    @Schema(name = "WebhookSubscription")
    public record SubscriptionView(
            UUID id,
            String url,
            @Schema(description = "Empty: every type.") List<String> eventTypes,
            @Schema(description = "Empty: every region.") List<String> regions,
            String description,
            boolean active,
            Instant createdAt,
            @Schema(nullable = true, description = "Until when the previous secret still signs, after a rotation; "
                    + "null when only the current one does.") Instant previousSecretValidUntil) {
    }

    @Schema(name = "CreatedWebhookSubscription")
    public record Created(
            SubscriptionView subscription,
            @Schema(description = "The signing secret (Standard Webhooks, whsec_...). Shown here once; keep it.")
            String secret) {
    }

    @Schema(name = "WebhookSubscriptionList")
    public record SubscriptionList(List<SubscriptionView> items) {
    }

    @Schema(name = "WebhookSecretRotation")
    public record RotationInput(
            @Schema(description = "How long the previous secret keeps signing, in seconds (0 to 604800). "
                    + "Default: the configured overlap (24 h).") Long overlapSeconds,
            @NotBlank @Size(max = 500) @Schema(required = true) String reason) {
    }

    @Schema(name = "WebhookSecretRotated")
    public record Rotated(
            @Schema(description = "The new signing secret. Shown here once.") String secret,
            @Schema(nullable = true, description = "Until when the previous secret signs too; null: it stopped now.")
            Instant previousSecretValidUntil) {
    }

    @Schema(name = "WebhookDeliveryStatus")
    public enum DeliveryStatus { PENDING, DELIVERED, DEAD }

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(
            UUID eventId,
            String type,
            String subject,
            Instant eventTime,
            DeliveryStatus status,
            int attempts,
            @Schema(nullable = true, description = "When it is tried next; null once delivered or dead.")
            Instant nextAttemptAt,
            @Schema(nullable = true) Instant lastAttemptAt,
            @Schema(nullable = true, description = "The receiver's last HTTP status; null when it did not answer.")
            Integer lastStatus,
            @Schema(nullable = true, description = "What went wrong last, with a short excerpt of the answer.")
            String lastError,
            @Schema(nullable = true) Integer lastLatencyMs,
            @Schema(nullable = true) Instant deliveredAt) {
    }

    @Schema(name = "WebhookDeliveryList")
    public record DeliveryList(List<DeliveryView> items) {
    }

    @Schema(name = "WebhookReplay")
    public record ReplayInput(
            @NotNull @Schema(required = true, description = "Every event since this instant (that the subscription "
                    + "takes) is delivered again, in order.") Instant since,
            @NotBlank @Size(max = 500) @Schema(required = true) String reason) {
    }

    @Schema(name = "WebhookReplayReason")
    public record ReplayOneInput(@NotBlank @Size(max = 500) @Schema(required = true) String reason) {
    }

    @Schema(name = "WebhookReplayed")
    public record Replayed(@Schema(description = "Deliveries queued again.") int queued) {
    }
}
