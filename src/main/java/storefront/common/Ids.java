package storefront.common;

import java.util.Optional;
import java.util.UUID;

/**
 * Ids that clients pass in paths: UUIDs in their canonical 36-character form,
 * and codes that ops choose (stores, sellers), which survive re-imports.
 */
public final class Ids {

    /** An ops-chosen code: lower-case letters, digits and dashes; the database checks the same. */
    public static final String CODE_PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";

    private Ids() {
    }

    /** Why {@code code} is not an ops-chosen code, or empty when it is one. */
    public static Optional<Problem.FieldError> codeProblem(String field, String code) {
        return code != null && code.matches(CODE_PATTERN) ? Optional.empty()
                : Optional.of(new Problem.FieldError(field, "must be 2-63 lower-case letters, digits or dashes, "
                        + "starting with a letter or digit"));
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
