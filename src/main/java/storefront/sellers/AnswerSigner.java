package storefront.sellers;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Signs seller verification answers so that whoever receives one can keep it
 * as evidence: an RS256 JWS with detached payload (RFC 7515, appendix F) over
 * the exact bytes of the answer, naming its key by RFC 7638 thumbprint. The
 * public key is published as a JWK set.
 *
 * <p>The key is a PKCS#8 PEM file at {@code SELLER_SIGNING_KEY_LOCATION}. The
 * packaged application refuses to start without one; dev mode and tests sign
 * with a key made at start-up, which no other process knows.
 */
@Startup
@Singleton
public class AnswerSigner {

    private static final Logger LOG = Logger.getLogger(AnswerSigner.class);

    private final PrivateKey privateKey;
    private final String keyId;
    private final String keySet;

    @Inject
    AnswerSigner(SellersConfig config) {
        this(config.signingKeyLocation());
    }

    /** Signs with the key in the PEM file at {@code location}, or with a key made now. */
    AnswerSigner(Optional<String> location) {
        KeyPair pair = location.filter(l -> !l.isBlank()).map(AnswerSigner::read).orElseGet(AnswerSigner::ephemeral);
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
        this.keyId = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
        jwk.setKeyId(keyId);
        jwk.setUse("sig");
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        this.keySet = new JsonWebKeySet(jwk).toJson();
        this.privateKey = pair.getPrivate();
    }

    /** The detached compact JWS of these bytes: {@code header..signature}. */
    public String sign(byte[] body) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayloadBytes(body);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(keyId);
        jws.setKey(privateKey);
        try {
            return jws.getDetachedContentCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a seller answer", e);
        }
    }

    /** The public key as a JWK set. */
    public String keySet() {
        return keySet;
    }

    private static KeyPair read(String location) {
        try {
            String pem = Files.readString(Path.of(location), StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalStateException("Refusing to start: SELLER_SIGNING_KEY_LOCATION (" + location
                        + ") is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----); make one with "
                        + "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048");
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())),
                    key);
        } catch (IOException e) {
            throw new UncheckedIOException("Refusing to start: cannot read SELLER_SIGNING_KEY_LOCATION " + location, e);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("Refusing to start: SELLER_SIGNING_KEY_LOCATION (" + location
                    + ") is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private static KeyPair ephemeral() {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("Refusing to start: SELLER_SIGNING_KEY_LOCATION is not set. Seller "
                    + "verification answers are signed with it; make one with "
                    + "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out seller-signing-key.pem");
        }
        LOG.info("Seller answers are signed with a key made at start-up (SELLER_SIGNING_KEY_LOCATION is not set)");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a seller signing key", e);
        }
    }
}
