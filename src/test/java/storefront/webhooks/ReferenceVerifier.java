package storefront.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Checks a delivery's signature with the Standard Webhooks reference library
 * (the npm package {@code standardwebhooks}, run by node): an implementation
 * that shares no code with the storefront's signer. Installed once per build
 * into {@code target/webhook-verifier} from {@code src/test/webhooks}.
 */
final class ReferenceVerifier {

    private static final Path SOURCE = Path.of("src/test/webhooks");
    private static final Path HOME = Path.of("target/webhook-verifier");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceVerifier() {
    }

    /** What the library says: "verified", or "refused: why". */
    static String verify(String secret, Map<String, String> headers, String body) {
        Path home = installed();
        try {
            Process node = new ProcessBuilder("node", "verify.js").directory(home.toFile()).redirectErrorStream(true)
                    .start();
            node.getOutputStream().write(JSON.writeValueAsBytes(Map.of("secret", secret, "headers", headers,
                    "body", body)));
            node.getOutputStream().close();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IllegalStateException("node verify.js did not finish");
            }
            return new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (the tests need node and npm)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path installed() {
        try {
            Files.createDirectories(HOME);
            for (String file : List.of("package.json", "package-lock.json", "verify.js")) {
                Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.isDirectory(HOME.resolve("node_modules/standardwebhooks"))) {
                Process npm = new ProcessBuilder("npm", "ci", "--silent", "--no-audit", "--no-fund")
                        .directory(HOME.toFile()).redirectErrorStream(true).start();
                String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                    throw new IllegalStateException("npm ci failed in " + HOME + ": " + output);
                }
            }
            return HOME;
        } catch (IOException e) {
            throw new IllegalStateException("cannot install the reference verifier (the tests need node and npm)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
