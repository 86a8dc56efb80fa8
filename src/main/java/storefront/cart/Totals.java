package storefront.cart;

import java.util.List;
import storefront.region.DeliveryMethod;
import storefront.region.RegionView.TaxMode;

/**
 * The arithmetic of a cart or an order, in integer minor units of one currency.
 * Pure: no I/O.
 *
 * <p>Rounding rule: tax is computed once, on the taxable amount (goods plus
 * shipping), and rounded half up to the currency's minor unit. With inclusive
 * tax (EU VAT) the prices already hold it: tax = base x rate / (1 + rate) and the
 * total is the base. With exclusive tax (US sales tax) tax = base x rate and is
 * added to the total. An empty cart ships nothing and costs nothing.
 */
public final class Totals {

    private static final long BASIS_POINTS = 10_000;

    /** What a cart or an order costs. {@code taxIncluded}: the tax is part of subtotal and shipping. */
    public record Amounts(long subtotal, long shipping, long tax, int taxRateBps, boolean taxIncluded, long total) {
    }

    public record Line(long unitPrice, int quantity) {

        public long total() {
            return Math.multiplyExact(unitPrice, (long) quantity);
        }
    }

    private Totals() {
    }

    /** Shipped by {@code delivery} (its price for these goods: free above its threshold); null ships free. */
    public static Amounts of(List<Line> lines, DeliveryMethod delivery, TaxMode mode, int rateBps) {
        long subtotal = 0;
        for (Line line : lines) {
            subtotal = Math.addExact(subtotal, line.total());
        }
        return of(lines, delivery == null ? 0 : delivery.priceFor(subtotal), mode, rateBps);
    }

    public static Amounts of(List<Line> lines, long flatShipping, TaxMode mode, int rateBps) {
        if (rateBps < 0 || rateBps > BASIS_POINTS) {
            throw new IllegalArgumentException("rate out of range: " + rateBps);
        }
        long subtotal = 0;
        for (Line line : lines) {
            subtotal = Math.addExact(subtotal, line.total());
        }
        long shipping = lines.isEmpty() ? 0 : flatShipping;
        long base = Math.addExact(subtotal, shipping);
        if (mode == TaxMode.INCLUSIVE) {
            long tax = divideHalfUp(Math.multiplyExact(base, rateBps), BASIS_POINTS + rateBps);
            return new Amounts(subtotal, shipping, tax, rateBps, true, base);
        }
        long tax = divideHalfUp(Math.multiplyExact(base, rateBps), BASIS_POINTS);
        return new Amounts(subtotal, shipping, tax, rateBps, false, Math.addExact(base, tax));
    }

    /** n / d rounded half up, for n >= 0 and d > 0. */
    static long divideHalfUp(long n, long d) {
        long quotient = n / d;
        long remainder = n % d;
        return remainder * 2 >= d ? quotient + 1 : quotient;
    }
}
