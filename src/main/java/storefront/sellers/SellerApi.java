package storefront.sellers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the seller registry and of seller verification. */
public final class SellerApi {

    private SellerApi() {
    }

    @Schema(name = "SellerKind")
    public enum Kind { OFFICIAL, AUTHORIZED }

    @Schema(name = "SellerStatus")
    public enum Status { AUTHORIZED, SUSPENDED, REVOKED }

    public enum Verdict { OFFICIAL, AUTHORIZED, NOT_AUTHORIZED }

    /** Why an answer is NOT_AUTHORIZED. */
    @Schema(name = "SellerReason")
    public enum Reason {
        /** No seller has the domain or the storefront. */
        NOT_IN_REGISTRY,
        /** Not in the registry, and it carries a brand name: the name is not a proof. */
        LOOK_ALIKE,
        /** A parent domain is registered, but not with its subdomains. */
        SUBDOMAIN_NOT_COVERED,
        SUSPENDED,
        REVOKED,
        /** The authorization ended. */
        EXPIRED,
        /** The authorization starts later. */
        NOT_YET_AUTHORIZED
    }

    @Schema(name = "SellerDomain")
    public record Domain(
            @Schema(examples = "mi.com") @NotBlank @Size(max = 253) String domain,
            @Schema(description = "Whether every subdomain is the seller's too (store.mi.com for mi.com). Leave "
                    + "it false (or out) for a shop on a shared host.", defaultValue = "false") Boolean includeSubdomains) {

        /** A domain as stored: its subdomains are covered only when that was said. */
        public Domain {
            includeSubdomains = Boolean.TRUE.equals(includeSubdomains);
        }
    }

    @Schema(name = "MarketplaceStorefront")
    public record Storefront(
            @Schema(description = "The marketplace's domain.", examples = "amazon.in") @NotBlank @Size(max = 100)
            String marketplace,
            @Schema(description = "The seller's id on that marketplace, as the marketplace writes it.",
                    examples = "A14CZOWI0VEHLG") @NotBlank @Size(max = 100) String storeId) {
    }

    @Schema(name = "SellerInput", description = "A seller to create or replace.")
    public record SellerInput(
            @Schema(examples = "Mi Official Store") @NotBlank @Size(max = 200) String name,
            @NotNull Kind kind,
            @Schema(examples = "[\"IN\"]") @NotEmpty List<@NotBlank String> regions,
            @NotNull Instant authorizedSince,
            @Schema(description = "Open-ended when absent.") Instant authorizedUntil,
            @Schema(description = "Default AUTHORIZED.") Status status,
            @Size(max = 100) List<@NotNull @Valid Domain> domains,
            @Size(max = 100) List<@NotNull @Valid Storefront> storefronts,
            @Schema(description = "Why, for the audit log.") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "Seller")
    public record SellerView(
            @Schema(examples = "mi-official") String id,
            String name,
            Kind kind,
            List<String> regions,
            Instant authorizedSince,
            @Schema(nullable = true, description = "Open-ended when null.") Instant authorizedUntil,
            Status status,
            List<Domain> domains,
            List<Storefront> storefronts) {
    }

    @Schema(name = "SellerList")
    public record SellerList(List<SellerView> sellers) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SellerSummary", description = "The seller an answer is about; `authorizedUntil` only when its "
            + "authorization ends.", extensions = @Extension(name = "x-omits-empty-members", value = "true", parseValue = true))
    public record SellerSummary(@Schema(required = true) String id, @Schema(required = true) String name,
                                @Schema(required = true) Kind kind, @Schema(required = true) List<String> regions,
                                @Schema(required = true) Instant authorizedSince, Instant authorizedUntil,
                                @Schema(required = true) Status status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"verdict", "domain", "marketplace", "storeId", "reason", "hint", "matchedDomain", "seller",
            "checkedAt"})
    @Schema(name = "SellerVerification", description = "Whether a shop is the brand's own or authorized by it. The "
            + "body is signed: the `X-JWS-Signature` header holds a JWS with detached payload (RFC 7515, appendix F) "
            + "over the exact bytes of this body, with a key from GET /api/v1/sellers/signing-keys. Members without a "
            + "value are left out.", extensions = @Extension(name = "x-omits-empty-members", value = "true", parseValue = true))
    public record Verification(
            @Schema(required = true) Verdict verdict,
            @Schema(description = "The domain asked about, normalized: lower case, ASCII (IDNA), without www.",
                    examples = "shop.example.com") String domain,
            String marketplace,
            String storeId,
            @Schema(description = "For NOT_AUTHORIZED: why.") Reason reason,
            @Schema(description = "Advice for people, such as why a brand name in a domain proves nothing.")
            String hint,
            @Schema(description = "The registered domain the answer rests on (a parent, for a covered subdomain).")
            String matchedDomain,
            SellerSummary seller,
            @Schema(required = true) Instant checkedAt) {
    }
}
