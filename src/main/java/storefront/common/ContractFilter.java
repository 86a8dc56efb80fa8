package storefront.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every operation of the contract shares, added in one place rather than
 * in a hundred annotations: the problem answers any request can meet on its way
 * in (bad text in the URI or headers, limits, media types, CORS, the database
 * away, a token refused, a write rate limit, a region served elsewhere), each
 * with its codes and the Problem schema; stable operation ids; the Problem
 * schema's codes and the members some codes add; the servers and contact.
 */
public class ContractFilter implements OASFilter {
    // Subclassed by storefront.events.EventsContract, which adds the webhooks: the shared packages stay acyclic.

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** The name OrderResource's security requirement uses (OrderTokens.SCHEME). */
    static final String ORDER_TOKEN = "orderToken";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.servers(List.of(OASFactory.createServer().url("http://localhost:8080")
                .description("Dev mode (./mvnw quarkus:dev); a deployment serves the same paths at its own host.")));
        openAPI.getInfo().contact(OASFactory.createContact().name("storefront API team"));
        // Declared here, not by annotation: an annotated scheme would become the one secured operations default to.
        openAPI.getComponents().addSecurityScheme(ORDER_TOKEN, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("Order-Token")
                .description("The order's access token, answered once by checkout (`accessToken`): it alone reads "
                        + "that one order, for a guest as for a signed-in shopper."));
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Schema problem = openAPI.getComponents().getSchemas().get("Problem");
            if (problem != null) {
                describeProblem(problem);
            }
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                shared(path, method, operation)));
        answersRequireEveryMember(openAPI);
    }

    /**
     * An answer carries every member of its schema (null where it has no value:
     * the JSON writer leaves none out), so the schemas only answers use list every
     * property as required; a member that can be null says so in its own schema.
     * Schemas that requests use too keep the requirements Bean Validation gives them.
     * The filter runs on the build's model and again on the served one: it gives
     * the same answer both times.
     */
    private static void answersRequireEveryMember(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> answers = new TreeSet<>();
        Set<String> requests = new TreeSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values()
                        .forEach(media -> reach(media.getSchema(), components, requests));
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getContent() != null) {
                        response.getContent().getMediaTypes().values()
                                .forEach(media -> reach(media.getSchema(), components, answers));
                    }
                });
            }
        }));
        // What the API posts to webhook receivers is written like an answer: every member, null or not.
        if (openAPI.getWebhooks() != null) {
            openAPI.getWebhooks().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values()
                            .forEach(media -> reach(media.getSchema(), components, answers));
                }
            }));
        }
        answers.removeAll(requests);
        answers.remove("Problem");
        for (String name : answers) {
            Schema schema = components.get(name);
            // A schema that names its required members keeps them (one written without its empty members,
            // @JsonInclude, marks them with @Schema(required = true) and says so in x-omits-empty-members).
            boolean statesItsOwn = schema.getRequired() != null && !schema.getRequired().isEmpty();
            if (!statesItsOwn && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    /** Adds the component schemas {@code schema} refers to, directly or through others, to {@code into}. */
    private static void reach(Schema schema, Map<String, Schema> components, Set<String> into) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (into.add(name)) {
                reach(components.get(name), components, into);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> reach(property, components, into));
        }
        reach(schema.getItems(), components, into);
        if (schema.getAdditionalPropertiesSchema() != null) {
            reach(schema.getAdditionalPropertiesSchema(), components, into);
        }
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(member -> reach(member, components, into));
            }
        }
    }

    /** The problem answers that every operation of this shape can give, beside its own. */
    private static void shared(String path, PathItem.HttpMethod method, Operation operation) {
        operation.setOperationId(operationId(operation.getOperationId()));
        boolean api = path.startsWith("/api/");
        boolean body = operation.getRequestBody() != null;
        boolean secured = operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty());
        boolean guestToo = operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() == null || requirement.getSchemes().isEmpty());
        roleScopesToDescription(operation);
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        add(responses, 400, body
                ? "MALFORMED_BODY (the body is not JSON of this shape; `errors` names the member), MALFORMED_URI or "
                        + "VALIDATION_FAILED (a parameter or header that is not valid text)"
                : "MALFORMED_URI or VALIDATION_FAILED (a parameter or header that is not valid text)");
        if (secured) {
            add(responses, 401, guestToo ? "INVALID_TOKEN (a bearer token is sent but not valid)"
                    : "AUTHENTICATION_REQUIRED (no bearer token) or INVALID_TOKEN");
            add(responses, 403, "ROLE_NOT_ALLOWED (the token's roles do not allow it)");
        }
        add(responses, 403, "CORS_ORIGIN_NOT_ALLOWED (a browser's call from an origin not allowed)");
        add(responses, 406, "NOT_ACCEPTABLE (Accept takes neither application/json nor application/problem+json)");
        if (body) {
            add(responses, 413, "PAYLOAD_TOO_LARGE");
            add(responses, 415, "UNSUPPORTED_MEDIA_TYPE");
        }
        add(responses, 414, "URI_TOO_LONG (a request target over 8 KiB)");
        if (takesIfMatch(operation)) {
            add(responses, 412, "PRECONDITION_FAILED (the target changed since the ETag in If-Match)");
            add(responses, 428, "PRECONDITION_REQUIRED (If-Match is missing)");
        }
        if (api && regional(path, operation)) {
            add(responses, 421, "REGION_NOT_SERVED_HERE (`servedHere` lists the regions this deployment serves)");
        }
        add(responses, 431, "HEADERS_TOO_LARGE (headers over 16 KiB)");
        if (api && method != PathItem.HttpMethod.GET && !path.startsWith("/api/v1/webhooks/")) {
            add(responses, 429, "WRITE_RATE_LIMITED (too many writes from this client address; see Retry-After)");
        }
        add(responses, 500, "INTERNAL_ERROR (a fault of the server, logged with the request id)");
        if (api) {
            add(responses, 503, "DATABASE_UNAVAILABLE or REQUEST_TIMEOUT (retry after Retry-After)");
        }
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
    }

    /** Whether the operation names a region (path, query, or the cart or sale it works on). */
    private static boolean regional(String path, Operation operation) {
        if (path.contains("{code}") || path.contains("{region}") || path.startsWith("/api/v1/carts")
                || path.contains("flash-sales") || path.contains("/prices/")) {
            return true;
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        return parameters.stream().anyMatch(p -> "region".equals(p.getName()));
    }

    /** Adds a problem answer with this status, or names the codes in the one the operation documents. */
    private static void add(APIResponses responses, int status, String codes) {
        String key = Integer.toString(status);
        APIResponse existing = responses.getAPIResponse(key);
        if (existing != null) {
            String description = existing.getDescription() == null ? "" : existing.getDescription().strip();
            String firstCode = codes.split("[ ,(]", 2)[0];
            if (!description.contains(firstCode)) {
                existing.setDescription(description + (description.isEmpty() || description.endsWith(".") ? " " : ". ")
                        + "Also " + codes + ".");
            }
            if (existing.getContent() == null) {
                existing.setContent(problemContent());
            }
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(codes + ".").content(problemContent());
        if (status == 429 || status == 503) {
            response.addHeader("Retry-After", retryAfter());
        }
        responses.addAPIResponse(key, response);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait before retrying.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }

    /**
     * A bearer scheme has no scopes: the roles an operation allows go to its
     * description, and its security requirement names the scheme alone.
     */
    private static void roleScopesToDescription(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        List<String> roles = new ArrayList<>();
        List<SecurityRequirement> cleaned = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            SecurityRequirement bare = OASFactory.createSecurityRequirement();
            if (requirement.getSchemes() != null) {
                requirement.getSchemes().forEach((scheme, scopes) -> {
                    if (scopes != null) {
                        scopes.stream().filter(role -> !roles.contains(role)).forEach(roles::add);
                    }
                    bare.addScheme(scheme);
                });
            }
            cleaned.add(bare);
        }
        operation.setSecurity(cleaned);
        if (!roles.isEmpty()) {
            String description = operation.getDescription() == null ? "" : operation.getDescription().strip();
            operation.setDescription((description.isEmpty() ? "" : description + " ")
                    + "Roles: " + String.join(", ", roles) + ".");
        }
    }

    /** {@code CartResource_setQuantity} becomes {@code cartSetQuantity}: stable as long as the method keeps its name. */
    static String operationId(String classMethod) {
        if (classMethod == null || !classMethod.contains("_")) {
            return classMethod;
        }
        String[] parts = classMethod.split("_", 2);
        String owner = parts[0].replaceAll("Resource$", "");
        return Character.toLowerCase(owner.charAt(0)) + owner.substring(1)
                + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
    }

    /** Every code a problem can carry, and the members some codes add, typed. */
    private static void describeProblem(Schema problem) {
        // Written without empty members: these are always there, the others only with the codes that add them.
        problem.setRequired(new ArrayList<>(List.of("type", "title", "status", "code", "detail", "requestId")));
        Schema code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        if (code != null) {
            code.setEnumeration(new ArrayList<>(ProblemTypes.all().stream().map(ProblemTypes.Type::code).toList()));
            code.setDescription("Stable machine-readable code; GET /problems lists them with their meaning, and "
                    + "`type` resolves to the one of this problem.");
        }
        Map<String, Schema> members = new LinkedHashMap<>();
        members.put("region", string("PRODUCT_NOT_AVAILABLE_IN_REGION, SHIPPING_COUNTRY_NOT_IN_REGION, "
                + "DELIVERY_METHOD_UNAVAILABLE: the region asked about."));
        members.put("product", string("PRODUCT_NOT_AVAILABLE_IN_REGION: the product slug."));
        members.put("sku", string("PRODUCT_NOT_AVAILABLE_IN_REGION from the cart or a flash sale: the SKU."));
        members.put("reasons", array(OASFactory.createSchema().ref("#/components/schemas/Reason"),
                "PRODUCT_NOT_AVAILABLE_IN_REGION: every reason the product or SKU cannot be sold there."));
        members.put("availableIn", array(string(null),
                "PRODUCT_NOT_AVAILABLE_IN_REGION from the catalog: the regions where the product is sold now."));
        members.put("items", array(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .addProperty("sku", string(null)).addProperty("product", string(null))
                        .addProperty("reasons", array(OASFactory.createSchema().ref("#/components/schemas/Reason"), null)),
                "PRODUCT_NOT_AVAILABLE_IN_REGION at checkout: the lines that can no longer be bought."));
        members.put("skus", array(string(null), "OUT_OF_STOCK, SKU_CODE_TAKEN: the SKUs concerned."));
        members.put("servedBy", string("SHIPPING_COUNTRY_NOT_IN_REGION: the region that ships to the country; null "
                + "when none does. PICKUP_STORE_NOT_IN_REGION: the store's region.").addType(Schema.SchemaType.NULL));
        members.put("store", string("PICKUP_STORE_UNAVAILABLE, PICKUP_STORE_NOT_IN_REGION: the store asked for."));
        members.put("available", array(string(null),
                "DELIVERY_METHOD_UNAVAILABLE: the codes of the delivery methods that ship to the address."));
        members.put("servedHere", array(string(null), "REGION_NOT_SERVED_HERE: the regions this deployment serves."));
        members.put("target", string("PRECONDITION_FAILED, PRECONDITION_REQUIRED: the target of the write."));
        members.put("change", integer("PRECONDITION_FAILED in a change set: the index of the change."));
        members.put("changes", array(integer(null), "PRECONDITION_REQUIRED in a change set: the changes without ifMatch."));
        members.put("saleId", string("NOT_STARTED, ENDED, SOLD_OUT, LIMIT_REACHED: the sale."));
        members.put("startsAt", dateTime("NOT_STARTED: when the sale starts."));
        members.put("endsAt", dateTime("ENDED: when the sale ended."));
        members.put("limit", integer("LIMIT_REACHED: the sale's per-customer limit."));
        members.put("limitedBy", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .enumeration(List.of("account", "address")).description("LIMIT_REACHED: what holds the limit."));
        members.put("refundableMinor", integer("REFUND_EXCEEDS_PAYMENT: what is left to refund, in minor units."));
        members.put("reserved", integer("STOCK_BELOW_RESERVED: the units held by orders and flash sales."));
        members.put("onHand", integer("STOCK_BELOW_RESERVED, STOCK_BELOW_ALLOCATED: the units on hand."));
        members.put("allocated", integer("STOCK_BELOW_ALLOCATED: the units allocated to paid orders there."));
        members.put("atMainWarehouse", integer("STOCK_AT_OTHER_LOCATIONS: the unsold units at the region's main "
                + "warehouse."));
        members.put("taken", array(string(null), "SELLER_IDENTITY_TAKEN: the domains and storefronts of other sellers."));
        members.put("regions", array(string(null), "REGION_NOT_IN_SCOPE: the regions the token may not change."));
        members.put("stores", array(string(null), "STORE_NOT_IN_SCOPE: the stores the token may act for."));
        members.put("fulfilmentStatus", string("FULFILMENT_TRANSITION_REFUSED: where the fulfilment stands."));
        members.put("returnStatus", string("RETURN_TRANSITION_REFUSED: where the return stands."));
        members.put("returnBy", dateTime("RETURN_WINDOW_CLOSED: when the return window closed."));
        members.put("progress", string("ORDER_NOT_CANCELLABLE: the order's fulfilment progress."));
        members.put("country", string("COUNTRY_NOT_SERVED, SHIPPING_COUNTRY_NOT_IN_REGION: the country asked about."));
        members.put("currency", string("REFUND_EXCEEDS_PAYMENT: the currency of refundableMinor."));
        members.put("claim", string("FLASH_CLAIM_INVALID: the claim token at fault."));
        members.put("reason", string("FLASH_CLAIM_INVALID: NOT_FOUND, EXPIRED, ORDERED, SOLD, RELEASED."));
        members.put("claimed", integer("FLASH_CLAIM_QUANTITY_MISMATCH: the units claimed for the SKU."));
        members.put("inCart", integer("FLASH_CLAIM_QUANTITY_MISMATCH: the units of the SKU in the cart."));
        members.forEach((name, schema) -> {
            if (problem.getProperties() == null || !problem.getProperties().containsKey(name)) {
                problem.addProperty(name, schema);
            }
        });
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description(description);
    }

    private static Schema dateTime(String description) {
        return string(description).format("date-time");
    }

    private static Schema array(Schema items, String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(items).description(description);
    }
}
