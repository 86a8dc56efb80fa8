package storefront.order;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import storefront.common.SqlTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code data} of an order's events: where the order stands after the change. */
@Schema(name = "OrderEventData", description = "An order as it stands after the change the event tells of.")
public record OrderEvent(
        @Schema(examples = "US-00000042") String number,
        @Schema(description = "The order's status after the change.") String status,
        String region,
        String currency,
        @Schema(description = "What the order costs, in minor units of its currency.") long totalMinor,
        @Schema(description = "What has been refunded so far, in minor units.") long refundedMinor,
        @Schema(nullable = true, description = "Why the last payment attempt failed; null when none did.")
        String paymentError,
        @Schema(nullable = true, description = "When a paid order was cancelled (its payment is refunded); null "
                + "otherwise.") Instant cancelledAt) {

    /** The columns {@link #of} reads, for a statement's returning clause. */
    static final String COLUMNS = columns("");

    /** The same, of the table aliased {@code alias}. */
    static String columns(String alias) {
        String p = alias.isEmpty() ? "" : alias + ".";
        return String.join(", ", p + "number", p + "status", p + "region_code", p + "currency", p + "total_minor",
                p + "refunded_minor", p + "payment_error", p + "cancelled_at");
    }

    static OrderEvent of(Row row) {
        return new OrderEvent(row.getString("number"), row.getString("status"), row.getString("region_code"),
                row.getString("currency"), row.getLong("total_minor"), row.getLong("refunded_minor"),
                row.getString("payment_error"), SqlTime.instant(row.getOffsetDateTime("cancelled_at")));
    }
}
