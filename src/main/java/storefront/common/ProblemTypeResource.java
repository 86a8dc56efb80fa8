package storefront.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What each problem {@code type} URI names (RFC 9457, section 3.1.1): a short description, served by the API. */
@Path("/problems")
@Tag(name = "Problems", description = "The kinds of problem the API answers, which every problem's `type` names.")
public class ProblemTypeResource {

    @Schema(name = "ProblemType", description = "One kind of problem.")
    public record View(
            @Schema(required = true, examples = "/problems/region-not-found") String type,
            @Schema(required = true, examples = "REGION_NOT_FOUND") String code,
            @Schema(required = true, description = "The statuses it comes with.") List<Integer> statuses,
            @Schema(required = true) String title,
            @Schema(required = true) String description) {

        static View of(ProblemTypes.Type type) {
            return new View(type.uri(), type.code(), type.statuses(), type.title(), type.description());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every kind of problem", description = "Each with its code, statuses and meaning.")
    @APIResponse(responseCode = "200", description = "Every problem type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = View.class, type = org.eclipse.microprofile.openapi
                            .annotations.enums.SchemaType.ARRAY)))
    public List<View> all() {
        return ProblemTypes.all().stream().map(View::of).toList();
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One kind of problem", description = "What a problem's `type` URI resolves to.")
    @APIResponse(responseCode = "200", description = "The problem type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no problem type has this name.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public View one(@PathParam("slug") String slug) {
        return ProblemTypes.ofSlug(slug).map(View::of).orElseThrow(() -> ProblemException.notFound("NOT_FOUND",
                "Not found", "No problem type is named '" + (TextRules.fault(slug) == null && slug.length() <= 64
                        ? slug : "this") + "'; GET /problems lists them."));
    }
}
