package storefront.fulfilment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Fulfilments as entities, with their lines. */
@ApplicationScoped
class FulfilmentRepository implements PanacheRepositoryBase<Fulfilment, UUID> {

    /** The order's fulfilment {@code number} with its lines, or null. */
    Uni<Fulfilment> ofOrder(UUID orderId, int number) {
        return find("select f from Fulfilment f left join fetch f.lines where f.orderId = ?1 and f.number = ?2",
                orderId, number).firstResult();
    }
}
