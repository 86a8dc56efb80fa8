package storefront.order;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in shopper of a request, if any: a bearer JWT from the trusted
 * issuer with the role {@code shopper}, whose subject is the customer id. No
 * token means a guest; a bad token is a 401, never a silent guest; a token
 * without the shopper role is a 403.
 */
@Singleton
public class Shoppers {

    public static final String ROLE = "shopper";

    private final CurrentIdentityAssociation identities;

    Shoppers(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /** The customer id of the signed-in shopper, or empty for a guest. */
    public Uni<Optional<String>> current() {
        return identities.getDeferredIdentity().map(Shoppers::customerOf);
    }

    static Optional<String> customerOf(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        if (!identity.hasRole(ROLE)) {
            throw new ForbiddenException();
        }
        Principal principal = identity.getPrincipal();
        return Optional.of(principal instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                : principal.getName());
    }
}
