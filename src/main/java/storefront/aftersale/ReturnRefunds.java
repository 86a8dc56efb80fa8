package storefront.aftersale;

import java.util.Map;

/**
 * What a return gives back. Pure: no I/O.
 *
 * <p>The rule: each returned unit gives back what was paid for it (its line's
 * total over its units, rounded half up), and in a region whose prices exclude
 * tax, its share of the order's tax (tax is charged on goods and delivery, so the
 * share is tax × goods / (subtotal + delivery), rounded half up).
 * Delivery is given back only when the return completes the return of every
 * unit of the order: that return gives back everything not yet refunded,
 * delivery included (as EU withdrawal law asks for the standard delivery).
 * Staff may give back less (a unit returned damaged), never more; what goes
 * beyond is an ops refund. Whatever the rule says, no refund exceeds what is
 * left of the payment.
 */
public final class ReturnRefunds {

    /** What the order sold of one SKU: its units and what they cost together. */
    public record Sold(int units, long paidMinor) {
    }

    /** The order as the rule sees it. */
    public record Order(Map<String, Sold> sold, long subtotalMinor, long shippingMinor, long taxMinor,
                        boolean pricesIncludeTax) {
    }

    /** The refund the rule gives: for the goods, their tax, and whether it completes the order's return. */
    public record Refund(long goodsMinor, long taxMinor, boolean completesOrder) {

        /** The amount, before the cap of what is left to refund; everything left when it completes the order. */
        public long amountMinor() {
            return completesOrder ? Long.MAX_VALUE : goodsMinor + taxMinor;
        }
    }

    private ReturnRefunds() {
    }

    /** {@code returning} units per SKU; {@code returnedBefore} per SKU by the order's earlier refunded returns. */
    public static Refund of(Order order, Map<String, Integer> returning, Map<String, Integer> returnedBefore) {
        long goods = 0;
        for (Map.Entry<String, Integer> unit : returning.entrySet()) {
            Sold sold = order.sold().get(unit.getKey());
            if (sold == null || sold.units() == 0) {
                throw new IllegalArgumentException("the order sold no " + unit.getKey());
            }
            goods += halfUp(sold.paidMinor() * unit.getValue(), sold.units());
        }
        long taxed = order.subtotalMinor() + order.shippingMinor();
        long tax = order.pricesIncludeTax() || taxed == 0 ? 0 : halfUp(order.taxMinor() * goods, taxed);
        boolean completes = order.sold().entrySet().stream().allMatch(s -> returnedBefore.getOrDefault(s.getKey(), 0)
                + returning.getOrDefault(s.getKey(), 0) >= s.getValue().units());
        return new Refund(goods, tax, completes);
    }

    private static long halfUp(long numerator, long denominator) {
        return (2 * numerator + denominator) / (2 * denominator);
    }
}
