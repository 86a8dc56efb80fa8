package storefront.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into a problem document; no stack trace ever reaches a client. */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response toResponse(Problem problem) {
        return Response.status(problem.status).type(Problem.MEDIA_TYPE)
                .entity(problem.withRequestId(RequestIds.current())).build();
    }

    @ServerExceptionMapper
    Response problem(ProblemException e) {
        Response response = toResponse(e.problem());
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return toResponse(ProblemException.invalid(errors).problem());
    }

    /** A body that is not JSON, or not of the expected shape (text where a number belongs, a bad instant). */
    @ServerExceptionMapper
    Response unreadableBody(JsonProcessingException e) {
        String where = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? " at " + jsonPath(mapping)
                : "";
        return toResponse(new Problem(400, "MALFORMED_BODY", "Malformed body",
                "The request body is not JSON of the expected shape" + where + ".", null, null));
    }

    /** Named on its own: Quarkus maps this subtype itself unless the application does. */
    @ServerExceptionMapper
    Response mismatchedBody(MismatchedInputException e) {
        return unreadableBody(e);
    }

    /** No credentials on an operation that needs them. */
    @ServerExceptionMapper
    Response unauthorized(UnauthorizedException e) {
        return Response.fromResponse(toResponse(new Problem(401, "AUTHENTICATION_REQUIRED", "Authentication required",
                        "This operation needs a bearer token.", null, null)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A token that is malformed, expired, from another issuer or signed with another key. */
    @ServerExceptionMapper
    Response authenticationFailed(AuthenticationFailedException e) {
        LOG.debugf(e, "Bearer token rejected");
        return Response.fromResponse(toResponse(new Problem(401, "INVALID_TOKEN", "Invalid token",
                        "The bearer token is not valid: malformed, expired, or not from a trusted issuer.", null, null)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
    }

    /** Authenticated, but the token's roles do not allow the operation. */
    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return toResponse(new Problem(403, "ROLE_NOT_ALLOWED", "Not allowed",
                "The roles in your token do not allow this operation.", null, null));
    }

    /** Two writers met on the same rows and PostgreSQL gave up on one: it may simply retry. */
    @ServerExceptionMapper
    Response database(PgException e, HttpServerRequest request) {
        if (databaseUnavailable(e)) {
            return unavailable(e);
        }
        if ("40001".equals(e.getSqlState()) || "40P01".equals(e.getSqlState())) {
            LOG.debugf("Concurrent change: %s", e.getMessage());
            return toResponse(new Problem(409, "CONCURRENT_CHANGE", "Concurrent change",
                    "Another change to the same data was made at the same time. Read again and retry.", null, null));
        }
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // How the JSON reader reports a body that does not parse at all.
            return unreadableBody(unreadable);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR && family != Response.Status.Family.SERVER_ERROR) {
            return e.getResponse();
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String code = switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        return toResponse(new Problem(status, code, reason, status >= 500 ? "The request could not be completed." : e.getMessage(), null, null));
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e, HttpServerRequest request) {
        if (databaseUnavailable(e)) {
            return unavailable(e);
        }
        // Already answered (the deadline's 503): the answer's own failure to be written is no error of
        // the request's; the edge's failure handler notes it (EdgeFilters) once this answer cannot be written either.
        if (!request.response().ended()) {
            LOG.error("Unexpected failure", e);
        }
        return toResponse(new Problem(500, "INTERNAL_ERROR", "Internal error",
                "The request could not be completed.", null, null));
    }

    /**
     * The database could not be reached, or went away during the request: the
     * client may retry shortly (with its Idempotency-Key, a retry finishes or
     * replays what this attempt started). Readiness reports the same.
     */
    private Response unavailable(Throwable e) {
        LOG.warnf("Database unavailable: %s", e.toString());
        return problem(new ProblemException(503, "DATABASE_UNAVAILABLE", "Service unavailable",
                "The database cannot be reached right now; retry in a few seconds.").retryAfter(2));
    }

    /** A refused, reset or closed connection (only the database is reached over the network here, outside
     * the Stripe client, which reports its own failures), or PostgreSQL saying it cannot serve (SQLSTATE 08, 57P). */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof ClosedConnectionException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof IOException io && fromSocket(io)) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** A connection reset while a query was in flight: an IOException thrown by the socket layer. */
    private static boolean fromSocket(IOException e) {
        if (e.getClass().getName().startsWith("io.netty.")) {
            return true;
        }
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 4); i++) {
            String where = frames[i].getClassName();
            if (where.startsWith("sun.nio.ch.") || where.startsWith("io.netty.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The field as a client names it: {@code method.param} is the parameter,
     * {@code method.body.changes[0].region} a field of the body.
     */
    static String field(String path) {
        String[] parts = path.replaceAll("\\.<[^>]+>", "").split("\\.", 3);
        return parts[parts.length - 1];
    }

    /** Where in the body Jackson stopped, as {@code changes[0].availableFrom}. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
