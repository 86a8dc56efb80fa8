package storefront.flashsale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import storefront.common.Ids;
import storefront.common.Problem;
import storefront.common.ProblemException;

/**
 * What a checkout asks of the flash-sale claims it is given: pure, tested as a
 * table. A claim is checked out by the shopper who made it, still held and
 * unexpired, in the cart's region, for the address it was made for, one sale
 * per SKU, and the cart holds exactly one unit of the SKU per claim.
 */
public final class ClaimRules {

    private ClaimRules() {
    }

    /** The claim tokens a checkout lists, as ids; claims need a signed-in shopper. */
    public static List<UUID> ids(List<String> tokens, String customerId) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        if (customerId == null) {
            throw new ProblemException(401, "AUTHENTICATION_REQUIRED", "Authentication required",
                    "Flash-sale claims are checked out by the shopper who claimed them: sign in.");
        }
        List<UUID> ids = new ArrayList<>();
        for (String token : tokens) {
            UUID id = Ids.uuid(token).orElseThrow(() -> invalid(token, "NOT_FOUND"));
            if (ids.contains(id)) {
                throw ProblemException.invalid(List.of(new Problem.FieldError("flashClaims",
                        "lists claim " + token + " twice")));
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * The claimed units by SKU, when every claim in {@code ids} may be checked
     * out with this cart; otherwise the problem of the first that may not.
     *
     * @param held        the claims as stored, locked by the checkout (unknown ids are absent)
     * @param unitsInCart units of each SKU in the cart
     * @param addressKey  the key of the checkout's shipping address ({@link AddressKey})
     */
    public static Map<String, Integer> check(List<HeldClaim> held, List<UUID> ids, String customerId,
                                             String cartRegion, Map<String, Integer> unitsInCart, String addressKey,
                                             Instant now) {
        Map<String, Integer> claimed = new LinkedHashMap<>();
        Map<String, UUID> saleOfSku = new HashMap<>();
        for (UUID id : ids) {
            HeldClaim claim = held.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
            if (claim == null || !claim.customerId().equals(customerId)) {
                throw invalid(id.toString(), "NOT_FOUND");
            }
            if (claim.status() != ClaimStatus.GRANTED) {
                throw invalid(id.toString(), claim.status().name());
            }
            if (!claim.expiresAt().isAfter(now)) {
                throw invalid(id.toString(), "EXPIRED");
            }
            if (!claim.region().equals(cartRegion)) {
                throw new ProblemException(422, "FLASH_CLAIM_NOT_IN_REGION", "Claim not in the cart's region",
                        "Claim " + id + " is for region " + claim.region() + "; the cart is in " + cartRegion + ".");
            }
            if (!claim.addressKey().equals(addressKey)) {
                throw new ProblemException(422, "FLASH_CLAIM_ADDRESS_MISMATCH", "Not the claim's address",
                        "Claim " + id + " was made for another shipping address; a claimed unit ships to the address "
                                + "given when claiming.");
            }
            if (!saleOfSku.computeIfAbsent(claim.sku(), s -> claim.saleId()).equals(claim.saleId())) {
                throw new ProblemException(422, "FLASH_CLAIMS_FROM_SEVERAL_SALES", "Claims of several sales",
                        "Claims of one SKU from different sales cannot share an order line; check them out apart.");
            }
            claimed.merge(claim.sku(), 1, Integer::sum);
        }
        claimed.forEach((sku, count) -> {
            int inCart = unitsInCart.getOrDefault(sku, 0);
            if (inCart != count) {
                Map<String, Object> extensions = new LinkedHashMap<>();
                extensions.put("sku", sku);
                extensions.put("claimed", count);
                extensions.put("inCart", inCart);
                throw new ProblemException(new Problem(422, "FLASH_CLAIM_QUANTITY_MISMATCH",
                        "Cart does not match the claims", "The cart must hold exactly " + count + " unit(s) of "
                                + sku + ", one per claim; it holds " + inCart + ".", null, extensions));
            }
        });
        return claimed;
    }

    private static ProblemException invalid(String token, String why) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("claim", token);
        extensions.put("reason", why);
        return new ProblemException(new Problem(409, "FLASH_CLAIM_INVALID", "Claim cannot be used",
                "Flash-sale claim " + token + " cannot be checked out (" + why + ").", null, extensions));
    }
}
