package storefront;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the API. One setting has to be made before the HTTP server exists:
 * the server's own URI check, which answers a malformed request target (a
 * {@code %} not followed by two hex digits, a raw brace) with an empty 400, is
 * turned off, because the edge makes the same check first thing and answers a
 * problem document with the request id ({@code storefront.edge.RequestText}).
 * Tests and dev mode, which do not start through this class, get the same
 * property from pom.xml.
 */
@QuarkusMain
public final class Main {

    /** The HTTP server's switch for its own URI check (read once, when the server is created). */
    public static final String SERVER_URI_CHECK_OFF = "vertx.disableURIValidation";

    Main() {
        // started through main(String...); Quarkus also knows the class as a bean
    }

    public static void main(String... args) {
        System.setProperty(SERVER_URI_CHECK_OFF, "true");
        Quarkus.run(args);
    }
}
