package storefront.sellers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import storefront.common.Problem;
import storefront.sellers.SellerApi.Verification;

@Path("/api/v1/sellers")
@Tag(name = "Sellers", description = "Is this shop official? Signed answers from the registry of authorized sellers.")
public class SellerResource {

    /** The response header holding the detached JWS of the body. */
    public static final String SIGNATURE = "X-JWS-Signature";

    private final SellerService service;
    private final AnswerSigner signer;
    private final ObjectMapper mapper;

    SellerResource(SellerService service, AnswerSigner signer, ObjectMapper mapper) {
        this.service = service;
        this.signer = signer;
        this.mapper = mapper;
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a shop",
            description = "OFFICIAL (the brand's own), AUTHORIZED (with regions and validity) or NOT_AUTHORIZED "
                    + "(with a reason). Domains compare without case, `www.`, port or path; a subdomain counts only "
                    + "where its parent's entry includes subdomains. A domain that carries a brand name without "
                    + "being registered is NOT_AUTHORIZED with reason LOOK_ALIKE. The answer is signed: keep the "
                    + "body bytes and the X-JWS-Signature header together as evidence.")
    @APIResponse(responseCode = "200", description = "The verdict, signed.",
            headers = @Header(name = SIGNATURE, description = "JWS (RS256) with detached payload over the exact "
                    + "body bytes; its `kid` names a key of GET /api/v1/sellers/signing-keys.",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: not a domain, or neither or both of domain "
            + "and marketplace+storeId.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> verify(
            @Parameter(description = "A domain or a URL.", example = "store.mi.com") @QueryParam("domain") String domain,
            @Parameter(description = "A marketplace's domain, with storeId.", example = "amazon.in")
            @QueryParam("marketplace") String marketplace,
            @Parameter(description = "The seller's id on the marketplace.") @QueryParam("storeId") String storeId) {
        return service.verify(domain, marketplace, storeId).map(answer -> {
            byte[] body;
            try {
                body = mapper.writeValueAsBytes(answer);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a seller answer", e);
            }
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                    .header(SIGNATURE, signer.sign(body))
                    .header("Cache-Control", "no-store")
                    .build();
        });
    }

    @GET
    @Path("/signing-keys")
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "public, max-age=3600")
    @Operation(summary = "The keys that sign seller answers", description = "A JWK set (RFC 7517).")
    @APIResponse(responseCode = "200", description = "The JWK set.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public String signingKeys() {
        return signer.keySet();
    }
}
