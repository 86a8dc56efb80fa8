package storefront.stores;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import storefront.audit.AuditLog;
import storefront.audit.AuditLog.Change;
import storefront.audit.Operator;
import storefront.common.ETags;
import storefront.common.Problem.FieldError;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.common.RowLocks;
import storefront.common.Statements;
import storefront.events.EventType;
import storefront.events.Events;
import storefront.region.RegionDirectory;
import storefront.region.Regions;
import storefront.stores.StoreApi.ImportReport;
import storefront.stores.StoreApi.Kind;
import storefront.stores.StoreApi.Location;
import storefront.stores.StoreApi.Rejection;
import storefront.stores.StoreApi.Service;
import storefront.stores.StoreApi.StatusChange;
import storefront.stores.StoreApi.StoreChange;
import storefront.stores.StoreApi.StoreInput;
import storefront.stores.StoreApi.StoreList;
import storefront.stores.StoreApi.StoreView;
import storefront.stores.StoreDirectory.Tagged;

/**
 * The store finder and store management. Ops changes are audited in their
 * transaction; an import writes all of its accepted rows or none.
 */
@Singleton
class StoreService {

    static final double DEFAULT_RADIUS_KM = 25;
    static final double MAX_RADIUS_KM = 1000;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /** A store written by ops: what it is now, and whether this call created it. */
    record Written(Tagged store, boolean created) {
    }

    private final Pool pool;
    private final StoreDirectory directory;
    private final StoreRepository repository;
    private final RegionDirectory regions;
    private final AuditLog audit;
    private final Events events;
    private final Validator validator;
    private final Clock clock;

    StoreService(Clock clock, Pool pool, StoreDirectory directory, StoreRepository repository, RegionDirectory regions,
                 AuditLog audit, Events events, Validator validator) {
        this.clock = clock;
        this.events = events;
        this.pool = pool;
        this.directory = directory;
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
        this.validator = validator;
    }

    Uni<StoreList> search(String near, String radius, List<String> services, List<String> kinds, String openNow,
                          String openAt, String limit) {
        List<FieldError> errors = new ArrayList<>();
        Location point = point(near, errors);
        double radiusKm = radius(radius, errors);
        List<Service> wanted = constants(Service.class, "service", services, errors);
        List<Kind> wantedKinds = constants(Kind.class, "kind", kinds, errors);
        Instant now = clock.instant();
        Instant at = QueryParams.instant("openAt", openAt, errors);
        String nowFlag = QueryParams.given(openNow);
        if (nowFlag != null && !nowFlag.equalsIgnoreCase("true") && !nowFlag.equalsIgnoreCase("false")) {
            errors.add(new FieldError("openNow", "must be true or false"));
        } else if ("true".equalsIgnoreCase(nowFlag)) {
            if (at != null) {
                errors.add(new FieldError("openAt", "give openNow=true or openAt, not both"));
            }
            at = now;
        }
        int size = QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return directory.nearest(new StoreDirectory.Search(point.latitude(), point.longitude(), radiusKm, wanted,
                        wantedKinds, at, size, now))
                .map(stores -> new StoreList(point, radiusKm, stores));
    }

    Uni<StoreView> find(String id) {
        return stored(id).map(Tagged::store);
    }

