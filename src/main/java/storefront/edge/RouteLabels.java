package storefront.edge;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code uri} label of HTTP metrics is one of the API's route templates,
 * one of the framework's fixed labels, or {@value #UNMATCHED}: never a path as a
 * client sent it, which would let any client grow the metrics without bound
 * (a request refused before routing, by CORS or the edge, carries its raw path).
 */
final class RouteLabels implements MeterFilter {

    static final String UNMATCHED = "UNMATCHED";
    /** Labels the framework gives itself: no route, a redirect, a CORS preflight, the root. */
    private static final Set<String> FIXED = Set.of("NOT_FOUND", "REDIRECTION", "/cors-preflight", "/");
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}");

    private volatile Set<String> templates;

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith("http.server.")) {
            return id;
        }
        String uri = id.getTag("uri");
        if (uri == null || FIXED.contains(uri) || templates().contains(uri)) {
            return id;
        }
        List<Tag> tags = id.getTags().stream()
                .map(tag -> tag.getKey().equals("uri") ? Tag.of("uri", UNMATCHED) : tag).toList();
        return id.replaceTags(tags);
    }

    private Set<String> templates() {
        Set<String> known = templates;
        if (known == null) {
            known = new HashSet<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                addTemplates(bean.getBeanClass(), known);
            }
            templates = known = Set.copyOf(known);
        }
        return known;
    }

    static void addTemplates(Class<?> type, Set<String> into) {
        Path root = type.getAnnotation(Path.class);
        if (root == null) {
            return;
        }
        for (Method method : type.getMethods()) {
            if (!isOperation(method)) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            into.add(template(root.value() + (sub == null ? "" : "/" + sub.value())));
        }
    }

    private static boolean isOperation(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    /** As the framework writes a route's template: one slash between segments, none at the end, {name} bare. */
    static String template(String path) {
        String joined = PARAMETER.matcher(path).replaceAll("{$1}").replaceAll("/+", "/");
        if (!joined.startsWith("/")) {
            joined = "/" + joined;
        }
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
