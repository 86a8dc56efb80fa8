package storefront.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import storefront.Tokens;

/** A verified token is trusted again without a second signature check, and nothing else is. */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    JWTCallerPrincipalFactory factory;

    @Inject
    JWTAuthContextInfo context;

    @Test
    void theCachingVerifierIsTheOneInUse() {
        assertThat(factory).isInstanceOf(VerifiedTokens.class);
    }

    @Test
    void aTokenPassesAgainAndATamperedCopyOfItDoesNot() {
        String token = Tokens.shopper("cache-" + System.nanoTime());
        given().auth().oauth2(token).get("/api/v1/me/orders").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/me/orders").then().statusCode(200);

        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
                + token.charAt(token.length() - 1);
        given().auth().oauth2(tampered).get("/api/v1/me/orders").then().statusCode(401);
        // Claims changed under the same signature are refused too.
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Tokens.admin("x").split("\\.")[1] + "." + parts[2];
        given().auth().oauth2(forged).get("/api/v1/admin/audit").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = Tokens.token("late", "shopper", List.of(), Tokens.ISSUER, Tokens.devKey(), -3600);
        given().auth().oauth2(expired).get("/api/v1/me/orders").then().statusCode(401);
    }

    @Test
    void aCrowdOfNewTokensStaysWithinTheMemoryTheCacheIsGiven() throws ParseException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        VerifiedTokens tokens = new VerifiedTokens(60, 1024 * 1024, registry);
        List<String> crowd = IntStream.range(0, 1_000).mapToObj(i -> Tokens.shopper("crowd-" + i + "-" + System.nanoTime()))
                .toList();
        for (String token : crowd) {
            assertThat(tokens.parse(token, context).getName()).startsWith("crowd-");
        }
        int shortest = crowd.stream().mapToInt(String::length).min().orElseThrow();
        long fitInOneMiB = 1024 * 1024 / (VerifiedTokens.ENTRY_OVERHEAD_BYTES + 2L * shortest);
        double kept = registry.get("cache.size").tag("cache", "verified-tokens").gauge().value();
        assertThat(fitInOneMiB).isLessThan(crowd.size());
        assertThat(kept).isPositive().isLessThanOrEqualTo(fitInOneMiB);
        assertThat(registry.get("cache.evictions").tag("cache", "verified-tokens").functionCounter().count())
                .isGreaterThanOrEqualTo(crowd.size() - fitInOneMiB);
    }
}