    /** The store as shown, with the ETag that replacing it needs. */
    Uni<Tagged> stored(String idParam) {
        String id = idParam.strip().toLowerCase(Locale.ROOT);
        return directory.find(id, clock.instant()).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /**
     * Creates or replaces one store, audited as CREATE_STORE or UPDATE_STORE in
     * the same transaction; nothing is written if it is equal. Replacing needs
     * If-Match with the ETag of the store as read (of two writers with the same
     * one, the store's version lets one win); creating takes none. Every field
     * at fault is named at once.
     */
    Uni<Written> put(Operator operator, String id, String ifMatch, StoreChange change) {
        return regions.regions().flatMap(all -> {
            Function<String, Optional<String>> regionOf = regionOf(all);
            List<FieldError> errors = change.store() == null ? faults(validator.validate(change), List.of(), f -> f)
                    : faults(validator.validate(change), StoreRules.problems(id, change.store(), regionOf),
                            f -> f.equals("id") ? "id" : "store." + f);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            StoreRow row = StoreRules.check(id, change.store(), regionOf).row();
            String target = "store:" + id;
            // Committed before the store is read back as shown (open now or not), on the pool.
            Uni<Boolean> write = Panache.withTransaction(() -> RowLocks.findOrLockToCreate(target,
                            () -> repository.findById(id))
                    .flatMap(entity -> {
                        StoreRow before = entity == null ? null : entity.row();
                        operator.requireScope(before == null ? List.of(row.region())
                                : List.of(row.region(), before.region()));
                        ETags.requireMatch(ifMatch, entity == null ? null : ETags.ofVersion(entity.version), target,
                                "GET /api/v1/admin/stores/" + id);
                        if (row.equals(before)) {
                            return Uni.createFrom().item(false);
                        }
                        Store written = entity == null ? new Store() : entity;
                        written.assign(row);
                        return repository.persistAndFlush(written)
                                .flatMap(x -> audit.record(Statements.inSession(), operator, new Change(
                                        before == null ? "CREATE_STORE" : "UPDATE_STORE", row.region(), target,
                                        before, row), change.reason(), null))
                                .flatMap(x -> events.emit(Statements.inSession(), EventType.STORE_CHANGED,
                                        subject(id), row.region(), StoreEvent.of(row)))
                                .replaceWith(before == null);
                    }));
            return ETags.staleAsPreconditionFailed(write, target)
                    .flatMap(created -> stored(id).map(tagged -> new Written(tagged, created)));
        });
    }

    /**
     * Every field at fault in a store, each once, sorted: the shape of its fields
     * (Bean Validation) and then what {@link StoreRules} finds beyond it, each
     * named as the caller names fields (a JSON path or a CSV column).
     */
    private static List<FieldError> faults(Set<? extends ConstraintViolation<?>> violations, List<FieldError> rules,
                                           UnaryOperator<String> name) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        rules.stream().map(e -> new FieldError(name.apply(e.field()), e.message())).forEach(errors::add);
        return distinctFields(errors);
    }

