package storefront.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import storefront.common.Problem;
import storefront.common.RequestIds;
import storefront.common.StandardProblems;
import storefront.common.TextRules;
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

    /** The longest request target taken; the HTTP server's own limit (quarkus.http.limits) is above it. */
    static final int MAX_URI_LENGTH = 8192;
    /** The most header bytes taken; the HTTP server's own limit (quarkus.http.limits) is above it. */
    static final int MAX_HEADER_BYTES = 16384;

    private final ObjectMapper json;
    private final BodyHandler jsonBodies;
    private final CorsOrigins cors;
    private final long maxBodyBytes;
    private final TokenBuckets writes;
    private final long requestTimeoutMs;
    private final long uploadTimeoutMs;

    EdgeFilters(ObjectMapper json, CorsOrigins cors, HttpConfig config) {
        this.json = json;
        this.requestTimeoutMs = config.requestTimeout().toMillis();
        this.uploadTimeoutMs = config.uploadTimeout().toMillis();
        long maxBodyBytes = config.maxBodyBytes();
        this.maxBodyBytes = maxBodyBytes;
        this.jsonBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes).setHandleFileUploads(false)
                .setMergeFormAttributes(false);
        this.cors = cors;
        this.writes = new TokenBuckets(config.writeRate().burst(), config.writeRate().perSecond());
    }

    void register(@Observes Filters filters) {
        filters.register(this::requestId, 1000);
        filters.register(this::guardInput, 950);
        filters.register(this::deadline, 900);
        filters.register(this::guardWrites, 100);
    }

    /** Ahead of the server's own failure handler, which logs every failure as an error and answers without a problem. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.errorHandler(400, this::unroutable);
    }

    /**
     * A request the router cannot even match against its routes (a path whose
     * percent-encoding it cannot decode): no route, not even the filters, has
     * run, so the input check runs here and names what is wrong.
     */
    private void unroutable(RoutingContext rc) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        requestId(rc.request().getHeader(RequestIds.HEADER), rc);
        Problem input = inputProblem(rc.request());
        refuse(rc, input != null ? input : malformedRequest(), null);
    }

    /**
     * Whatever failed below the API (the router refusing a path it cannot
     * decode, the body reader over its limit, an error no mapper answered) is
     * answered as a problem document with the request's id, like everything else.
     */
    private void failed(RoutingContext rc) {
        if (rc.response().ended()) {
            lateAnswer(rc);
            return;
        }
        if (rc.response().headWritten()) {
            rc.next();
            return;
        }
        if (rc.response().headers().get(RequestIds.HEADER) == null) {
            // Failed before the request id filter ran (the router refuses some paths at once).
            requestId(rc.request().getHeader(RequestIds.HEADER), rc);
        }
        int status = rc.statusCode() >= 400 && rc.statusCode() < 500 ? rc.statusCode() : 500;
        if (status == 500) {
            LOG.error("Request failed below the API", rc.failure());
        }
        refuse(rc, switch (status) {
            case 404 -> StandardProblems.notFound();
            case 405 -> new Problem(405, "METHOD_NOT_ALLOWED", "Method not allowed",
                    "This path does not take this method.", null, null);
            case 413 -> tooLarge(null);
            case 500 -> StandardProblems.internalError();
            // The router's other refusals (a path it cannot decode, say) are of the request as sent.
            default -> malformedRequest();
        }, null);
    }

    private static Problem malformedRequest() {
        return new Problem(400, "MALFORMED_REQUEST", "Malformed request",
                "The request cannot be read as HTTP for this API (its path or framing is malformed).", null, null);
    }

    private Problem tooLarge(Long declared) {
        return new Problem(413, "PAYLOAD_TOO_LARGE", "Body too large",
                (declared == null ? "The request body is over the limit" : "The request body is " + declared + " bytes")
                        + "; at most " + maxBodyBytes + " bytes are accepted.", null, null);
    }

    /**
     * The request's text outside its body, before anything reads it (see
     * {@link #inputProblem}); a browser's cross-origin call from an origin not
     * allowed is refused here too, as a problem.
     */
    private void guardInput(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Problem input = inputProblem(request);
        if (input != null) {
            refuse(rc, input, null);
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !cors.allows(origin, request)) {
            refuse(rc, new Problem(403, "CORS_ORIGIN_NOT_ALLOWED", "Origin not allowed",
                    "Browsers on " + (TextRules.fault(origin) == null && origin.length() <= 200 ? origin : "this origin")
                            + " may not call this API (cross-origin requests are allowed from the configured origins only).",
                    null, null), null);
            return;
        }
        rc.next();
    }

    /**
     * What is wrong with the request's text outside its body, or null: the
     * request target within {@value #MAX_URI_LENGTH} characters and the headers
     * within {@value #MAX_HEADER_BYTES} bytes, a URI of well-formed
     * percent-encoding of UTF-8, nothing PostgreSQL cannot store.
     */
    private static Problem inputProblem(HttpServerRequest request) {
        String target = request.uri();
        if (target.length() > MAX_URI_LENGTH) {
            return new Problem(414, "URI_TOO_LONG", "URI too long", "The request target is " + target.length()
                    + " characters; at most " + MAX_URI_LENGTH + " are accepted.", null, null);
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            return new Problem(431, "HEADERS_TOO_LARGE", "Headers too large", "The request's headers take "
                    + headerBytes + " bytes; at most " + MAX_HEADER_BYTES + " are accepted.", null, null);
        }
        RequestText.Fault fault = RequestText.check(target, request.headers());
        if (fault == null) {
            return null;
        }
        return fault.malformed()
                ? new Problem(400, "MALFORMED_URI", "Malformed URI",
                        "The request target is not a URI of well-formed percent-encoded UTF-8.", fault.errors(), null)
                : new Problem(400, "VALIDATION_FAILED", "Invalid request",
                        "One or more parameters are invalid.", fault.errors(), null);
    }

    /**
     * A request the deadline has answered may still fail afterwards, when its own
     * answer arrives and finds the response sent. Nothing can reach the client any
     * more and the client has been told to retry (with its Idempotency-Key, which
     * replays whatever the late answer did), so this is a line, not an error with a
     * stack trace per request while the database is slow.
     */
    private static void lateAnswer(RoutingContext rc) {
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
        requestId(rc.request().getHeader(RequestIds.HEADER), rc);
        rc.next();
    }

    private static void requestId(String header, RoutingContext rc) {
        String id = RequestIds.accept(header);
        MDC.put(RequestIds.MDC_KEY, id);
        rc.response().putHeader(RequestIds.HEADER, id);
    }

    private void guardWrites(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (READS.contains(rc.request().method()) || !path.startsWith("/api/")) {
            rc.next();
            return;
        }
        long declared = contentLength(rc.request().getHeader("Content-Length"));
        boolean large = LARGE_BODY_PATHS.contains(path);
        if (declared > maxBodyBytes && !large) {
            refuse(rc, tooLarge(declared), null);
            return;
        }
        if (!NOT_RATE_LIMITED.contains(path)) {
            int wait = writes.take(client(rc));
            if (wait > 0) {
                refuse(rc, new Problem(429, "WRITE_RATE_LIMITED", "Too many requests",
                        "Too many changes from this client; retry in " + wait + " s.", null, null), wait);
                return;
            }
        }
        if (large) {
            rc.next();
        } else {
            // Read here, under the limit, whatever the transfer encoding: a chunked body declares no length.
            // The API reads the body from the routing context; one over the limit fails with 413 (see failed).
            jsonBodies.handle(rc);
        }
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

    void refuse(RoutingContext rc, Problem problem, Integer retryAfterSeconds) {
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
