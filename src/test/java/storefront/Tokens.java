package storefront;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.List;
import java.util.Set;

/** Bearer tokens for tests, signed with the development key pair the test profile trusts. */
public final class Tokens {

    public static final String ISSUER = "storefront-dev";
    private static final PrivateKey DEV_KEY = load(Path.of("dev/jwt/dev-private-key.pem"));

    private Tokens() {
    }

    /** An ops lead who may change these regions. */
    public static String ops(String actor, String... regions) {
        return token(actor, "ops", List.of(regions), ISSUER, DEV_KEY, 3600);
    }

    public static String admin(String actor) {
        return token(actor, "ops-admin", List.of(), ISSUER, DEV_KEY, 3600);
    }

    /** A signed-in shopper whose customer id is {@code customerId}. */
    public static String shopper(String customerId) {
        return token(customerId, "shopper", List.of(), ISSUER, DEV_KEY, 3600);
    }

    /** Staff of these stores. */
    public static String store(String actor, String... stores) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject(actor).upn(actor).groups(Set.of("store")).claim("stores", List.of(stores))
                .issuedAt(now - 10).expiresAt(now + 3600).jws().sign(DEV_KEY);
    }

    public static String auditor(String actor) {
        return token(actor, "auditor", List.of(), ISSUER, DEV_KEY, 3600);
    }

    public static String token(String actor, String role, List<String> regions, String issuer, PrivateKey key,
                               long secondsValid) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(issuer).subject(actor).upn(actor).groups(Set.of(role)).claim("regions", regions)
                .issuedAt(now - 10).expiresAt(now + secondsValid).jws().sign(key);
    }

    /** An ops-admin token issued ten minutes ago that expired {@code secondsAgo} ago. */
    public static String expiredAgo(String actor, long secondsAgo) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject(actor).upn(actor).groups(Set.of("ops-admin")).claim("regions", List.of())
                .issuedAt(now - 600).expiresAt(now - secondsAgo).jws().sign(DEV_KEY);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static PrivateKey devKey() {
        return DEV_KEY;
    }

    static PrivateKey load(Path pem) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(pem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
