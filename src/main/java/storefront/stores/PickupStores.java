package storefront.stores;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The stores a checkout may name for pickup, as checkout asks about them, on its connection. */
@Singleton
public class PickupStores {

    private final StoreDirectory directory;

    PickupStores(StoreDirectory directory) {
        this.directory = directory;
    }

    /** The store as stored now, locked against a change until the checkout commits; empty when there is none. */
    public Uni<Optional<StoreRow>> find(SqlClient tx, String id) {
        return directory.sharedLock(tx, List.of(id)).map(rows -> Optional.ofNullable(rows.get(id)));
    }
}
