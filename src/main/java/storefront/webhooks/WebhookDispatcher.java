package storefront.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import storefront.common.CatalogChangeListener;
import storefront.webhooks.WebhookDeliveryRepository.Outcome;
import storefront.webhooks.WebhookDeliveryRepository.Taken;

/**
 * Sends due deliveries, on every replica: takes what there is room for ({@link
 * WebhookDeliveryRepository#take}: at most two batches in flight, one of
 * them for one subscription), posts each as a CloudEvent
 * in structured JSON with its Standard Webhooks signature, and records each
 * answer as it comes (with those that came meanwhile), then takes again: a
 * slow receiver holds its own deliveries, not the others'. A 2xx is
 * delivered; anything else, a timeout or a refused address is tried again after
 * an exponential back-off with jitter, until {@code give-up-after} has passed
 * since the first attempt (then DEAD). Redirects are not followed; at most a
 * short excerpt of an answer is kept.
 */
@Singleton
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int EXCERPT = 200;
    private static final int PURGE_BATCH = 1000;

    /** The channel emit_event notifies (database/migration V10). */
    static final String NOTICES = "storefront_events";

    private final WebhookDeliveryRepository deliveries;
    private final WebhooksConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Counter delivered;
    private final Counter failed;
    private final Counter dead;
    private final Timer lag;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();

    WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhooksConfig config, Clock clock, ObjectMapper json,
                      Vertx vertx, MeterRegistry registry, CatalogChangeListener listener) {
        this.listener = listener;
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setForceSni(true)
                .setMaxPoolSize(64));
        this.delivered = registry.counter("storefront_webhook_deliveries_total", "outcome", "delivered");
        this.failed = registry.counter("storefront_webhook_deliveries_total", "outcome", "failed");
        this.dead = registry.counter("storefront_webhook_deliveries_total", "outcome", "dead");
        // From the event's commit-time stamp to the receiver's 2xx.
        this.lag = Timer.builder("storefront_webhook_delivery_lag").publishPercentileHistogram()
                .register(registry);
        // What is still waiting, as of this replica's last poll: a receiver down shows here long before its
        // deliveries go DEAD, and while the lag above records nothing.
        Gauge.builder("storefront_webhook_pending_deliveries", pending, AtomicLong::get)
                .description("Deliveries waiting for their first or next attempt").register(registry);
        Gauge.builder("storefront_webhook_oldest_pending_seconds", this, d -> d.oldestPendingSeconds())
                .description("How long ago the oldest event still waiting for a delivery happened").register(registry);
    }

    private double oldestPendingSeconds() {
        Instant oldest = oldestPending.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** Reads what is waiting into the backlog gauges. */
    public Uni<Void> measureBacklog() {
        return deliveries.backlog().invoke(backlog -> {
            pending.set(backlog.pending());
            oldestPending.set(backlog.oldest());
        }).replaceWithVoid();
    }

    /** In flight on this replica: per subscription, and in all (at most two batches). Guarded by this. */
    private final Map<UUID, Integer> inFlight = new HashMap<>();
    private int inFlightTotal;
    private int answeredSinceTake;
    /** Answers not yet recorded, and whether a record is under way. Guarded by this. */
    private final List<Outcome> answered = new ArrayList<>();
    private boolean recording;

    private final CatalogChangeListener listener;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile PgSubscriber notices;

    void start(@Observes StartupEvent event) {
        if (config.wakeOnNotice()) {
            notices = listener.listen(NOTICES, "webhook-listener", this::wake);
        }
    }

    /**
     * Something may be due (an event committed, an answer was recorded, the
     * poll came round): take what there is room for. One run at a time per
     * replica; a wake during a run makes it run once more, so nothing is left
     * for the next poll.
     */
    void wake() {
        again.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        takeWhileRoom().onTermination().invoke(() -> {
            running.set(false);
            if (again.get()) {
                wake();
            }
        }).subscribe().with(n -> { }, failure -> LOG.warn("Webhook dispatch failed; the next poll tries again",
                failure));
    }

    @PreDestroy
    void close() {
        if (notices != null) {
            notices.closeAndForget();
        }
        http.close();
    }

    @Scheduled(every = "${storefront.webhooks.dispatch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        // Retries fall due with no notice: the poll finds them. It does not wait for what is in flight.
        wake();
        return measureBacklog().onFailure().invoke(f -> LOG.warn("Reading the webhook backlog failed", f))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @Scheduled(every = "${storefront.webhooks.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPurge() {
        return purge().onFailure().invoke(f -> LOG.warn("Removing old events failed; the next run tries again", f))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Removes, a batch at a time, the events past retention that no delivery waits for; answers how many. */
    public Uni<Integer> purge() {
        Instant before = clock.instant().minus(config.retention());
        return deliveries.purge(before, PURGE_BATCH).flatMap(n -> n < PURGE_BATCH ? Uni.createFrom().item(n)
                : purge().map(more -> n + more));
    }

    /**
     * Takes and sends until nothing is due and nothing is in flight or waiting
     * to be recorded (a delivered event may have let the next of its subject
     * go); answers how many deliveries were taken. For tests and tools: a
     * replica runs on {@link #wake}.
     */
    public Uni<Integer> dispatchUntilIdle() {
        // Idle first, so that a take finding nothing means nothing is due (every answer is recorded).
        return drained().flatMap(ignored -> dispatchOnce()).flatMap(n -> n == 0 && idle() ? Uni.createFrom().item(0)
                : dispatchUntilIdle().map(more -> n + more));
    }

    private synchronized boolean worthATake() {
        int half = Math.max(1, config.batch() / 2);
        return answeredSinceTake >= half || inFlightTotal < half;
    }

    /**
     * Deliveries of one subscription in flight at once on a replica: a batch.
     * A replica has up to two batches in flight, so a slow receiver holding
     * its batch leaves the other to every other subscription.
     */
    private int perSubscription() {
        return config.batch();
    }

    private synchronized boolean idle() {
        return inFlightTotal == 0 && answered.isEmpty() && !recording && !running.get();
    }

    private Uni<Void> drained() {
        return idle() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(5)).flatMap(ignored -> drained());
    }

    private Uni<Integer> takeWhileRoom() {
        return dispatchOnce().flatMap(n -> n == 0 ? Uni.createFrom().item(0)
                : takeWhileRoom().map(more -> n + more));
    }

    /**
     * Takes as many due deliveries as there is room for (a batch at a time, at
     * most two in flight, one of them for one subscription) and starts sending
     * them; answers how many it took. Each answer is recorded as it comes, with
     * the others that came meanwhile, so a slow receiver holds up only its own
     * deliveries.
     */
    public Uni<Integer> dispatchOnce() {
        int room;
        List<UUID> busy = new ArrayList<>();
        List<Integer> busyRoom = new ArrayList<>();
        synchronized (this) {
            room = Math.min(config.batch(), 2 * config.batch() - inFlightTotal);
            answeredSinceTake = 0;
            inFlight.forEach((subscription, n) -> {
                busy.add(subscription);
                busyRoom.add(Math.max(0, perSubscription() - n));
            });
        }
        if (room <= 0) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.instant();
        return deliveries.take(now, now.plus(config.lease()), room, perSubscription(), busy, busyRoom).map(taken -> {
            synchronized (this) {
                taken.forEach(t -> inFlight.merge(t.subscriptionId(), 1, Integer::sum));
                inFlightTotal += taken.size();
            }
            // At most one delivery per subject and subscription is taken (the take waits for the earlier ones),
            // so they all go side by side.
            // Whatever happens to an attempt, its answer is counted, so the room it held comes back.
            taken.forEach(t -> Uni.createFrom().<Outcome>deferred(() -> attempt(t))
                    .onFailure().recoverWithItem(failure -> failed(t, null, describe(failure), 0))
                    .subscribe().with(this::answered));
            return taken.size();
        });
    }

    private void answered(Outcome outcome) {
        boolean record;
        synchronized (this) {
            answered.add(outcome);
            answeredSinceTake++;
            inFlight.computeIfPresent(outcome.delivery().subscriptionId(), (id, n) -> n == 1 ? null : n - 1);
            inFlightTotal--;
            record = !recording;
            recording = true;
        }
        if (record) {
            recordAnswered();
        }
    }

    /** Records what was answered since the last record, in one go; then looks for what that let go. */
    private void recordAnswered() {
        List<Outcome> batch;
        synchronized (this) {
            batch = new ArrayList<>(answered);
            answered.clear();
            if (batch.isEmpty()) {
                recording = false;
                return;
            }
        }
        deliveries.record(batch, clock.instant()).subscribe().with(
                ignored -> {
                    // What this let go (the next event of a subject) is taken when half a batch was answered
                    // since the last take, or less than that is in flight: a take reads every pending subject's
                    // head, too dear to run for every few answers of a burst. It starts before this record counts
                    // as done.
                    if (worthATake()) {
                        wake();
                    }
                    recordAnswered();
                },
                failure -> {
                    // Unrecorded, they stay leased and are sent again when the lease ends: at least once.
                    LOG.warnf(failure, "Recording %d webhook answers failed; they are sent again later", batch.size());
                    recordAnswered();
                });
    }

    /** The CloudEvent of a delivery, as sent. */
    String body(Taken t) {
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", t.eventId().toString());
        event.put("source", config.eventSource());
        event.put("type", t.type());
        event.put("subject", t.subject());
        event.put("time", t.time().toString());
        event.put("datacontenttype", "application/json");
        if (t.region() != null) {
            event.put("region", t.region());
        }
        try {
            JsonNode data = json.readTree(t.data());
            event.set("data", data);
            return json.writeValueAsString(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An outbox event holds no JSON", e);
        }
    }

    private Uni<Outcome> attempt(Taken t) {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        String body = body(t);
        long timestamp = started.getEpochSecond();
        List<String> secrets = new ArrayList<>(List.of(t.secret()));
        if (t.previousSecret() != null && t.previousUntil() != null && t.previousUntil().isAfter(started)) {
            secrets.add(t.previousSecret());
        }
        String signature = WebhookSigner.signatures(secrets, t.eventId().toString(), timestamp, body);
        URI uri = URI.create(t.url());
        return resolve(uri).flatMap(address -> send(uri, address, t, timestamp, signature, body))
                .map(answer -> {
                    int latency = (int) Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
                    if (answer.status() >= 200 && answer.status() < 300) {
                        delivered.increment();
                        lag.record(Duration.between(t.time(), clock.instant()).abs());
                        return new Outcome(t, true, answer.status(), null, latency, null);
                    }
                    return failed(t, answer.status(), "HTTP " + answer.status() + ": " + answer.excerpt(), latency);
                })
                .onFailure().recoverWithItem(failure -> failed(t, null, describe(failure),
                        (int) Duration.ofNanos(System.nanoTime() - startedNanos).toMillis()));
    }

    /** A failed attempt: due again after the back-off, or given up once the next try would be too late. */
    private Outcome failed(Taken t, Integer status, String error, int latency) {
        Instant now = clock.instant();
        Instant first = t.firstAttemptAt() == null ? now : t.firstAttemptAt();
        Instant next = now.plus(backoff(t.attempts()));
        boolean giveUp = !next.isBefore(first.plus(config.giveUpAfter()));
        (giveUp ? dead : failed).increment();
        return new Outcome(t, false, status, error, latency, giveUp ? null : next);
    }

    /** After the n-th failed attempt: first × 2^(n-1), at most the maximum, of which a random half is waited. */
    Duration backoff(int attempts) {
        long first = config.retryFirst().toMillis();
        long max = config.retryMax().toMillis();
        long full = attempts >= 40 ? max : Math.min(max, first << Math.max(0, attempts - 1));
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }

    /** The address to connect to, checked: only public ones unless private targets are allowed. */
    private Uni<InetAddress> resolve(URI uri) {
        if (WebhookTargets.isLiteralAddress(uri.getHost())) {
            // Nothing to look up: checked here, without a hop to a worker thread.
            return Uni.createFrom().item(() -> lookUp(uri));
        }
        return Uni.createFrom().item(() -> lookUp(uri)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private InetAddress lookUp(URI uri) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(uri.getHost());
            if (!config.allowPrivateTargets()) {
                for (InetAddress a : addresses) {
                    if (!WebhookTargets.isPublic(a)) {
                        throw new RefusedTarget(uri.getHost() + " resolves to " + a.getHostAddress()
                                + ", which is not a public address");
                    }
                }
            }
            return addresses[0];
        } catch (java.net.UnknownHostException e) {
            throw new RefusedTarget("cannot resolve " + uri.getHost());
        }
    }

    /** A receiver's answer: its status and the start of its body. */
    record Answer(int status, String excerpt) {
    }

    private Uni<Answer> send(URI uri, InetAddress address, Taken t, long timestamp, String signature, String body) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                .setIdleTimeout(config.readTimeout().toMillis())
                .putHeader("content-type", "application/cloudevents+json")
                .putHeader("user-agent", "storefront-webhooks")
                .putHeader("webhook-id", t.eventId().toString())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature);
        return Uni.createFrom().completionStage(() -> http.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> {
                    // Only the start of an answer is kept; the rest is read and dropped.
                    StringBuilder excerpt = new StringBuilder();
                    response.handler(chunk -> {
                        if (excerpt.length() < EXCERPT) {
                            String text = chunk.toString();
                            excerpt.append(text, 0, Math.min(text.length(), EXCERPT - excerpt.length()));
                        }
                    });
                    return response.end().map(v -> new Answer(response.statusCode(), excerpt.toString()));
                })
                .toCompletionStage());
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** A receiver the rules do not allow (resolved to a private address, or not at all). */
    static final class RefusedTarget extends RuntimeException {
        RefusedTarget(String message) {
            super(message, null, false, false);
        }
    }
}
