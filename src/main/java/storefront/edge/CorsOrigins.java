package storefront.edge;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The origins whose browsers may call the API (quarkus.http.cors.origins, which
 * the framework's CORS handling uses too), asked before that handling so that a
 * refusal is a problem document rather than a bare 403. A request from its own
 * origin is no cross-origin request.
 */
@Singleton
class CorsOrigins {

    private final List<String> allowed;

    CorsOrigins(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.allowed = origins.orElse(List.of()).stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    boolean allows(String origin, HttpServerRequest request) {
        if (allowed.contains("*") || allowed.contains(origin)) {
            return true;
        }
        String own = request.scheme() + "://" + request.authority();
        return origin.equalsIgnoreCase(own);
    }
}
