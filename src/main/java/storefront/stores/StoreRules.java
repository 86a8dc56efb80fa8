package storefront.stores;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import storefront.common.Ids;
import storefront.common.QueryParams;
import storefront.common.Problem.FieldError;
import storefront.stores.StoreApi.Address;
import storefront.stores.StoreApi.Hours;
import storefront.stores.StoreApi.StoreInput;

/**
 * What a store must be beyond the shape of its fields, the same for a store
 * sent as JSON and a row of an import: a time zone both Java and PostgreSQL
 * know by name, a country some region serves, and opening hours that do not
 * overlap. Pure: no I/O.
 */
public final class StoreRules {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private StoreRules() {
    }

    /** The store as it is stored: normalized, with its region; or the fields at fault. */
    public record Checked(StoreRow row, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * What is wrong with a store beyond the shape of its fields; fields that
     * are missing are left to Bean Validation.
     */
    public static List<FieldError> problems(String id, StoreInput input,
                                            Function<String, Optional<String>> regionOfCountry) {
        List<FieldError> errors = new ArrayList<>();
        Ids.codeProblem("id", id).ifPresent(errors::add);
        if (input.address() != null && input.address().country() != null) {
            String country = input.address().country().toUpperCase(Locale.ROOT);
            if (regionOfCountry.apply(country).isEmpty()) {
                errors.add(new FieldError("address.country", "no region serves " + country));
            }
        }
        if (input.timeZone() != null && !isZone(input.timeZone().strip())) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Asia/Shanghai"));
        }
        if (input.openingHours() != null) {
            overlap(sorted(input.openingHours())).ifPresent(errors::add);
        }
        return errors;
    }

    /**
     * Checks a store whose fields already have the right shape (Bean Validation).
     * {@code regionOfCountry} names the region serving a country, if any.
     */
    public static Checked check(String id, StoreInput input, Function<String, Optional<String>> regionOfCountry) {
        List<FieldError> errors = problems(id, input, regionOfCountry);
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        Address address = input.address();
        String country = address.country().toUpperCase(Locale.ROOT);
        Address normalized = new Address(address.line1().strip(), QueryParams.given(address.line2()), address.city().strip(),
                QueryParams.given(address.postalCode()), QueryParams.given(address.state()), country);
        StoreRow row = new StoreRow(id, input.name().strip(), input.kind(),
                input.services().stream().distinct().sorted().toList(), normalized,
                regionOfCountry.apply(country).orElseThrow(), input.location().latitude(),
                input.location().longitude(), input.timeZone().strip(),
                input.openingHours() == null ? List.of() : sorted(input.openingHours()),
                QueryParams.given(input.phone()), input.status() == null ? StoreApi.Status.OPEN : input.status());
        return new Checked(row, List.of());
    }

    /** A region-based IANA zone (not an offset, which PostgreSQL reads with the opposite sign). */
    private static boolean isZone(String zone) {
        return ZONES.contains(zone) && zone.contains("/");
    }

    private static List<Hours> sorted(List<Hours> hours) {
        return hours.stream()
                .sorted(Comparator.comparing(Hours::day).thenComparing(Hours::opens))
                .toList();
    }

    /** Two openings of one day that share a minute (an opening past midnight counts until midnight). */
    private static Optional<FieldError> overlap(List<Hours> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            Hours previous = sorted.get(i - 1);
            Hours current = sorted.get(i);
            if (previous.day() == current.day() && minutes(current.opens()) < end(previous)) {
                return Optional.of(new FieldError("openingHours", previous.day() + " " + previous.opens() + "-"
                        + previous.closes() + " overlaps " + current.opens() + "-" + current.closes()));
            }
        }
        return Optional.empty();
    }

    private static int end(Hours hours) {
        int opens = minutes(hours.opens());
        int closes = minutes(hours.closes());
        return closes <= opens ? 24 * 60 : closes;
    }

    private static int minutes(String time) {
        return LocalTime.parse(time).toSecondOfDay() / 60;
    }
}
