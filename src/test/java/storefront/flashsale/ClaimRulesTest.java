package storefront.flashsale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import storefront.common.ProblemException;

/** The claim checks of a checkout, as a table: one claim, changed one way per row. */
class ClaimRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final UUID SALE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID CLAIM = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static HeldClaim claim(UnaryOperator<HeldClaim> change) {
        return change.apply(new HeldClaim(CLAIM, SALE, "ada", "MI-14-BLACK", "IN", 39_999_00, "door-1", ClaimStatus.GRANTED,
                NOW.plusSeconds(60)));
    }

    private static HeldClaim with(HeldClaim c, String customer, String region, String addressKey, ClaimStatus status,
                                  Instant expiresAt, UUID sale) {
        return new HeldClaim(c.id(), sale, customer, c.sku(), region, c.price(), addressKey, status, expiresAt);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("another shopper's", claim(c -> with(c, "bob", "IN", "door-1", ClaimStatus.GRANTED, c.expiresAt(), SALE)),
                        1, 409, "FLASH_CLAIM_INVALID"),
                Arguments.of("already used", claim(c -> with(c, "ada", "IN", "door-1", ClaimStatus.ORDERED, c.expiresAt(), SALE)),
                        1, 409, "FLASH_CLAIM_INVALID"),
                Arguments.of("expired at this instant", claim(c -> with(c, "ada", "IN", "door-1", ClaimStatus.GRANTED, NOW, SALE)),
                        1, 409, "FLASH_CLAIM_INVALID"),
                Arguments.of("of another region", claim(c -> with(c, "ada", "CN", "door-1", ClaimStatus.GRANTED, c.expiresAt(), SALE)),
                        1, 422, "FLASH_CLAIM_NOT_IN_REGION"),
                Arguments.of("for another door", claim(c -> with(c, "ada", "IN", "door-2", ClaimStatus.GRANTED, c.expiresAt(), SALE)),
                        1, 422, "FLASH_CLAIM_ADDRESS_MISMATCH"),
                Arguments.of("two units in the cart for one claim", claim(c -> c), 2, 422,
                        "FLASH_CLAIM_QUANTITY_MISMATCH"),
                Arguments.of("the SKU not in the cart at all", claim(c -> c), 0, 422, "FLASH_CLAIM_QUANTITY_MISMATCH"));
    }

    @ParameterizedTest(name = "a claim {0}: {3} {4}")
    @MethodSource("cases")
    void aClaimThatMayNotBeCheckedOutSaysWhy(String what, HeldClaim held, int unitsInCart, int status, String code) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> ClaimRules.check(
                List.of(held), List.of(CLAIM), "ada", "IN", Map.of("MI-14-BLACK", unitsInCart), "door-1", NOW));
        assertThat(refused).as(what).isNotNull();
        assertThat(refused.problem().status).isEqualTo(status);
        assertThat(refused.problem().code).isEqualTo(code);
    }

    @Test
    void claimsThatFitTheCartAnswerTheirUnitsBySku() {
        UUID second = UUID.fromString("00000000-0000-0000-0000-000000000002");
        HeldClaim one = claim(c -> c);
        HeldClaim two = new HeldClaim(second, SALE, "ada", "MI-14-BLACK", "IN", 39_999_00, "door-1", ClaimStatus.GRANTED,
                NOW.plusSeconds(1));
        assertThat(ClaimRules.check(List.of(one, two), List.of(CLAIM, second), "ada", "IN",
                Map.of("MI-14-BLACK", 2, "MI-BAND-8-BLACK", 1), "door-1", NOW)).containsExactly(Map.entry("MI-14-BLACK", 2));
    }

    @Test
    void oneSkuFromTwoSalesCannotShareALine() {
        UUID second = UUID.fromString("00000000-0000-0000-0000-000000000002");
        HeldClaim other = new HeldClaim(second, UUID.randomUUID(), "ada", "MI-14-BLACK", "IN", 35_000_00, "door-1",
                ClaimStatus.GRANTED, NOW.plusSeconds(60));
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> ClaimRules.check(
                List.of(claim(c -> c), other), List.of(CLAIM, second), "ada", "IN", Map.of("MI-14-BLACK", 2),
                "door-1", NOW));
        assertThat(refused.problem().code).isEqualTo("FLASH_CLAIMS_FROM_SEVERAL_SALES");
    }

    @Test
    void claimsNeedASignedInShopperAndAreListedOnce() {
        assertThat(ClaimRules.ids(List.of(), null)).isEmpty();
        assertThat(catchThrowableOfType(ProblemException.class, () -> ClaimRules.ids(List.of(CLAIM.toString()), null))
                .problem().code).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(catchThrowableOfType(ProblemException.class,
                () -> ClaimRules.ids(List.of(CLAIM.toString(), CLAIM.toString()), "ada")).problem().code)
                .isEqualTo("VALIDATION_FAILED");
        assertThat(catchThrowableOfType(ProblemException.class, () -> ClaimRules.ids(List.of("not-a-claim"), "ada"))
                .problem().code).isEqualTo("FLASH_CLAIM_INVALID");
        assertThat(ClaimRules.ids(List.of(CLAIM.toString()), "ada")).containsExactly(CLAIM);
    }
}
