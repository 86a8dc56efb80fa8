package storefront.common;

import java.nio.charset.StandardCharsets;
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
