package storefront.common;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.OptimisticLockException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.hibernate.StaleStateException;

/**
 * Entity tags: strong validators derived from a representation's bytes or from
 * an entity's version, and the two RFC 9110 comparisons.
 */
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

    /**
     * The ETag of an entity at {@code version} (its optimistic lock): it changes
     * with every write of the entity or its children, and only then.
     */
    public static String ofVersion(long version) {
        return "\"v" + version + '"';
    }

    /**
     * Answers a write that lost the optimistic-lock race (another writer
     * committed the same entity after this one read it) as 412 on {@code
     * target}, like an If-Match that no longer matches; anything else fails as it was.
     */
    public static <T> Uni<T> staleAsPreconditionFailed(Uni<T> write, String target) {
        return write.onFailure(ETags::stale).transform(stale -> preconditionFailed(target));
    }

    private static boolean stale(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
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

    /**
     * The If-Match precondition of a write to {@code target} whose current state
     * has the tag {@code current} (null: there is none yet, and the write creates
     * it). A target that exists needs If-Match with its tag (428 without it, 412
     * when it changed since); one that does not exist yet takes no If-Match (any
     * tag, {@code *} too, names a state that is not there: 412). Callers hold the
     * target's lock ({@link RowLocks}) from this check to their write.
     */
    public static void requireMatch(String ifMatch, String current, String target, String readFrom) {
        String given = ifMatch == null || ifMatch.isBlank() ? null : ifMatch;
        if (current == null) {
            if (given != null) {
                throw preconditionFailed(target);
            }
            return;
        }
        if (given == null) {
            throw new ProblemException(new Problem(428, "PRECONDITION_REQUIRED", "If-Match required",
                    "Send If-Match with the ETag from " + readFrom + ", so that a concurrent change is not overwritten.",
                    null, Map.of("target", target)));
        }
        if (!matchHits(given, current)) {
            throw preconditionFailed(target);
        }
    }

    private static ProblemException preconditionFailed(String target) {
        return new ProblemException(new Problem(412, "PRECONDITION_FAILED", "Changed since you read it",
                target + " changed since the ETag you sent; read it again and decide anew.", null,
                Map.of("target", target)));
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
