package storefront.availability;

import java.util.List;

/** Available, or unavailable with every reason that applies, in a fixed order. */
public record Decision(boolean available, List<Reason> reasons) {

    public static final Decision AVAILABLE = new Decision(true, List.of());

    public Decision {
        reasons = List.copyOf(reasons);
        if (available != reasons.isEmpty()) {
            throw new IllegalArgumentException("an available decision has no reasons, an unavailable one has some");
        }
    }

    static Decision of(List<Reason> reasons) {
        return reasons.isEmpty() ? AVAILABLE : new Decision(false, reasons);
    }

    public List<ReasonCode> codes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
