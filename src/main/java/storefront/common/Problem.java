package storefront.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document. {@code code} is the stable, machine-readable
 * identifier clients switch on; {@code title} and {@code detail} are for people.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "code", "detail", "errors", "requestId"})
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details with a stable `code`. "
        + "Some codes add members of their own (for PRODUCT_NOT_AVAILABLE_IN_REGION: `region`, `reasons`, `availableIn`).")
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(description = "A URI reference naming the kind of problem.", examples = "/problems/region-not-found")
    public final String type;
    @Schema(description = "A short summary of the kind of problem.", examples = "Region not found")
    public final String title;
    @Schema(description = "The HTTP status code.", examples = "404")
    public final int status;
    @Schema(description = "Stable machine-readable code.", examples = "REGION_NOT_FOUND")
    public final String code;
    @Schema(description = "What went wrong in this occurrence.", examples = "No region has the code 'XX'.")
    public final String detail;
    @Schema(description = "For validation problems: one entry per rejected field.")
    public final List<FieldError> errors;
    @Schema(description = "The request's id (the X-Request-Id header of the answer): quote it when reporting the "
            + "problem; the server's log lines for the request carry it.", examples = "3f1c2a9e-7b7d-4d1e-9f55-2a8c1e0b6d41")
    public final String requestId;
    private final Map<String, Object> extensions;

    public Problem(int status, String code, String title, String detail, List<FieldError> errors,
                   Map<String, Object> extensions) {
        this(status, code, title, detail, errors, extensions, null);
    }

    private Problem(int status, String code, String title, String detail, List<FieldError> errors,
                    Map<String, Object> extensions, String requestId) {
        this.type = "/problems/" + ProblemTypes.slug(code);
        // A type has one title (RFC 9457): the catalogue's, which /problems/{type} serves too.
        this.title = ProblemTypes.ofCode(code).map(ProblemTypes.Type::title).orElse(title);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
        this.requestId = requestId;
    }

    /** The same problem, as the answer to the request with this id (null: none). */
    public Problem withRequestId(String id) {
        return new Problem(status, code, title, detail, errors, extensions, id);
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> extensions() {
        return extensions;
    }

    @Schema(name = "FieldError", description = "One rejected input field.")
    public record FieldError(
            @Schema(description = "The parameter or body field.", examples = "limit") String field,
            @Schema(description = "Why it was rejected.", examples = "must be between 1 and 100") String message) {
    }
}
