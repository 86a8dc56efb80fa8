package storefront.flashsale;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Flash-sale definitions as ops create them. */
@ApplicationScoped
@WithSession
class FlashSaleDefinitionRepository implements PanacheRepositoryBase<FlashSale, UUID> {
}
