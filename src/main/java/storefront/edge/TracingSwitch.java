package storefront.edge;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing is on only where a collector is named: without
 * OTEL_EXPORTER_OTLP_ENDPOINT the OpenTelemetry SDK stays disabled, so nothing
 * tries (and fails, noisily) to export spans. QUARKUS_OTEL_SDK_DISABLED still
 * overrides this either way.
 */
public class TracingSwitch implements ConfigSource {

    static final String ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private static final String DISABLED = "quarkus.otel.sdk.disabled";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(DISABLED);
    }

    @Override
    public String getValue(String name) {
        return DISABLED.equals(name) ? Boolean.toString(disabled(System.getenv())) : null;
    }

    static boolean disabled(Map<String, String> environment) {
        String endpoint = environment.get(ENDPOINT_VARIABLE);
        return endpoint == null || endpoint.isBlank();
    }

    @Override
    public String getName() {
        return "storefront-tracing-switch";
    }

    /** Below application.properties (250) and the environment (300): either can still decide. */
    @Override
    public int getOrdinal() {
        return 200;
    }
}
