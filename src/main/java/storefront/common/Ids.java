package storefront.common;

import java.util.Optional;
import java.util.UUID;

/** Ids that clients pass in paths: UUIDs in their canonical 36-character form. */
public final class Ids {

    private Ids() {
    }

    /** The UUID, or empty when the text is not one (the caller answers 404: it names no resource). */
    public static Optional<UUID> uuid(String text) {
        try {
            return text == null || text.length() != 36 ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
