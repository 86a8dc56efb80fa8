package storefront.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import storefront.Await;
import storefront.Tokens;
import storefront.common.Statements;
import storefront.events.EventType;
import storefront.events.Events;

/** With wake-on-notice (the default outside tests), an event leaves at its commit, not at the next poll. */
@QuarkusTest
@TestProfile(WakeOnNoticeTest.Waking.class)
class WakeOnNoticeTest {

    public static class Waking implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The poll is an hour away: only the notice can deliver within the test.
            return Map.of("storefront.webhooks.wake-on-notice", "true", "storefront.webhooks.dispatch-every", "1h");
        }
    }

    @Inject
    Pool pool;
    @Inject
    Events events;

    @Test
    void aCommittedEventIsDeliveredWithoutWaitingForThePoll() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String id = given().auth().oauth2(Tokens.admin("wake-admin")).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/wake"), "eventTypes", List.of("storefront.seller.changed"),
                            "reason", "wake test"))
                    .post("/api/v1/admin/webhooks").then().statusCode(201).extract().path("subscription.id");
            try {
                String subject = "seller/wake-" + UUID.randomUUID();
                pool.withTransaction(tx -> events.emit(Statements.on(tx), EventType.SELLER_CHANGED, subject, null,
                        Map.of("name", "woken"))).await().indefinitely();
                Await.until("the receiver has the event", () -> !receiver.received.isEmpty());
                assertThat(receiver.received.get(0).body()).contains(subject);
            } finally {
                pool.preparedQuery("delete from webhook_subscription where id = $1")
                        .execute(Tuple.of(UUID.fromString(id))).await().indefinitely();
            }
        }
    }
}
