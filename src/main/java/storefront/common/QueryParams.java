package storefront.common;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Query parameters as the API reads them everywhere: a parameter given empty
 * ({@code ?cursor=}) means the same as one not given, and a malformed one adds
 * a field error so that one answer can name every parameter at fault.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The parameter stripped, or null when absent or blank. */
    public static String given(String parameter) {
        return parameter == null || parameter.isBlank() ? null : parameter.strip();
    }

    /** A parameter the operation cannot do without: stripped, or 400 VALIDATION_FAILED naming it. */
    public static String required(String name, String parameter) {
        String given = given(parameter);
        if (given == null) {
            throw ProblemException.invalid(List.of(new Problem.FieldError(name, "is required")));
        }
        return given;
    }

    /** true or false (any case), nothing else: a dry run misread as a real one would write. False when absent. */
    public static boolean flag(String name, String value) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean flag = flag(name, value, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return flag;
    }

    /** The same, adding a field error (and answering false) where the value is neither true nor false. */
    public static boolean flag(String name, String value, List<Problem.FieldError> errors) {
        String given = given(value);
        if (given == null || given.equalsIgnoreCase("false")) {
            return false;
        }
        if (given.equalsIgnoreCase("true")) {
            return true;
        }
        errors.add(new Problem.FieldError(name, "must be true or false"));
        return false;
    }

    /** A page size between 1 and {@code max}; {@code fallback} when absent. */
    public static int limit(String value, int fallback, int max, List<Problem.FieldError> errors) {
        String given = given(value);
        if (given == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(given);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.FieldError("limit", "must be an integer between 1 and " + max));
        return fallback;
    }

    /** The constant of {@code type} named by {@code value} in any case, or null when absent. */
    public static <E extends Enum<E>> E constant(Class<E> type, String name, String value,
                                                 List<Problem.FieldError> errors) {
        String given = given(value);
        if (given == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            errors.add(new Problem.FieldError(name, "'" + given + "' is not one of " + String.join(", ", names)));
            return null;
        }
    }

    /** An ISO 8601 instant, or null when absent. */
    public static Instant instant(String name, String value, List<Problem.FieldError> errors) {
        String given = given(value);
        if (given == null) {
            return null;
        }
        try {
            return Instant.parse(given);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be an ISO 8601 instant such as 2026-12-01T08:00:00Z"));
            return null;
        }
    }
}
