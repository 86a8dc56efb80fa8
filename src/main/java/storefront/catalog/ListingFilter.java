package storefront.catalog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import storefront.common.Problem;
import storefront.common.QueryParams;

/**
 * What a listing is narrowed to beyond category and text: a price range, in
 * stock only, option values, and specification values (yes/no, a list's term,
 * a number's range). Price, stock and options hold for one SKU sold in the
 * region together; specifications for the product.
 */
record ListingFilter(Long minPrice, Long maxPrice, boolean inStock, Map<String, String> options,
                     List<Spec> specs) {

    /** One specification condition: {@code flag}, {@code term} or a range ({@code min}, {@code max}). */
    record Spec(String code, Boolean flag, String term, BigDecimal min, BigDecimal max) {
    }

    static final ListingFilter NONE = new ListingFilter(null, null, false, Map.of(), List.of());

    private static final Pattern MINOR = Pattern.compile("^\\d{1,15}$");
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,12}(\\.\\d{1,4})?");
    private static final Pattern RANGE = Pattern.compile("^(" + NUMBER.pattern() + ")?\\.\\.(" + NUMBER.pattern()
            + ")?$");
    private static final int MAX_CONDITIONS = 10;

    static ListingFilter parse(String minPrice, String maxPrice, String inStock, List<String> options,
                               List<String> specs, List<Problem.FieldError> errors) {
        Long min = minor("minPrice", minPrice, errors);
        Long max = minor("maxPrice", maxPrice, errors);
        if (min != null && max != null && min > max) {
            errors.add(new Problem.FieldError("maxPrice", "must be at least minPrice"));
        }
        boolean stocked = QueryParams.flag("inStock", inStock, errors);
        Map<String, String> chosen = new TreeMap<>();
        List<String> given = options == null ? List.of() : options.stream().filter(o -> QueryParams.given(o) != null)
                .toList();
        if (given.size() > MAX_CONDITIONS) {
            errors.add(new Problem.FieldError("option", "at most " + MAX_CONDITIONS));
        }
        for (String option : given) {
            String[] parts = option.strip().split(":", 2);
            if (parts.length != 2 || !CODE.matcher(parts[0]).matches() || parts[1].isBlank() || parts[1].length() > 200) {
                errors.add(new Problem.FieldError("option", "'" + option + "' is not code:value, as colour:Black"));
            } else if (chosen.putIfAbsent(parts[0], parts[1].strip()) != null) {
                errors.add(new Problem.FieldError("option", "names " + parts[0] + " twice"));
            }
        }
        List<Spec> conditions = new ArrayList<>();
        List<String> wanted = specs == null ? List.of() : specs.stream().filter(s -> QueryParams.given(s) != null)
                .toList();
        if (wanted.size() > MAX_CONDITIONS) {
            errors.add(new Problem.FieldError("spec", "at most " + MAX_CONDITIONS));
        }
        for (String spec : wanted) {
            String[] parts = spec.strip().split(":", 2);
            if (parts.length != 2 || !CODE.matcher(parts[0]).matches() || parts[1].isBlank() || parts[1].length() > 100) {
                errors.add(new Problem.FieldError("spec", "'" + spec + "' is not code:value, as water_resistant:true,"
                        + " capacity:10000..20000 or wireless:NFC"));
                continue;
            }
            String value = parts[1].strip();
            Matcher range = RANGE.matcher(value);
            if (value.equals("true") || value.equals("false")) {
                conditions.add(new Spec(parts[0], Boolean.valueOf(value), null, null, null));
            } else if (range.matches()) {
                BigDecimal low = range.group(1) == null ? null : new BigDecimal(range.group(1));
                BigDecimal high = range.group(3) == null ? null : new BigDecimal(range.group(3));
                if ((low == null && high == null) || (low != null && high != null && low.compareTo(high) > 0)) {
                    errors.add(new Problem.FieldError("spec", "'" + spec + "' is not a range from low to high"));
                } else {
                    conditions.add(new Spec(parts[0], null, null, low, high));
                }
            } else {
                conditions.add(new Spec(parts[0], null, value, null, null));
            }
        }
        return new ListingFilter(min, max, stocked, Map.copyOf(chosen), List.copyOf(conditions));
    }

    private static Long minor(String name, String value, List<Problem.FieldError> errors) {
        String given = QueryParams.given(value);
        if (given == null) {
            return null;
        }
        if (!MINOR.matcher(given).matches()) {
            errors.add(new Problem.FieldError(name, "must be a whole number of minor units, 0 or more"));
            return null;
        }
        return Long.parseLong(given);
    }

    boolean empty() {
        return equals(NONE);
    }

    /** The filter as the listing's SQL reads it; null when it narrows nothing. */
    JsonObject json() {
        if (empty()) {
            return null;
        }
        JsonArray conditions = new JsonArray();
        for (Spec spec : specs) {
            JsonObject condition = new JsonObject().put("code", spec.code());
            if (spec.flag() != null) {
                condition.put("kind", "flag").put("flag", spec.flag());
            } else if (spec.term() != null) {
                condition.put("kind", "term").put("term", spec.term());
            } else {
                condition.put("kind", "range").put("min", spec.min() == null ? null : spec.min().toPlainString())
                        .put("max", spec.max() == null ? null : spec.max().toPlainString());
            }
            conditions.add(condition);
        }
        return new JsonObject().put("minPrice", minPrice).put("maxPrice", maxPrice).put("inStock", inStock)
                .put("options", new JsonObject(new java.util.LinkedHashMap<>(options))).put("specs", conditions);
    }
}
