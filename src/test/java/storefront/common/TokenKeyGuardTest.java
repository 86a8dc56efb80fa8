package storefront.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeyGuardTest {

    @Test
    void refusesTheDevelopmentKeyWhereverItIsNamed(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("key.pem");
        Files.copy(Path.of("src/main/resources/jwt/dev-public-key.pem"), copy);
        for (String location : new String[] {"jwt/dev-public-key.pem", "classpath:jwt/dev-public-key.pem",
                copy.toString(), "file:" + copy}) {
            assertThat(TokenKeyGuard.problems("https://id.example.com", location, null))
                    .as(location).singleElement().asString().contains("development key");
        }
        String inline = Files.readString(copy);
        assertThat(TokenKeyGuard.problems("https://id.example.com", null, inline))
                .singleElement().asString().contains("development key");
    }

    @Test
    void refusesNoKeyAndTheDevelopmentIssuer() {
        assertThat(TokenKeyGuard.problems(null, null, null)).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("no JWT public key"))
                .anySatisfy(p -> assertThat(p).contains("JWT_ISSUER"));
        assertThat(TokenKeyGuard.problems("storefront-dev", "https://id.example.com/jwks", null))
                .singleElement().asString().contains("JWT_ISSUER");
    }

    @Test
    void acceptsAnotherKeyOrARemoteKeySet(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Path key = Files.writeString(dir.resolve("issuer.pem"), pem);
        assertThat(TokenKeyGuard.problems("https://id.example.com", key.toString(), null)).isEmpty();
        assertThat(TokenKeyGuard.problems("https://id.example.com", "https://id.example.com/jwks", null)).isEmpty();
    }
}
