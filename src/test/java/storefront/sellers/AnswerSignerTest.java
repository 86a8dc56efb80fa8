package storefront.sellers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured signing key: read from its PEM file, published, and refused when it is not a key. */
class AnswerSignerTest {

    @TempDir
    Path dir;

    @Test
    void signsWithTheConfiguredKeyAndPublishesItsPublicHalf() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        AnswerSigner signer = new AnswerSigner(Optional.of(pem.toString()));

        JsonWebKey published = new JsonWebKeySet(signer.keySet()).getJsonWebKeys().get(0);
        assertThat(published.getKey()).isEqualTo(pair.getPublic());
        byte[] body = "{\"verdict\":\"OFFICIAL\"}".getBytes(StandardCharsets.UTF_8);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(signer.sign(body));
        jws.setEncodedPayload(Base64.getUrlEncoder().withoutPadding().encodeToString(body));
        jws.setKey(pair.getPublic());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(published.getKeyId());
    }

    @Test
    void aFileThatIsNotAPrivateKeyIsRefusedWithAReadableMessage() throws Exception {
        Path pem = dir.resolve("public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> new AnswerSigner(Optional.of(pem.toString())))
                .hasMessageContaining("Refusing to start").hasMessageContaining("PKCS#8");
        assertThatThrownBy(() -> new AnswerSigner(Optional.of(dir.resolve("missing.pem").toString())))
                .hasMessageContaining("cannot read SELLER_SIGNING_KEY_LOCATION");
    }
}