    /** The first error of each field, by field. */
    private static List<FieldError> distinctFields(List<FieldError> errors) {
        Map<String, FieldError> byField = new TreeMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e));
        return List.copyOf(byField.values());
    }

    /** Opens, closes for a while or closes for good; audited as STORE_STATUS in the same transaction. */
    Uni<StoreView> setStatus(Operator operator, String id, StatusChange change) {
        String target = "store:" + id;
        Uni<Void> write = Panache.withTransaction(() -> repository.findById(id).flatMap(entity -> {
            if (entity == null) {
                throw notFound(id);
            }
            StoreRow before = entity.row();
            operator.requireScope(List.of(before.region()));
            if (before.status() == change.status()) {
                return Uni.createFrom().voidItem();
            }
            entity.status = change.status();
            return repository.flush().flatMap(x -> audit.record(Statements.inSession(), operator,
                    new Change("STORE_STATUS", before.region(), target, before, entity.row()), change.reason(), null))
                    .flatMap(x -> events.emit(Statements.inSession(), EventType.STORE_CHANGED, subject(id),
                            before.region(), StoreEvent.of(entity.row())));
        }));
        return ETags.staleAsPreconditionFailed(write, target).flatMap(x -> find(id));
    }

    /**
     * Imports a CSV file of stores: every row that is valid and within the
     * operator's regions is created or replaced, the others are reported with
     * their errors. All accepted rows are written in one transaction, with one
     * audit entry each under one change set; a dry run writes nothing.
     */
    Uni<ImportReport> importCsv(Operator operator, byte[] csv, String reason, boolean dryRun) {
        List<StoreCsv.Row> rows = StoreCsv.read(csv);
        return regions.regions().flatMap(all -> {
            Function<String, Optional<String>> regionOf = regionOf(all);
            List<Rejection> rejected = new ArrayList<>();
            Map<String, StoreRow> accepted = new HashMap<>();
            Map<String, Long> lineOf = new HashMap<>();
            for (StoreCsv.Row row : rows) {
                List<FieldError> errors = new ArrayList<>(row.errors());
                for (ConstraintViolation<StoreInput> v : validator.validate(row.input())) {
                    errors.add(new FieldError(StoreCsv.column(v.getPropertyPath().toString()), v.getMessage()));
                }
                StoreRules.problems(row.id(), row.input(), regionOf).stream()
                        .map(e -> new FieldError(StoreCsv.column(e.field()), e.message()))
                        .forEach(errors::add);
                errors = new ArrayList<>(distinctFields(errors));
                StoreRules.Checked checked = errors.isEmpty() ? StoreRules.check(row.id(), row.input(), regionOf) : null;
                if (errors.isEmpty() && lineOf.containsKey(row.id())) {
                    errors.add(new FieldError("id", "also on line " + lineOf.get(row.id())));
                }
                if (errors.isEmpty() && !operator.mayChange(checked.row().region())) {
                    errors.add(new FieldError("country", "region " + checked.row().region()
                            + " is not in your scope"));
                }
                if (errors.isEmpty()) {
                    accepted.put(row.id(), checked.row());
                    lineOf.put(row.id(), row.line());
                } else {
                    errors.sort(Comparator.comparing(FieldError::field));
                    rejected.add(new Rejection(row.line(), row.id(), errors));
                }
            }
            return pool.withTransaction(tx -> directory.lock(tx, accepted.keySet()).flatMap(stored -> {
                List<StoreRow> changed = new ArrayList<>();
                List<Change> entries = new ArrayList<>();
                int created = 0;
                int updated = 0;
                for (StoreRow row : accepted.values().stream().sorted(Comparator.comparing(StoreRow::id)).toList()) {
                    StoreRow before = stored.get(row.id());
                    if (before != null && !operator.mayChange(before.region())) {
                        rejected.add(new Rejection(lineOf.get(row.id()), row.id(), List.of(new FieldError("id",
                                "the stored store is in region " + before.region() + ", not in your scope"))));
                        continue;
                    }
                    if (row.equals(before)) {
                        continue;
                    }
                    if (before == null) {
                        created++;
                    } else {
                        updated++;
                    }
                    changed.add(row);
                    entries.add(new Change(before == null ? "CREATE_STORE" : "UPDATE_STORE", row.region(),
                            "store:" + row.id(), before, row));
                }
                rejected.sort(Comparator.comparingLong(Rejection::line));
                int unchanged = rows.size() - rejected.size() - changed.size();
                UUID changeSet = dryRun || changed.isEmpty() ? null : UUID.randomUUID();
                ImportReport report = new ImportReport(dryRun, rows.size(), created, updated, unchanged,
                        List.copyOf(rejected), changeSet, clock.instant());
                if (dryRun || changed.isEmpty()) {
                    return Uni.createFrom().item(report);
                }
                return directory.upsert(tx, changed)
                        .flatMap(x -> audit.recordAll(Statements.on(tx), operator, entries, reason, changeSet))
                        .flatMap(x -> events.emitAll(Statements.on(tx), EventType.STORE_CHANGED, changed.stream()
                                .map(row -> new Events.Change(subject(row.id()), row.region(), StoreEvent.of(row)))
                                .toList()))
                        .replaceWith(report);
            }));
        });
    }

    /** The subject of a store's events. */
    private static String subject(String id) {
        return "store/" + id;
    }

    private static Function<String, Optional<String>> regionOf(Regions all) {
        return country -> all.servingCountry(country).map(entry -> entry.view().code());
    }

    private static Location point(String near, List<FieldError> errors) {
        String given = QueryParams.given(near);
        if (given == null) {
            errors.add(new FieldError("near", "is required: latitude,longitude in degrees, such as 39.9087,116.3975"));
            return new Location(0.0, 0.0);
        }
        String[] parts = given.split(",");
        try {
            if (parts.length == 2) {
                double latitude = Double.parseDouble(parts[0].strip());
                double longitude = Double.parseDouble(parts[1].strip());
                if (latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180) {
                    return new Location(latitude, longitude);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("near", "must be latitude,longitude in degrees, latitude between -90 and 90 and "
                + "longitude between -180 and 180"));
        return new Location(0.0, 0.0);
    }

    private static double radius(String radius, List<FieldError> errors) {
        String given = QueryParams.given(radius);
        if (given == null) {
            return DEFAULT_RADIUS_KM;
        }
        try {
            double km = Double.parseDouble(given);
            if (km > 0 && km <= MAX_RADIUS_KM) {
                return km;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("radius", "must be a number of kilometres above 0 and at most " + (int) MAX_RADIUS_KM));
        return DEFAULT_RADIUS_KM;
    }

    /** Repeated or comma-separated names of an enum; null when none is given. */
    private static <E extends Enum<E>> List<E> constants(Class<E> type, String name, List<String> given,
                                                         List<FieldError> errors) {
        Set<E> values = new HashSet<>();
        for (String parameter : given == null ? List.<String>of() : given) {
            for (String part : parameter.split(",")) {
                E value = QueryParams.constant(type, name, part, errors);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values.isEmpty() ? null : values.stream().sorted().toList();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("STORE_NOT_FOUND", "Store not found", "No store has the id '" + id + "'.");
    }
}
