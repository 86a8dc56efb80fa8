package storefront;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import storefront.faults.DatabaseProxy;

/**
 * The profile of the tests that wait for a timeout: a request's 2 s deadline,
 * a checkout's 3 s key lease, and the database behind a proxy a test can cut.
 * One profile for all of them, so that Quarkus starts once for them.
 */
public class ShortTimeouts implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DatabaseProxy.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // A checkout cut between its two steps holds its key this long before a retry may finish it.
        return Map.of("storefront.idempotency.lease-seconds", "3", "storefront.http.request-timeout", "2s");
    }
}
