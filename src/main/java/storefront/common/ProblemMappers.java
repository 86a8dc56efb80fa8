package storefront.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.NoStackTraceThrowable;
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

    /**
     * A body that is not JSON, or not of the expected shape: a member given twice,
     * text where a number belongs, a fraction for an integer, a bad instant, a
     * string PostgreSQL cannot store. The member is named in {@code errors}.
     */
    @ServerExceptionMapper
    Response unreadableBody(JsonProcessingException e) {
        Problem.FieldError error = BodyErrors.of(e);
        String where = error == null || error.field().isEmpty() ? "" : " at " + error.field();
        return toResponse(new Problem(400, "MALFORMED_BODY", "Malformed body",
                "The request body is not JSON of the expected shape" + where + ".",
                error == null ? null : List.of(error), null));
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

    /**
     * Two writers met on the same rows and PostgreSQL gave up on one: it may simply
     * retry. A constraint or data error is the problem its constraint documents.
     */
    @ServerExceptionMapper
    Response database(PgException e, HttpServerRequest request) {
        if (databaseUnavailable(e)) {
            return unavailable(e);
        }
        Problem refused = ConstraintProblems.of(e);
        if (refused != null) {
            LOG.debugf("Refused by the database: %s", e.getMessage());
            return toResponse(refused);
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
        // The framework's own refusals (no route, method, media type), in the API's words, never the framework's.
        Problem problem = switch (status) {
            case 404 -> StandardProblems.notFound();
            case 405 -> new Problem(405, "METHOD_NOT_ALLOWED", "Method not allowed",
                    "This path does not take this method; the Allow header lists those it takes.", null, null);
            case 406 -> new Problem(406, "NOT_ACCEPTABLE", "Not acceptable",
                    "This operation answers application/json (problems as application/problem+json); "
                            + "send an Accept header that takes it.", null, null);
            case 415 -> new Problem(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                    "This operation takes a body of another media type; see its request body in the contract "
                            + "(most take application/json).", null, null);
            default -> status >= 500
                    ? StandardProblems.internalError()
                    : new Problem(status, "BAD_REQUEST", "Bad request", "The request cannot be served as sent.", null, null);
        };
        Response answer = toResponse(problem);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? answer : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e, HttpServerRequest request) {
        if (databaseUnavailable(e)) {
            return unavailable(e);
        }
        // A database refusal wrapped on its way up is still that refusal.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof PgException pg && ConstraintProblems.of(pg) != null) {
                return database(pg, request);
            }
        }
        // Already answered (the deadline's 503): the answer's own failure to be written is no error of
        // the request's; the edge's failure handler notes it (EdgeFilters) once this answer cannot be written either.
        if (!request.response().ended()) {
            LOG.error("Unexpected failure", e);
        }
        return toResponse(StandardProblems.internalError());
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
    /** How the reactive SQL client (SocketConnectionBase) refuses a command on a closed connection. */
    static final String NOT_ACTIVE = "Connection is not active now";

    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof ClosedConnectionException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof IOException io && fromSocket(io)) {
                return true;
            }
            // A command sent on a pooled connection the database has just closed: the SQL client
            // refuses it with a plain throwable that only its message tells apart.
            if (t instanceof NoStackTraceThrowable && t.getMessage() != null
                    && t.getMessage().startsWith(NOT_ACTIVE)) {
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
}
