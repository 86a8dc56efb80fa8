package storefront.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies a bearer token once, then trusts the result for a short while: a
 * client that sends the same token again and again (a shopper retrying a
 * flash-sale claim, a frontend polling) no longer pays an RS256 verification
 * per request. An entry lasts until the token expires or for at most
 * {@code storefront.jwt.verified-cache-seconds} (so a token keeps passing that
 * long after its signing key is withdrawn); a token that fails verification is
 * never kept, and an expired one is verified (and refused) again.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Cache<String, JWTCallerPrincipal> verified;

    VerifiedTokens(@ConfigProperty(name = "storefront.jwt.verified-cache-seconds") long seconds,
                   @ConfigProperty(name = "storefront.jwt.verified-cache-size") long size) {
        long maxNanos = Duration.ofSeconds(seconds).toNanos();
        this.verified = Caffeine.newBuilder()
                .maximumSize(seconds > 0 ? size : 0)
                .expireAfter(new Expiry<String, JWTCallerPrincipal>() {
                    @Override
                    public long expireAfterCreate(String token, JWTCallerPrincipal principal, long now) {
                        long untilExpiry = Duration.ofSeconds(principal.getExpirationTime()
                                - System.currentTimeMillis() / 1000).toNanos();
                        return Math.max(0, Math.min(maxNanos, untilExpiry));
                    }

                    @Override
                    public long expireAfterUpdate(String token, JWTCallerPrincipal principal, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String token, JWTCallerPrincipal principal, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal known = verified.getIfPresent(token);
        if (known != null && known.getExpirationTime() > System.currentTimeMillis() / 1000) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        verified.put(token, principal);
        return principal;
    }
}
