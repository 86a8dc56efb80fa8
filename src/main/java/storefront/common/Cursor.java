package storefront.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * An opaque pagination cursor: the sort key of the last item a page returned.
 * Clients must treat it as a token; its format may change.
 */
public final class Cursor {

    private static final String PREFIX = "k1:";
    private static final int MAX_LENGTH = 512;

    private Cursor() {
    }

    /** Where a page ordered by (instant, id) ended: its last item's instant and id. */
    public record Position(Instant at, String id) {
    }

    /** A cursor after the item at this instant with this id. */
    public static String encode(Instant at, Object id) {
        return encode(at + "/" + id);
    }

    /** The position a cursor from {@link #encode(Instant, Object)} carries, or empty when it is not one. */
    public static Optional<Position> decodePosition(String cursor) {
        return decode(cursor).flatMap(key -> {
            String[] parts = key.split("/", 2);
            try {
                return parts.length == 2 ? Optional.of(new Position(Instant.parse(parts[0]), parts[1]))
                        : Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The key the cursor carries, or empty when it is not a cursor this API issued. */
    public static Optional<String> decode(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX) || raw.length() == PREFIX.length()) {
                return Optional.empty();
            }
            return Optional.of(raw.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
