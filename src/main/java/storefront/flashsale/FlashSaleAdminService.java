package storefront.flashsale;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.availability.Decision;
import storefront.cart.CartService;
import storefront.catalog.CatalogService;
import storefront.catalog.SkuInRegion;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.Statements;
import storefront.flashsale.FlashSaleApi.FlashSaleAdminView;
import storefront.flashsale.FlashSaleApi.NewFlashSale;
import storefront.inventory.Inventory;
import storefront.region.RegionDirectory;
import storefront.region.Regions;

/**
 * Flash sales as ops run them: create one (its units set aside from stock in
 * the same transaction) and watch its counts.
 */
@Singleton
class FlashSaleAdminService {

    private final Clock clock;
    private final Pool pool;
    private final CatalogService catalog;
    private final FlashSaleDefinitionRepository definitions;
    private final FlashSaleRepository sales;
    private final Inventory inventory;
    private final RegionDirectory regions;
    private final AuditLog audit;
    private final FlashSaleConfig config;

    FlashSaleAdminService(Clock clock, Pool pool, CatalogService catalog, FlashSaleDefinitionRepository definitions,
                          FlashSaleRepository sales, Inventory inventory, RegionDirectory regions, AuditLog audit,
                          FlashSaleConfig config) {
        this.clock = clock;
        this.pool = pool;
        this.catalog = catalog;
        this.definitions = definitions;
        this.sales = sales;
        this.inventory = inventory;
        this.regions = regions;
        this.audit = audit;
        this.config = config;
    }

    /**
     * Creates a sale of a SKU the region sells now (the availability decision,
     * as for a cart), setting its units aside from the region's available stock:
     * the definition, its shards, the stock move and the audit entry commit
     * together.
     */
    Uni<FlashSaleAdminView> create(Operator operator, NewFlashSale request) {
        Instant now = clock.instant();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!request.startsAt().isBefore(request.endsAt())) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
        }
        if (!request.endsAt().isAfter(now)) {
            errors.add(new Problem.FieldError("endsAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String sku = request.sku().trim().toUpperCase(Locale.ROOT);
        String regionCode = request.region().trim().toUpperCase(Locale.ROOT);
        return regions.regions().flatMap(all -> {
            Regions.Entry region = all.find(regionCode).orElseThrow(() -> ProblemException.invalid(List.of(
                    new Problem.FieldError("region", "no region has the code '" + regionCode + "'"))));
            operator.requireScope(List.of(regionCode));
            String locale = region.view().defaultLocale();
            return catalog.skusIn(pool, regionCode, List.of(sku), locale, locale).flatMap(found -> {
                SkuInRegion offer = found.get(sku);
                if (offer == null) {
                    throw ProblemException.notFound("SKU_NOT_FOUND", "SKU not found",
                            "No SKU has the code '" + sku + "'.");
                }
                Decision decision = offer.decide(region.rules(), now);
                if (!decision.available()) {
                    throw new ProblemException(CartService.notAvailable(regionCode, offer, decision));
                }
                FlashSale sale = definition(operator, request, sku, region, now);
                Statements tx = Statements.inSession();
                return Panache.withTransaction(() -> inventory
                        .reserve(tx, regionCode, List.of(new Inventory.Units(sku, sale.quantity)))
                        .flatMap(v -> definitions.persistAndFlush(sale))
                        .flatMap(v -> sales.insertShards(tx, sale.id, sale.quantity, sale.shards))
                        .flatMap(v -> audit.record(tx, operator, new AuditLog.Change("CREATE_FLASH_SALE", regionCode,
                                "flash-sale:" + sale.id, null, FlashSaleService.view(sale.sale(offer.productSlug()),
                                        now, sale.quantity)), request.reason(), null))
                        .replaceWith(sale.id));
            });
        }).flatMap(id -> adminView(id.toString()));
    }

    private FlashSale definition(Operator operator, NewFlashSale request, String sku, Regions.Entry region,
                                 Instant now) {
        FlashSale sale = new FlashSale();
        sale.id = UUID.randomUUID();
        sale.skuCode = sku;
        sale.regionCode = region.view().code();
        sale.startsAt = request.startsAt();
        sale.endsAt = request.endsAt();
        sale.priceMinor = request.priceMinor();
        sale.currency = region.view().currency();
        sale.quantity = request.quantity();
        sale.perCustomerLimit = request.perCustomerLimit() == null ? 1 : request.perCustomerLimit();
        sale.shards = Math.min(config.shards(), request.quantity());
        sale.createdBy = operator.actor();
        sale.createdAt = now;
        return sale;
    }

    Uni<FlashSaleAdminView> adminView(String id) {
        return sales.require(pool, id).flatMap(sale -> sales.counts(pool, sale.id()).map(c -> new FlashSaleAdminView(
                FlashSaleService.view(sale, clock.instant(), c.remaining()), sale.quantity(), c.remaining(),
                c.granted(), c.ordered(), c.sold(), c.expired(), c.released(), sale.createdBy(), sale.settledAt())));
    }
}
