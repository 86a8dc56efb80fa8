package storefront.audit;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashMap;
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
 * only the regions in its {@code regions} claim.
 */
public record Operator(String actor, String role, Set<String> regions) {

    public static final String OPS = "ops";
    public static final String ADMIN = "ops-admin";
    public static final String AUDITOR = "auditor";

    public static Operator of(JsonWebToken token) {
        String actor = token.getName() != null ? token.getName() : token.getSubject();
        Set<String> groups = token.getGroups();
        String role = groups.contains(ADMIN) ? ADMIN : groups.contains(OPS) ? OPS : AUDITOR;
        Set<String> regions = new TreeSet<>();
        Object claim = token.getClaim("regions");
        if (claim instanceof JsonArray array) {
            array.forEach(value -> {
                if (value instanceof JsonString code) {
                    regions.add(code.getString().toUpperCase(Locale.ROOT));
                }
            });
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> regions.add(String.valueOf(value).toUpperCase(Locale.ROOT)));
        }
        return new Operator(actor, role, Set.copyOf(regions));
    }

    /** Whether this operator may change the region. */
    public boolean mayChange(String region) {
        return role.equals(ADMIN) || (role.equals(OPS) && regions.contains(region));
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
