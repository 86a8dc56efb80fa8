package storefront.cart;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import storefront.common.RowLocks;
import storefront.common.Statements;

/** Carts and their lines, on whichever connection the caller holds (a transaction or the pool). */
@Singleton
class CartRepository {

    private static final String CART = """
            select c.id, c.region_code, c.created_at, c.updated_at, o.id as order_id
            from cart c left join customer_order o on o.cart_id = c.id
            where c.id = $1""";

    Uni<StoredCart> create(SqlClient client, String region) {
        return client.preparedQuery("insert into cart (id, region_code) values ($1, $2) returning id")
                .execute(Tuple.of(UUID.randomUUID(), region))
                .flatMap(rows -> find(client, rows.iterator().next().getUUID("id"), false))
                .map(Optional::orElseThrow);
    }

    /** The cart; with {@code lock}, its row is locked until the transaction ends (and its order read after). */
    public Uni<Optional<StoredCart>> find(SqlClient client, UUID id, boolean lock) {
        Uni<Boolean> locked = lock
                ? RowLocks.lock(Statements.on(client), "select 1 from cart where id = $1 for update", id)
                : Uni.createFrom().item(true);
        return locked.flatMap(ignored -> client.preparedQuery(CART).execute(Tuple.of(id))).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new StoredCart(row.getUUID("id"), row.getString("region_code"),
                    row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant(),
                    row.getUUID("order_id")));
        });
    }

    public Uni<List<StoredLine>> lines(SqlClient client, UUID cartId) {
        return client.preparedQuery("select sku_code, quantity from cart_line where cart_id = $1 order by added_at, sku_code")
                .execute(Tuple.of(cartId)).map(rows -> {
                    List<StoredLine> lines = new ArrayList<>();
                    rows.forEach(row -> lines.add(new StoredLine(row.getString("sku_code"), row.getInteger("quantity"))));
                    return lines;
                });
    }

    Uni<Void> setLine(SqlClient client, UUID cartId, String sku, int quantity) {
        return client.preparedQuery("""
                        insert into cart_line (cart_id, sku_code, quantity) values ($1, $2, $3)
                        on conflict (cart_id, sku_code) do update set quantity = excluded.quantity""")
                .execute(Tuple.of(cartId, sku, quantity))
                .flatMap(v -> touch(client, cartId));
    }

    Uni<Void> removeLine(SqlClient client, UUID cartId, String sku) {
        return client.preparedQuery("delete from cart_line where cart_id = $1 and sku_code = $2")
                .execute(Tuple.of(cartId, sku))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem() : touch(client, cartId));
    }

    /** Deletes up to {@code limit} carts untouched for {@code days} that never became orders; answers how many. */
    Uni<Integer> deleteAbandoned(SqlClient client, int days, int limit) {
        return client.preparedQuery("""
                        delete from cart where id in (
                            select c.id from cart c
                            where c.updated_at < now() - make_interval(days => $1)
                              and not exists (select 1 from customer_order o where o.cart_id = c.id)
                            limit $2)""")
                .execute(Tuple.of(days, limit)).map(rows -> rows.rowCount());
    }

    private Uni<Void> touch(SqlClient client, UUID cartId) {
        return client.preparedQuery("update cart set updated_at = now() where id = $1")
                .execute(Tuple.of(cartId)).replaceWithVoid();
    }
}
