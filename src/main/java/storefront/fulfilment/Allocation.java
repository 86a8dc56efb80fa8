package storefront.fulfilment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a paid order's units leave from. Pure: no I/O.
 *
 * <p>The nearest location that holds every line takes the whole order (one
 * parcel). When none does, the order is split: locations are taken nearest
 * first, each giving what it holds of what is still wanted, until nothing is
 * wanted. What no location holds is the shortfall (the region's stock makes it
 * impossible for a paid order; the allocator refuses a plan that has one).
 */
public final class Allocation {

    /** A location and the units it holds free, per SKU. */
    public record Candidate(String location, Map<String, Integer> free) {
    }

    /** Units that leave one location together. */
    public record Parcel(String location, Map<String, Integer> units) {
    }

    /** The parcels, nearest location first, and what none could give. */
    public record Plan(List<Parcel> parcels, Map<String, Integer> shortfall) {
    }

    private Allocation() {
    }

    /** {@code wanted} per SKU; {@code nearestFirst} in the order the destination prefers them. */
    public static Plan plan(Map<String, Integer> wanted, List<Candidate> nearestFirst) {
        for (Candidate candidate : nearestFirst) {
            if (wanted.entrySet().stream().allMatch(w -> candidate.free().getOrDefault(w.getKey(), 0) >= w.getValue())) {
                return new Plan(List.of(new Parcel(candidate.location(), Map.copyOf(wanted))), Map.of());
            }
        }
        Map<String, Integer> left = new LinkedHashMap<>(wanted);
        List<Parcel> parcels = new ArrayList<>();
        for (Candidate candidate : nearestFirst) {
            Map<String, Integer> units = new LinkedHashMap<>();
            left.forEach((sku, quantity) -> {
                int take = Math.min(quantity, Math.max(0, candidate.free().getOrDefault(sku, 0)));
                if (take > 0) {
                    units.put(sku, take);
                }
            });
            if (!units.isEmpty()) {
                units.forEach((sku, take) -> left.merge(sku, -take, Integer::sum));
                left.values().removeIf(quantity -> quantity <= 0);
                parcels.add(new Parcel(candidate.location(), Map.copyOf(units)));
            }
            if (left.isEmpty()) {
                break;
            }
        }
        return new Plan(List.copyOf(parcels), Map.copyOf(left));
    }
}
