package storefront.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

/** Whatever PostgreSQL refuses reaches the client as a 4xx problem it can act on, never a 500. */
class ConstraintProblemsTest {

    private static PgException refused(String state, String constraint) {
        return new PgException("refused", "ERROR", state, null, null, null, null, null, null, null, null, null,
                "storefront", "t", null, null, constraint);
    }

    @Test
    void aNamedConstraintAnswersTheProblemTheContractNames() {
        assertThat(ConstraintProblems.of(refused("23505", "customer_order_cart_id_key")))
                .extracting(p -> p.status, p -> p.code).containsExactly(409, "CART_ALREADY_CHECKED_OUT");
        assertThat(ConstraintProblems.of(refused("23514", "stock_reserved_within_on_hand")))
                .extracting(p -> p.status, p -> p.code).containsExactly(409, "STOCK_BELOW_RESERVED");
    }

    @Test
    void everyOtherIntegrityOrDataErrorAnswersTheProblemOfItsKind() {
        assertThat(ConstraintProblems.of(refused("23505", "some_new_key")).code).isEqualTo("CONCURRENT_CHANGE");
        assertThat(ConstraintProblems.of(refused("23503", null)).status).isEqualTo(409);
        assertThat(ConstraintProblems.of(refused("23P01", null)).status).isEqualTo(409);
        assertThat(ConstraintProblems.of(refused("23514", "some_check")))
                .extracting(p -> p.status, p -> p.code).containsExactly(422, "CONSTRAINT_VIOLATED");
        assertThat(ConstraintProblems.of(refused("23502", null)).status).isEqualTo(422);
        assertThat(ConstraintProblems.of(refused("22001", null)))
                .extracting(p -> p.status, p -> p.code).containsExactly(400, "VALUE_NOT_STORABLE");
        assertThat(ConstraintProblems.of(refused("22021", null)).status).isEqualTo(400);
        // Not a refusal of the request: left to the mappers that handle it (retry, unavailable, 500).
        assertThat(ConstraintProblems.of(refused("40001", null))).isNull();
        assertThat(ConstraintProblems.of(refused("08006", null))).isNull();
    }
}
