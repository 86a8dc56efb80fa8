package storefront.audit;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import storefront.common.Problem;
import storefront.common.ProblemException;

/**
 * Who is making an ops request, in which role, and which regions they may
 * change. An {@code ops-admin} may change every region; an {@code ops} token
 * only the regions in its {@code regions} claim; a {@code store} token (store
 * staff) only the pickups and returns of the stores in its {@code stores} claim.
 */
public record Operator(String actor, String role, Set<String> regions, Set<String> stores) {

    public static final String OPS = "ops";
    public static final String ADMIN = "ops-admin";
    public static final String AUDITOR = "auditor";
    public static final String STORE = "store";

    public static Operator of(JsonWebToken token) {
        String actor = token.getName() != null ? token.getName() : token.getSubject();
        Set<String> groups = token.getGroups();
        String role = groups.contains(ADMIN) ? ADMIN : groups.contains(OPS) ? OPS
                : groups.contains(STORE) ? STORE : AUDITOR;
        Set<String> regions = new TreeSet<>();
        strings(token.getClaim("regions")).forEach(code -> regions.add(code.toUpperCase(Locale.ROOT)));
        Set<String> stores = new TreeSet<>();
        strings(token.getClaim("stores")).forEach(id -> stores.add(id.toLowerCase(Locale.ROOT)));
        return new Operator(actor, role, Set.copyOf(regions), Set.copyOf(stores));
    }

    private static List<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> {
                if (value instanceof JsonString text) {
                    values.add(text.getString());
                }
            });
        } else if (claim instanceof Collection<?> items) {
            items.forEach(value -> values.add(String.valueOf(value)));
        }
        return values;
    }

    /** Whether this operator may change the region. */
    public boolean mayChange(String region) {
        return role.equals(ADMIN) || (role.equals(OPS) && regions.contains(region));
    }

    /**
     * Fails with 403 STORE_NOT_IN_SCOPE unless this operator may act for the
     * store: ops of its region, an ops-admin, or staff of that very store.
     */
    public void requireStore(String region, String storeId) {
        if (role.equals(STORE)) {
            if (storeId == null || !stores.contains(storeId)) {
                Map<String, Object> extensions = new LinkedHashMap<>();
                extensions.put("stores", new TreeSet<>(stores));
                throw new ProblemException(new Problem(403, "STORE_NOT_IN_SCOPE", "Store not in your scope",
                        storeId == null ? "Store staff act on pickups at their stores only."
                                : "Your token does not allow acting for store " + storeId + ".", null, extensions));
            }
            return;
        }
        requireScope(List.of(region));
    }

    /** Fails with 403 REGION_NOT_IN_SCOPE unless every one of these regions may be changed. */
    public void requireScope(Collection<String> regionCodes) {
        Set<String> outside = new TreeSet<>();
        regionCodes.stream().filter(r -> !mayChange(r)).forEach(outside::add);
        if (!outside.isEmpty()) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("regions", outside);
            throw new ProblemException(new Problem(403, "REGION_NOT_IN_SCOPE", "Region not in your scope",
                    "Your token does not allow changes in " + String.join(", ", outside) + ".", null, extensions));
        }
    }
}
