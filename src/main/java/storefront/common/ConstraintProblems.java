package storefront.common;

import io.vertx.pgclient.PgException;
import java.util.Map;

/**
 * What a client is told when PostgreSQL refuses a change: the problem the
 * contract documents for the constraint that refused it, or, for one no rule
 * names, the problem of its kind. A constraint violation means the data moved
 * under the request (two writers at once) or the request asked for what the
 * data may not hold; either way the client gets a 4xx it can act on, never a 500.
 */
final class ConstraintProblems {

    /** Constraints whose refusal the contract names with a code of its own. */
    private static final Map<String, Problem> BY_CONSTRAINT = Map.of(
            "customer_order_cart_id_key", new Problem(409, "CART_ALREADY_CHECKED_OUT", "Cart already checked out",
                    "This cart is already an order; a retry of that checkout must reuse its Idempotency-Key.",
                    null, null),
            "stock_reserved_within_on_hand", new Problem(409, "STOCK_BELOW_RESERVED", "Below what is reserved",
                    "Units on hand cannot go below the units reserved for orders and sales; read the stock again.",
                    null, null),
            "stock_on_hand_check", new Problem(409, "STOCK_BELOW_RESERVED", "Below what is reserved",
                    "Units on hand cannot go below zero; read the stock again.", null, null));

    private ConstraintProblems() {
    }

    /** The problem for an integrity (SQLSTATE 23) or data (22) error, or null for any other. */
    static Problem of(PgException e) {
        String state = e.getSqlState();
        if (state == null) {
            return null;
        }
        Problem named = e.getConstraint() == null ? null : BY_CONSTRAINT.get(e.getConstraint());
        if (named != null) {
            return named;
        }
        if (state.equals("23505") || state.equals("23503") || state.equals("23P01")) {
            return new Problem(409, "CONCURRENT_CHANGE", "Concurrent change",
                    "Another change to the same data was made at the same time. Read again and retry.", null, null);
        }
        if (state.startsWith("23")) {
            return new Problem(422, "CONSTRAINT_VIOLATED", "Not allowed by the data's rules",
                    "The change would leave the data in a state its rules do not allow; nothing was changed.",
                    null, null);
        }
        if (state.startsWith("22")) {
            return new Problem(400, "VALUE_NOT_STORABLE", "Value cannot be stored",
                    "A value in the request is out of the range or form that can be stored; nothing was changed.",
                    null, null);
        }
        return null;
    }
}
