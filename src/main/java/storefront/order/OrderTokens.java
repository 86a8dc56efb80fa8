package storefront.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** An order's access token: 256 random bits for the shopper; only its SHA-256 is stored. */
public final class OrderTokens {

    /** The header that carries it. */
    public static final String HEADER = "Order-Token";
    /** The contract's name for it as a security scheme. */
    public static final String SCHEME = "orderToken";

    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderTokens() {
    }

    public static String mint() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the token is the order's, compared in constant time. */
    public static boolean matches(String token, byte[] storedHash) {
        return token != null && MessageDigest.isEqual(hash(token), storedHash);
    }
}
