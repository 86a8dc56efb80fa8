package storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A member an answer carries as {@code null} is one its schema in the committed
 * contract says may be null. (The schema validator lets a null through where a
 * value is required; a generated client would not.)
 */
final class NullsAsDocumented implements Filter {

    private final JsonNode contract;
    private final List<Map.Entry<Pattern, String>> templates = new ArrayList<>();

    NullsAsDocumented(Path contractJson) {
        try {
            contract = new ObjectMapper().readTree(contractJson.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        contract.path("paths").fieldNames().forEachRemaining(template -> templates.add(Map.entry(
                Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")), template)));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        String type = response.getContentType();
        if (type == null || !(type.startsWith("application/json") || type.startsWith("application/problem+json"))) {
            return response;
        }
        String path = URI.create(request.getURI()).getRawPath();
        String template = templates.stream().filter(t -> t.getKey().matcher(path).matches()).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        if (template == null) {
            return response;
        }
        JsonNode operation = contract.path("paths").path(template).path(request.getMethod().toLowerCase(Locale.ROOT));
        JsonNode content = operation.path("responses").path(Integer.toString(response.statusCode())).path("content");
        JsonNode schema = content.path(type.split(";")[0].strip()).path("schema");
        if (schema.isMissingNode()) {
            return response;
        }
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(response.asByteArray());
        } catch (IOException e) {
            return response;
        }
        List<String> undocumented = new ArrayList<>();
        walk(body, schema, "$", undocumented);
        if (!undocumented.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + template + " answered " + response.statusCode()
                    + " with null where the contract allows none: " + undocumented);
        }
        return response;
    }

    private void walk(JsonNode value, JsonNode schema, String at, List<String> undocumented) {
        if (value.isNull()) {
            if (!allowsNull(schema) && !allowsNull(resolve(schema))) {
                undocumented.add(at);
            }
            return;
        }
        JsonNode resolved = resolve(schema);
        for (String group : new String[] {"anyOf", "oneOf"}) {
            for (JsonNode branch : resolved.path(group)) {
                if (!"null".equals(branch.path("type").asText())) {
                    walk(value, branch, at, undocumented);
                    return;
                }
            }
        }
        if (value.isObject()) {
            JsonNode properties = resolved.path("properties");
            JsonNode additional = resolved.path("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                JsonNode property = properties.path(member.getKey());
                if (!property.isMissingNode()) {
                    walk(member.getValue(), property, at + "." + member.getKey(), undocumented);
                } else if (additional.isObject()) {
                    walk(member.getValue(), additional, at + "." + member.getKey(), undocumented);
                }
            }
        } else if (value.isArray() && resolved.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                walk(item, resolved.path("items"), at + "[" + i++ + "]", undocumented);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        for (int depth = 0; depth < 10 && at.has("$ref"); depth++) {
            at = contract.at(at.path("$ref").asText().substring(1));
        }
        return at;
    }

    private static boolean allowsNull(JsonNode schema) {
        JsonNode type = schema.path("type");
        if ("null".equals(type.asText())) {
            return true;
        }
        for (JsonNode t : type) {
            if ("null".equals(t.asText())) {
                return true;
            }
        }
        for (String group : new String[] {"anyOf", "oneOf"}) {
            for (JsonNode branch : schema.path(group)) {
                if ("null".equals(branch.path("type").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
