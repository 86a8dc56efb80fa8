package storefront.checkout;

import java.security.SecureRandom;

/**
 * The code a shopper gives at the store's counter to collect a pickup order:
 * eight characters of an alphabet without look-alikes (no 0/O, 1/I/L), read
 * out or typed by store staff; about 2^39 values, random per order.
 */
final class PickupCodes {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PickupCodes() {
    }

    static String mint() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
