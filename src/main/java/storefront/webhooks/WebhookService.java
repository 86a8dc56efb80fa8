package storefront.webhooks;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.common.ETags;
import storefront.common.Ids;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.common.Statements;
import storefront.events.EventType;
import storefront.region.RegionDirectory;
import storefront.region.Regions;
import storefront.webhooks.WebhookApi.Created;
import storefront.webhooks.WebhookApi.DeliveryList;
import storefront.webhooks.WebhookApi.DeliveryStatus;
import storefront.webhooks.WebhookApi.Replayed;
import storefront.webhooks.WebhookApi.Rotated;
import storefront.webhooks.WebhookApi.RotationInput;
import storefront.webhooks.WebhookApi.SubscriptionInput;
import storefront.webhooks.WebhookApi.SubscriptionList;
import storefront.webhooks.WebhookApi.SubscriptionView;

/**
 * Webhook subscriptions: create (the secret is answered once), read, replace
 * (If-Match with the version's ETag), rotate the secret with an overlap, read
 * deliveries, replay. Every change is audited in its transaction; secrets are
 * never in an answer but the one that makes them, nor in the audit log.
 */
@Singleton
class WebhookService {

    /** A subscription with its ETag. */
    record Tagged(SubscriptionView subscription, String etag) {
    }

    private static final long MAX_OVERLAP_SECONDS = Duration.ofDays(7).toSeconds();

    private final Clock clock;
    private final WebhookRepository repository;
    private final WebhookDeliveryRepository deliveries;
    private final RegionDirectory regions;
    private final AuditLog audit;
    private final WebhooksConfig config;

    WebhookService(Clock clock, WebhookRepository repository, WebhookDeliveryRepository deliveries,
                   RegionDirectory regions, AuditLog audit, WebhooksConfig config) {
        this.clock = clock;
        this.repository = repository;
        this.deliveries = deliveries;
        this.regions = regions;
        this.audit = audit;
        this.config = config;
    }

    Uni<Created> create(Operator operator, SubscriptionInput input) {
        return checked(input).flatMap(clean -> {
            WebhookSubscription s = new WebhookSubscription();
            s.id = UUID.randomUUID();
            s.createdAt = clock.instant();
            s.secret = WebhookSigner.newSecret();
            assign(s, clean);
            return Panache.withTransaction(() -> repository.persistAndFlush(s)
                    .flatMap(x -> audit.record(Statements.inSession(), operator, new AuditLog.Change(
                            "CREATE_WEBHOOK", null, target(s.id), null, s.view(clock.instant())), input.reason().strip(),
                            null)))
                    .map(x -> new Created(s.view(clock.instant()), s.secret));
        });
    }

    Uni<SubscriptionList> list() {
        return Panache.withSession(() -> repository.list("order by createdAt, id"))
                .map(all -> new SubscriptionList(all.stream().map(s -> s.view(clock.instant())).toList()));
    }

    Uni<Tagged> get(String id) {
        UUID uuid = requireId(id);
        return Panache.withSession(() -> repository.findById(uuid)).map(s -> tagged(require(s)));
    }

    Uni<Tagged> replace(Operator operator, String id, String ifMatch, SubscriptionInput input) {
        UUID uuid = requireId(id);
        return checked(input).flatMap(clean -> ETags.staleAsPreconditionFailed(Panache.withTransaction(() -> repository
                .findById(uuid).flatMap(found -> {
                    WebhookSubscription s = require(found);
                    ETags.requireMatch(ifMatch, ETags.ofVersion(s.version), target(uuid),
                            "GET /api/v1/admin/webhooks/" + uuid);
                    SubscriptionView before = s.view(clock.instant());
                    assign(s, clean);
                    SubscriptionView after = s.view(clock.instant());
                    if (after.equals(before)) {
                        return Uni.createFrom().item(tagged(s));
                    }
                    return repository.flush().flatMap(x -> audit.record(Statements.inSession(), operator,
                                    new AuditLog.Change("UPDATE_WEBHOOK", null, target(uuid), before, after),
                                    input.reason().strip(), null))
                            .map(x -> tagged(s));
                })), target(uuid)));
    }

