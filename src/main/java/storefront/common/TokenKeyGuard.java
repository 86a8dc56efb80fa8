package storefront.common;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The development key pair is in the repository for everyone to mint tokens
 * with, so a packaged application that trusts it would let anyone in. It
 * refuses to start instead, and says what to configure.
 */
@ApplicationScoped
public class TokenKeyGuard {

    static final String DEV_PUBLIC_KEY = "jwt/dev-public-key.pem";
    static final String DEV_ISSUER = "storefront-dev";

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> location;
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> inlineKey;

    void check(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> problems = problems(issuer.orElse(null), location.orElse(null), inlineKey.orElse(null));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join(" ", problems));
        }
    }

    /** What is wrong with this token configuration for production; empty when nothing is. */
    static List<String> problems(String issuer, String location, String inlineKey) {
        List<String> problems = new ArrayList<>();
        if ((location == null || location.isBlank()) && (inlineKey == null || inlineKey.isBlank())) {
            problems.add("no JWT public key is configured; set JWT_PUBLIC_KEY_LOCATION to the issuer's PEM key, "
                    + "JWK set or JWKS URL.");
        } else if (isDevKey(inlineKey) || (location != null && readLocal(location).stream().anyMatch(TokenKeyGuard::isDevKey))) {
            problems.add("the JWT public key is the development key, whose private half is public; set "
                    + "JWT_PUBLIC_KEY_LOCATION to the issuer's key.");
        }
        if (issuer == null || issuer.isBlank() || issuer.equals(DEV_ISSUER)) {
            problems.add("JWT_ISSUER is not set (the development issuer '" + DEV_ISSUER + "' is not accepted).");
        }
        return problems;
    }

    static boolean isDevKey(String keyText) {
        return keyText != null && keyMaterial(keyText).equals(keyMaterial(resource(DEV_PUBLIC_KEY).orElseThrow()));
    }

    /** The key as the location names it on the classpath or the file system; remote sets are not the dev key. */
    private static List<String> readLocal(String location) {
        if (location.startsWith("http:") || location.startsWith("https:")) {
            return List.of();
        }
        String path = location.replaceFirst("^(classpath|file):", "");
        List<String> found = new ArrayList<>();
        resource(path).ifPresent(found::add);
        try {
            Path file = Path.of(path);
            if (Files.isRegularFile(file)) {
                found.add(Files.readString(file));
            }
        } catch (IOException | RuntimeException e) {
            // not a readable file: smallrye-jwt reports it when a token arrives
        }
        return found;
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String keyMaterial(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
