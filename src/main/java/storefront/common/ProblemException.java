package storefront.common;

import java.util.List;
import java.util.Map;

/** Thrown (or failed with) anywhere a request must end in a problem response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String code, String title, String detail) {
        this(new Problem(status, code, title, detail, null, null));
    }

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.code + ": " + problem.detail, null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds the client should wait before retrying (the Retry-After header), or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The same problem, telling the client it may retry after this many seconds. */
    public ProblemException retryAfter(int seconds) {
        return new ProblemException(problem, seconds);
    }

    public static ProblemException notFound(String code, String title, String detail) {
        return new ProblemException(404, code, title, detail);
    }

    public static ProblemException notFound(String code, String title, String detail, Map<String, Object> extensions) {
        return new ProblemException(new Problem(404, code, title, detail, null, extensions));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(400, "VALIDATION_FAILED", "Invalid request",
                "One or more parameters are invalid.", errors, null));
    }
}
