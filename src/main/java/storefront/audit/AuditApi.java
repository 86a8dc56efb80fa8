package storefront.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Responses of the audit log. */
final class AuditApi {

    private AuditApi() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AuditEntry")
    record AuditEntry(long id, Instant at, String actor, String role, String action,
                      @Schema(nullable = true, description = "The region changed; null for a change of no one region "
                              + "(a product, a seller of several).") String region,
                      String target,
                      @Schema(nullable = true, description = "The target before; null when it was created.") JsonNode before,
                      @Schema(nullable = true, description = "The target after; null when it was removed.") JsonNode after,
                      String reason,
                      @Schema(nullable = true, description = "Entries written by one change set share it; null for a "
                              + "single change.") UUID changeSet) {
    }

    @Schema(name = "AuditPage")
    record AuditPage(List<AuditEntry> items,
                     @Schema(nullable = true, description = "Cursor of the next page; null on the last.") String nextCursor) {
    }
}
