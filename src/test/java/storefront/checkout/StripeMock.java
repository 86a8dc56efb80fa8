package storefront.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local server that answers like Stripe's API for the calls checkout makes
 * (create, retrieve and cancel a PaymentIntent, create a refund), for every test: the
 * application's real stripe-java client talks to it over HTTP. Tests change its
 * answers (Stripe down) and check what it was asked.
 */
public class StripeMock implements QuarkusTestResourceLifecycleManager {

    /** The webhook signing secret the test profile configures. */
    public static final String WEBHOOK_SECRET = "whsec_storefront_tests";

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().globalTemplating(true));
        server.start();
        answerLikeStripe();
        return Map.of("storefront.payment.stripe.api-base", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Back to answering every call successfully, with nothing recorded. */
    public static void answerLikeStripe() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(json("""
                {"id": "pi_{{randomValue length=24 type='ALPHANUMERIC'}}", "object": "payment_intent",
                 "client_secret": "pi_secret_{{randomValue length=24 type='ALPHANUMERIC'}}",
                 "status": "requires_payment_method", "livemode": false}""")));
        server.stubFor(get(urlPathMatching("/v1/payment_intents/pi_[A-Za-z0-9]+")).willReturn(json("""
                {"id": "{{request.pathSegments.[2]}}", "object": "payment_intent",
                 "client_secret": "{{request.pathSegments.[2]}}_secret_again",
                 "status": "requires_payment_method", "livemode": false}""")));
        server.stubFor(post(urlPathMatching("/v1/payment_intents/pi_[A-Za-z0-9]+/cancel")).willReturn(json("""
                {"id": "{{request.pathSegments.[2]}}", "object": "payment_intent",
                 "status": "canceled", "cancellation_reason": "abandoned", "livemode": false}""")));
        server.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json("""
                {"id": "re_{{randomValue length=24 type='ALPHANUMERIC'}}", "object": "refund",
                 "status": "pending"}""")));
    }

    /** Stripe fails every call with a 503 until {@link #answerLikeStripe()}. */
    public static void down() {
        server.resetAll();
        MappingBuilder any = com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching("/v1/.*"));
        server.stubFor(any.willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Service unavailable\"}}")));
    }

    /** Every call's connection is reset, as when Stripe cannot be reached at all, until {@link #answerLikeStripe()}. */
    public static void unreachable() {
        server.resetAll();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching("/v1/.*"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    }

    public static WireMockServer server() {
        return server;
    }

    /** The amounts of the refunds asked of Stripe for the PaymentIntent, in order. */
    public static java.util.List<Long> refundsAsked(String intent) {
        java.util.List<Long> amounts = new java.util.ArrayList<>();
        server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v1/refunds")))
                .stream().map(r -> r.getBodyAsString()).filter(body -> body.contains(intent))
                .forEach(body -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("amount=(\\d+)").matcher(body);
                    amounts.add(m.find() ? Long.parseLong(m.group(1)) : -1);
                });
        return amounts;
    }

    /** A {@code Stripe-Signature} header for this payload, as Stripe computes it. */
    public static String sign(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return "t=" + timestamp + ",v1=" + hex;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_test").withBody(body);
    }
}
