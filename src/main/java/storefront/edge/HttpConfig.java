package storefront.edge;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** What the edge allows a request ({@code storefront.http.*}); the defaults are in application.properties. */
@ConfigMapping(prefix = "storefront.http")
public interface HttpConfig {

    /** A request still unanswered after this long gets 503 REQUEST_TIMEOUT. */
    Duration requestTimeout();

    /** The same for a request that uploads a file (a store import). */
    Duration uploadTimeout();

    long maxBodyBytes();

    WriteRate writeRate();

    /** Writes per client: a burst, then a steady rate (per replica). */
    interface WriteRate {
        long burst();

        long perSecond();
    }
}
