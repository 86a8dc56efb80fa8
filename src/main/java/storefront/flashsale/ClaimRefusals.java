package storefront.flashsale;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.flashsale.FlashSaleRepository.Sale;

/** The problems a claim (or a look at a sale) can be answered with, each naming the sale. */
final class ClaimRefusals {

    private ClaimRefusals() {
    }

    static ProblemException refusal(int status, String code, String title, String detail, Sale sale,
                                            Map<String, Object> more) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("saleId", sale.id());
        extensions.putAll(more);
        return new ProblemException(new Problem(status, code, title, detail, null, extensions));
    }

    static ProblemException notStarted(Sale sale, Instant now) {
        long seconds = Math.max(1, Duration.between(now, sale.startsAt()).toSeconds());
        return refusal(409, "NOT_STARTED", "Sale not started", "The sale starts at " + sale.startsAt() + ".", sale,
                Map.of("startsAt", sale.startsAt().toString()))
                .retryAfter((int) Math.min(seconds, Integer.MAX_VALUE));
    }

    static ProblemException ended(Sale sale) {
        return refusal(409, "ENDED", "Sale ended", "The sale ended at " + sale.endsAt() + ".", sale,
                Map.of("endsAt", sale.endsAt().toString()));
    }

    static ProblemException soldOut(Sale sale) {
        return refusal(409, "SOLD_OUT", "Sold out", "Every unit of this sale is claimed. Units of claims that "
                + "expire unused come back until the sale ends.", sale, Map.of());
    }

    static ProblemException limitReached(Sale sale, String by) {
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("limit", sale.perCustomerLimit());
        more.put("limitedBy", by);
        return refusal(409, "LIMIT_REACHED", "Limit reached", "This sale allows " + sale.perCustomerLimit()
                + " unit(s) per customer and per shipping address; this " + by + " holds that many already.", sale,
                more);
    }

    static ProblemException keyReused() {
        return new ProblemException(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key reused",
                "This Idempotency-Key was used for another claim (another sale or address); use a new key.");
    }

    static ProblemException saleNotFound() {
        return ProblemException.notFound("FLASH_SALE_NOT_FOUND", "Flash sale not found", "No flash sale has this id.");
    }
}
