package storefront.common;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Listens on PostgreSQL's catalog channel, which database triggers notify after
 * every committed change, so that every replica drops its cached answers within
 * moments of a change made anywhere. After a lost connection it reconnects and
 * assumes it missed a notice.
 */
@ApplicationScoped
public class CatalogChangeListener {

    static final String CHANNEL = "storefront_catalog_changed";
    private static final Logger LOG = Logger.getLogger(CatalogChangeListener.class);

    @Inject
    Vertx vertx;
    @Inject
    CatalogVersion version;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @Inject
    DatabaseConfig database;

    private PgSubscriber subscriber;

    void start(@Observes StartupEvent event) {
        subscriber = subscribe(vertx, options("catalog-listener"), database.schema(), version);
    }

    /**
     * Listens for changes to {@code schema} on the catalog channel and moves
     * {@code version} on for each, until the returned subscriber is closed.
     * Each replica has one; tests build a second to act as another replica.
     */
    public static PgSubscriber subscribe(Vertx vertx, PgConnectOptions options, String schema,
                                         CatalogVersion version) {
        return listen(vertx, options, CHANNEL, schema, version::changed);
    }

    /**
     * Runs {@code onNotice} for every notice on {@code channel} that names
     * {@code schema}, and on every (re)subscription (a notice may have been
     * missed while disconnected), on a connection of its own that reconnects.
     */
    public static PgSubscriber listen(Vertx vertx, PgConnectOptions options, String channel, String schema,
                                      Runnable onNotice) {
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempts -> 1_000L);
        subscriber.channel(channel)
                .subscribeHandler(() -> {
                    LOG.debugf("Listening on %s", channel);
                    onNotice.run();
                })
                .handler(changedSchema -> {
                    if (schema.equals(changedSchema)) {
                        onNotice.run();
                    }
                });
        subscriber.connect()
                .onFailure().invoke(failure -> LOG.warnf("Listener on %s cannot connect (%s); retrying", channel,
                        failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).indefinitely()
                .subscribe().with(ok -> { }, failure -> LOG.errorf(failure, "Listener on %s stopped", channel));
        return subscriber;
    }

    /** Listens on another channel of this schema, as {@link #listen} does; close the answer when done. */
    public PgSubscriber listen(String channel, String metricsName, Runnable onNotice) {
        return listen(vertx, options(metricsName), channel, database.schema(), onNotice);
    }

    private PgConnectOptions options(String metricsName) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(username);
        options.setMetricsName(metricsName);  // its own metrics, apart from the pool's
        password.ifPresent(options::setPassword);
        return options;
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }
}
