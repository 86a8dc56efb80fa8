package storefront.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Entity tags: strong validators derived from a representation's bytes, and the two RFC 9110 comparisons. */
public final class ETags {

    private ETags() {
    }

    /** A strong ETag (quoted) for these bytes. */
    public static String of(byte[] representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match uses the weak comparison (RFC 9110, 13.1.2): a W/ prefix does not matter. */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        return anyMatches(ifNoneMatch, etag, true);
    }

    /**
     * If-Match uses the strong comparison (RFC 9110, 13.1.1): a weak tag never
     * matches. {@code *} matches any current representation. The tag may be given
     * without its quotes, as a JSON field carries it more easily that way.
     */
    public static boolean matchHits(String ifMatch, String etag) {
        return anyMatches(ifMatch, etag, false);
    }

    private static boolean anyMatches(String header, String etag, boolean weak) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                if (!weak) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (!tag.startsWith("\"")) {
                tag = '"' + tag + '"';
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
