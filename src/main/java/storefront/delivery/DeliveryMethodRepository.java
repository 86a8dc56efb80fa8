package storefront.delivery;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A region's delivery methods, as entities. */
@ApplicationScoped
class DeliveryMethodRepository implements PanacheRepositoryBase<DeliveryMethodRow, DeliveryMethodRow.Key> {

    Uni<List<DeliveryMethodRow>> inRegion(String region) {
        return list("regionCode", region);
    }
}
