package storefront.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import storefront.common.Problem;
import storefront.common.RequestIds;
import storefront.common.TokenBuckets;

/**
 * What every request passes before the API sees it: its request id (header,
 * logging context), a deadline, then, for writes under /api, the body size
 * limit and the per-client write rate limit. Every refusal is a problem document.
 */
@ApplicationScoped
public class EdgeFilters {

    /** Bodies that may be as large as the server-wide limit (quarkus.http.limits.max-body-size). */
    static final Set<String> LARGE_BODY_PATHS = Set.of("/api/v1/admin/stores/import");
    /** Writes whose sender is not a client of ours: Stripe's webhook deliveries come in bursts. */
    static final Set<String> NOT_RATE_LIMITED = Set.of("/api/v1/webhooks/stripe");
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Logger LOG = Logger.getLogger(EdgeFilters.class);

    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final TokenBuckets writes;
    private final long requestTimeoutMs;
    private final long uploadTimeoutMs;

    EdgeFilters(ObjectMapper json,
                @ConfigProperty(name = "storefront.http.request-timeout") Duration requestTimeout,
                @ConfigProperty(name = "storefront.http.upload-timeout") Duration uploadTimeout,
                @ConfigProperty(name = "storefront.http.max-body-bytes") long maxBodyBytes,
                @ConfigProperty(name = "storefront.http.write-rate.burst") long burst,
                @ConfigProperty(name = "storefront.http.write-rate.per-second") long perSecond) {
        this.json = json;
        this.requestTimeoutMs = requestTimeout.toMillis();
        this.uploadTimeoutMs = uploadTimeout.toMillis();
        this.maxBodyBytes = maxBodyBytes;
        this.writes = new TokenBuckets(burst, perSecond);
    }

    void register(@Observes Filters filters) {
        filters.register(this::requestId, 1000);
        filters.register(this::deadline, 900);
        filters.register(this::guardWrites, 100);
    }

    /** Ahead of the server's own failure handler, which logs every failure as an error. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::lateAnswer);
    }

    /**
     * A request the deadline has answered may still fail afterwards, when its own
     * answer arrives and finds the response sent. Nothing can reach the client any
     * more and the client has been told to retry (with its Idempotency-Key, which
     * replays whatever the late answer did), so this is a line, not an error with a
     * stack trace per request while the database is slow.
     */
    private void lateAnswer(RoutingContext rc) {
        if (!rc.response().ended()) {
            rc.next();
            return;
        }
        LOG.infof("%s %s: its answer came after the request was answered %d, and was dropped (%s)",
                rc.request().method(), rc.normalizedPath(), rc.response().getStatusCode(),
                rc.failure() == null ? "status " + rc.statusCode() : rc.failure().toString());
    }

    /**
     * No request waits forever: one that has not begun its answer after the
     * request timeout (a database that stopped answering, say) gets 503
     * REQUEST_TIMEOUT. A client retrying with its Idempotency-Key finishes or
     * replays whatever the first attempt did.
     */
    private void deadline(RoutingContext rc) {
        long ms = LARGE_BODY_PATHS.contains(rc.normalizedPath()) ? uploadTimeoutMs : requestTimeoutMs;
        long timer = rc.vertx().setTimer(ms, fired -> {
            if (!rc.response().headWritten() && !rc.response().ended() && !rc.response().closed()) {
                refuse(rc, new Problem(503, "REQUEST_TIMEOUT", "Request timed out",
                        "The request did not complete within " + ms + " ms; retry in a few seconds.", null, null), 2);
            }
        });
        rc.addEndHandler(ended -> rc.vertx().cancelTimer(timer));
        rc.next();
    }

    private void requestId(RoutingContext rc) {
        String id = RequestIds.accept(rc.request().getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, id);
        rc.response().putHeader(RequestIds.HEADER, id);
        rc.next();
    }

    private void guardWrites(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (READS.contains(rc.request().method()) || !path.startsWith("/api/")) {
            rc.next();
            return;
        }
        long declared = contentLength(rc.request().getHeader("Content-Length"));
        if (declared > maxBodyBytes && !LARGE_BODY_PATHS.contains(path)) {
            refuse(rc, new Problem(413, "PAYLOAD_TOO_LARGE", "Body too large",
                    "The request body is " + declared + " bytes; at most " + maxBodyBytes + " are accepted.",
                    null, null), null);
            return;
        }
        if (!NOT_RATE_LIMITED.contains(path)) {
            int wait = writes.take(client(rc));
            if (wait > 0) {
                refuse(rc, new Problem(429, "RATE_LIMITED", "Too many requests",
                        "Too many changes from this client; retry in " + wait + " s.", null, null), wait);
                return;
            }
        }
        rc.next();
    }

    /** The client a write is counted against: its address (the forwarded one when proxy headers are trusted). */
    private static String client(RoutingContext rc) {
        return rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
    }

    private static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext rc, Problem problem, Integer retryAfterSeconds) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem.withRequestId(RequestIds.current()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (retryAfterSeconds != null) {
            rc.response().putHeader("Retry-After", retryAfterSeconds.toString());
        }
        // The body is not read: close the connection rather than drain what the client still sends.
        if (problem.status == 413) {
            rc.response().putHeader("Connection", "close");
        }
        rc.response().setStatusCode(problem.status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Buffer.buffer(body));
    }
}
