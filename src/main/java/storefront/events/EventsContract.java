package storefront.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import storefront.common.ContractFilter;

/**
 * The contract's {@code webhooks}: every event type a subscription can take,
 * posted as a CloudEvent with its {@code data} schema, its subject and the
 * Standard Webhooks headers. Then the shared rules of {@link ContractFilter}.
 */
public class EventsContract extends ContractFilter {

    static final String MEDIA = "application/cloudevents+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("CloudEvent", envelope());
        for (EventType type : EventType.values()) {
            Schema event = OASFactory.createSchema().allOf(List.of(
                    OASFactory.createSchema().ref("#/components/schemas/CloudEvent"),
                    OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                            .properties(typed(type))
                            .required(List.of("type", "subject", "data"))));
            openAPI.addWebhook(type.wire(), OASFactory.createPathItem().POST(OASFactory.createOperation()
                    .summary(type.wire())
                    .description(type.description() + " Posted to every active subscription that takes the type "
                            + "and the region; retried until a 2xx, for up to 3 days.")
                    .operationId("event." + type.wire())
                    .tags(List.of("Webhook events"))
                    .parameters(List.of(
                            header("webhook-id", "The event's id: the same on every retry; deduplicate on it."),
                            header("webhook-timestamp", "Unix seconds when this attempt was signed."),
                            header("webhook-signature", "`v1,<base64 HMAC-SHA256 of id.timestamp.body>`, "
                                    + "space-separated when a rotated secret still signs too.")))
                    .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                            .addMediaType(MEDIA, OASFactory.createMediaType().schema(event))))
                    .responses(OASFactory.createAPIResponses()
                            .addAPIResponse("2XX", OASFactory.createAPIResponse()
                                    .description("Taken: the event is delivered."))
                            .addAPIResponse("default", OASFactory.createAPIResponse()
                                    .description("Anything else, or no answer within the read timeout: retried "
                                            + "with exponential back-off and jitter.")))));
        }
        super.filterOpenAPI(openAPI);
    }

    private static Schema envelope() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A CloudEvents 1.0 event in structured JSON.")
                .properties(envelopeMembers(text))
                .required(List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype",
                        "data"));
    }

    private static Map<String, Schema> typed(EventType type) {
        Map<String, Schema> members = new LinkedHashMap<>();
        members.put("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).constValue(type.wire()));
        members.put("subject", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .description("`" + type.subject() + "`: the events of one subject arrive in order."));
        members.put("data", OASFactory.createSchema().ref("#/components/schemas/" + type.dataSchema()));
        return members;
    }

    /** The envelope's members in the order CloudEvents lists them (a fixed order: the contract is compared). */
    private static Map<String, Schema> envelopeMembers(Schema text) {
        Map<String, Schema> members = new LinkedHashMap<>();
        members.put("specversion", OASFactory.createSchema().addType(Schema.SchemaType.STRING).constValue("1.0"));
        members.put("id", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid"));
        members.put("source", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .description("The storefront deployment (storefront.webhooks.event-source)."));
        members.put("type", text);
        members.put("subject", text);
        members.put("time", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time")
                .description("When the change was made."));
        members.put("datacontenttype", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .constValue("application/json"));
        members.put("region", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .description("An extension attribute: the region of the change; absent when it belongs to none "
                        + "(a seller of several regions)."));
        members.put("data", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT));
        return members;
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true)
                .description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
