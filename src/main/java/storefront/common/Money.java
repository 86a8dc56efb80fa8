package storefront.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amount of money: integer minor units of an ISO 4217 currency (cents for USD, yen for JPY). */
@Schema(name = "Money", description = "An amount in the minor units of its currency; never a float.")
public record Money(
        @Schema(description = "Amount in minor units of the currency (cents, paise, fen; whole yen).", examples = "2999")
        long amountMinor,
        @Schema(description = "ISO 4217 currency code.", examples = "USD")
        String currency) {
}
