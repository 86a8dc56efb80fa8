package storefront.flashsale;

import java.time.Instant;
import java.util.UUID;

/** A claim as checkout sees it, locked. */
public record HeldClaim(UUID id, UUID saleId, String customerId, String sku, String region, long price,
                        String addressKey, ClaimStatus status, Instant expiresAt) {
}
