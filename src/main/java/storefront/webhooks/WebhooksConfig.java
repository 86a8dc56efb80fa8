package storefront.webhooks;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Webhook delivery ({@code storefront.webhooks.*}); the defaults are in application.properties. */
@ConfigMapping(prefix = "storefront.webhooks")
public interface WebhooksConfig {

    /** How often each replica looks for deliveries that are due. */
    Duration dispatchEvery();

    /** Whether a replica dispatches as soon as an event commits (a database notice), not only at its poll. */
    boolean wakeOnNotice();

    /** Deliveries one replica takes at a time (it has two batches in flight at most, one per subscription). */
    int batch();

    Duration connectTimeout();

    /** How long a receiver may take to answer once connected. */
    Duration readTimeout();

    /** How long a taken delivery is another replica's to leave alone (longer than any attempt). */
    Duration lease();

    /** The wait after the first failed attempt; each later one doubles it, up to {@link #retryMax()}. */
    Duration retryFirst();

    Duration retryMax();

    /** A delivery still failing this long after its first attempt is given up (DEAD). */
    Duration giveUpAfter();

    /** How long the previous secret still signs after a rotation, unless the rotation says otherwise. */
    Duration rotationOverlap();

    /** Whether receivers may be plain http and private or loopback addresses (dev mode and tests only). */
    boolean allowPrivateTargets();

    /** How long an event is kept once no delivery of it is pending; then it is removed in batches. */
    Duration retention();

    /** How often each replica removes what is past retention. */
    Duration purgeEvery();

    /** The CloudEvents {@code source} of every event. */
    String eventSource();
}