    Uni<Rotated> rotate(Operator operator, String id, RotationInput input) {
        UUID uuid = requireId(id);
        long overlap = input.overlapSeconds() == null ? config.rotationOverlap().toSeconds() : input.overlapSeconds();
        if (overlap < 0 || overlap > MAX_OVERLAP_SECONDS) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("overlapSeconds",
                    "must be between 0 and " + MAX_OVERLAP_SECONDS)));
        }
        return Panache.withTransaction(() -> repository.findById(uuid).flatMap(found -> {
            WebhookSubscription s = require(found);
            Instant now = clock.instant();
            Instant until = overlap == 0 ? null : now.plusSeconds(overlap);
            s.rotate(WebhookSigner.newSecret(), until);
            return repository.flush().flatMap(x -> audit.record(Statements.inSession(), operator,
                            new AuditLog.Change("ROTATE_WEBHOOK_SECRET", null, target(uuid), null,
                                    java.util.Map.of("previousSecretValidUntil", String.valueOf(until))),
                            input.reason().strip(), null))
                    .map(x -> new Rotated(s.secret, until));
        }));
    }

    Uni<DeliveryList> deliveries(String id, String statusParam, String limitParam) {
        UUID uuid = requireId(id);
        List<Problem.FieldError> errors = new ArrayList<>();
        DeliveryStatus status = QueryParams.constant(DeliveryStatus.class, "status", statusParam, errors);
        int limit = QueryParams.limit(limitParam, 50, 500, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return get(id).flatMap(x -> deliveries.list(uuid, status, limit)).map(DeliveryList::new);
    }

    /** Queues again every event since an instant, or one event; audited. */
    Uni<Replayed> replay(Operator operator, String id, Instant since, String eventId, String reason) {
        UUID uuid = requireId(id);
        UUID event = eventId == null ? null : Ids.uuid(eventId).orElseThrow(WebhookService::deliveryNotFound);
        Statements tx = Statements.inSession();
        return get(id).flatMap(x -> Panache.withTransaction(() -> deliveries.replay(tx, uuid, since, event,
                        clock.instant())
                .call(queued -> {
                    if (event != null && queued == 0) {
                        throw deliveryNotFound();
                    }
                    return audit.record(tx, operator, new AuditLog.Change("REPLAY_WEBHOOK", null, target(uuid), null,
                            since != null ? java.util.Map.of("since", since.toString(), "queued", queued)
                                    : java.util.Map.of("eventId", event.toString(), "queued", queued)),
                            reason.strip(), null);
                })))
                .map(Replayed::new);
    }

    // ---- checks ----

    /** The input with its codes normalized, or 400 naming every field at fault. */
    private Uni<SubscriptionInput> checked(SubscriptionInput input) {
        return regions.regions().map(all -> {
            List<Problem.FieldError> errors = new ArrayList<>();
            String url = input.url().strip();
            WebhookTargets.problem(url, config.allowPrivateTargets())
                    .ifPresent(problem -> errors.add(new Problem.FieldError("url", problem)));
            List<String> types = new ArrayList<>();
            List<String> given = input.eventTypes() == null ? List.of() : input.eventTypes();
            for (int i = 0; i < given.size(); i++) {
                String type = given.get(i).strip();
                if (EventType.ofWire(type).isEmpty()) {
                    errors.add(new Problem.FieldError("eventTypes[" + i + "]", "is no event type; see the contract's "
                            + "webhook events"));
                } else if (!types.contains(type)) {
                    types.add(type);
                }
            }
            List<String> codes = new ArrayList<>();
            List<String> givenRegions = input.regions() == null ? List.of() : input.regions();
            for (int i = 0; i < givenRegions.size(); i++) {
                Optional<Regions.Entry> region = all.find(givenRegions.get(i).strip());
                if (region.isEmpty()) {
                    errors.add(new Problem.FieldError("regions[" + i + "]", "no region has the code '"
                            + givenRegions.get(i) + "'"));
                } else if (!codes.contains(region.get().view().code())) {
                    codes.add(region.get().view().code());
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return new SubscriptionInput(url, types, codes, input.description() == null ? ""
                    : input.description().strip(), input.active() == null || input.active(), input.reason());
        });
    }

    private static void assign(WebhookSubscription s, SubscriptionInput clean) {
        s.url = clean.url();
        s.eventTypes = List.copyOf(clean.eventTypes());
        s.regions = List.copyOf(clean.regions());
        s.description = clean.description();
        s.active = clean.active();
    }

    private Tagged tagged(WebhookSubscription s) {
        return new Tagged(s.view(clock.instant()), ETags.ofVersion(s.version));
    }

    private static String target(UUID id) {
        return "webhook:" + id;
    }

    private static UUID requireId(String id) {
        return Ids.uuid(id).orElseThrow(WebhookService::notFound);
    }

    private static WebhookSubscription require(WebhookSubscription found) {
        if (found == null) {
            throw notFound();
        }
        return found;
    }

    static ProblemException notFound() {
        return ProblemException.notFound("WEBHOOK_NOT_FOUND", "Webhook subscription not found",
                "No webhook subscription has this id.");
    }

    static ProblemException deliveryNotFound() {
        return ProblemException.notFound("WEBHOOK_EVENT_NOT_FOUND", "Event not found",
                "No event with this id is one this subscription takes.");
    }
}
