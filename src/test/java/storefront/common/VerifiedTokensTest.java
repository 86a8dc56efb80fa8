package storefront.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import storefront.Tokens;

/** A verified token is trusted again without a second signature check, and nothing else is. */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    JWTCallerPrincipalFactory factory;

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
}
