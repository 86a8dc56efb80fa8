package storefront.checkout;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Converts between our amounts (minor units as ISO 4217 defines them) and
 * Stripe's "smallest currency unit", which differs for a few currencies. Stripe
 * takes zero-decimal currencies (JPY, KRW, ...) in whole units, three-decimal
 * ones (KWD, ...) in thousandths ending in 0, and every other currency in
 * hundredths, even where ISO 4217 has no minor unit (ISK).
 * See https://docs.stripe.com/currencies#zero-decimal.
 */
public final class StripeAmounts {

    static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");
    static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    private StripeAmounts() {
    }

    static int stripeDigits(String currency) {
        return ZERO_DECIMAL.contains(currency) ? 0 : THREE_DECIMAL.contains(currency) ? 3 : 2;
    }

    static int isoDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** Our amount in Stripe's units; fails when Stripe cannot represent it exactly. */
    public static long toStripe(long minor, String currency) {
        int shift = stripeDigits(currency) - isoDigits(currency);
        long amount = shift >= 0 ? Math.multiplyExact(minor, pow10(shift)) : exactDivide(minor, pow10(-shift), currency);
        if (THREE_DECIMAL.contains(currency) && amount % 10 != 0) {
            throw new IllegalArgumentException("Stripe takes " + currency + " amounts in multiples of 10: " + amount);
        }
        return amount;
    }

    /** A Stripe amount in our minor units; fails when it has more precision than ISO 4217 allows. */
    public static long fromStripe(long amount, String currency) {
        int shift = stripeDigits(currency) - isoDigits(currency);
        return shift >= 0 ? exactDivide(amount, pow10(shift), currency) : Math.multiplyExact(amount, pow10(-shift));
    }

    /** Stripe names currencies in lower case. */
    public static String stripeCurrency(String currency) {
        return currency.toLowerCase(Locale.ROOT);
    }

    private static long exactDivide(long amount, long divisor, String currency) {
        if (amount % divisor != 0) {
            throw new IllegalArgumentException(amount + " is not a whole amount of " + currency);
        }
        return amount / divisor;
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
