package storefront.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * A catalog answer ready to send again: serialized once, with a strong ETag
 * derived from its bytes, so a repeat request costs no query and no JSON work.
 */
public record CachedResponse(int status, String mediaType, byte[] body, String etag, String contentLanguage) {

    /** Shared caches may keep catalog answers but must check them first: a change shows at once. */
    static final String CACHE_CONTROL = "public, no-cache";

    static CachedResponse of(int status, String mediaType, byte[] body, String contentLanguage) {
        return new CachedResponse(status, mediaType, body, ETags.of(body), contentLanguage);
    }

    /** The response for a request carrying {@code ifNoneMatch} (may be null): 304 when the client has it. */
    public Response toResponse(String ifNoneMatch) {
        Response.ResponseBuilder builder = status == 200 && ETags.noneMatchHits(ifNoneMatch, etag)
                ? Response.notModified()
                : Response.status(status).type(mediaType)
                        .entity(Problem.MEDIA_TYPE.equals(mediaType) ? RequestIds.stamp(body) : body);
        builder.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (contentLanguage != null) {
            builder.header(HttpHeaders.CONTENT_LANGUAGE, contentLanguage).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return status + " " + etag + " " + new String(body, StandardCharsets.UTF_8);
    }
}
