package storefront.flashsale;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/**
 * The life of a flash-sale claim after it is granted, as checkout and the
 * sweeper see it: held for a checkout, bought with an order, expired back to
 * its pool, settled back to stock when the sale ends. On the caller's transaction.
 */
@Singleton
public class FlashClaims {

    private final FlashSaleRepository sales;

    FlashClaims(FlashSaleRepository sales) {
        this.sales = sales;
    }

    /** These claims with their sales, locked until the transaction ends; unknown ids are absent. */
    public Uni<List<HeldClaim>> lockForCheckout(SqlClient tx, List<UUID> ids) {
        return sales.lockForCheckout(tx, ids);
    }

    /** The claims now belong to the order. */
    public Uni<Void> attachToOrder(SqlClient tx, List<UUID> ids, UUID orderId) {
        return sales.attachToOrder(tx, ids, orderId);
    }

    /** Unused claims past their time go back to their pools; answers how many. */
    public Uni<Integer> expireClaims(SqlClient tx, int limit) {
        return sales.expireClaims(tx, limit);
    }

    /** Sales that have ended give what is left in their pools back to stock; answers how many sales. */
    public Uni<Integer> settleEnded(SqlClient tx, int limit) {
        return sales.settleEnded(tx, limit);
    }
}
