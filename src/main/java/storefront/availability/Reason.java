package storefront.availability;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reason a product or SKU is unavailable, with what a person needs to understand it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Reason", description = "One reason a product or SKU cannot be sold in a region; `certifications` "
        + "only with MISSING_CERTIFICATION.", extensions = @Extension(name = "x-omits-empty-members", value = "true", parseValue = true))
public record Reason(
        @Schema(description = "Stable reason code.", required = true) ReasonCode code,
        @Schema(required = true, description = "Human-readable explanation.", examples = "Requires certification CE, which this product does not hold.")
        String message,
        @Schema(description = "For MISSING_CERTIFICATION: the certifications the product lacks.", examples = "[\"CE\"]")
        List<String> certifications) {

    public Reason {
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
    }

    static Reason of(ReasonCode code, String message) {
        return new Reason(code, message, List.of());
    }
}
