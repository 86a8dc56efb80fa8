package storefront.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a SQL statement runs: on a reactive-client connection (or the pool), or
 * as a native query in the current Hibernate Reactive session, in its
 * transaction. A statement that must see, or be part of, a change made on
 * entities takes the session, so that one change is one transaction on one
 * connection; the same statement text serves both.
 *
 * <p>Statements are written with {@code $1}-style markers. Columns come back as
 * the reactive client reads them: text, boolean, bigint, integer and
 * timestamptz (as {@code OffsetDateTime}); arrays and JSON are selected as JSON
 * text, which both sides read alike. In the session a marker takes no
 * {@code ::} cast after it: write {@code cast($1 as text)}.
 */
public interface Statements {

    /** Every row of a query, as its columns in order. */
    Uni<List<Object[]>> rows(String sql, Object... params);

    /** Runs a statement that answers no rows; answers how many rows it changed. */
    Uni<Integer> execute(String sql, Object... params);

    /** Runs one statement once per parameter list, in order (in one round trip where the transport can). */
    Uni<Void> executeBatch(String sql, List<Object[]> batch);

    static Statements on(SqlClient client) {
        return new OnClient(client);
    }

    static Statements inSession() {
        return InSession.INSTANCE;
    }

    /** On the reactive client. */
    final class OnClient implements Statements {
        private final SqlClient client;

        private OnClient(SqlClient client) {
            this.client = client;
        }

        @Override
        public Uni<List<Object[]>> rows(String sql, Object... params) {
            return client.preparedQuery(sql).execute(Tuple.tuple(Arrays.asList(params))).map(rows -> {
                List<Object[]> all = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    Object[] columns = new Object[row.size()];
                    for (int i = 0; i < columns.length; i++) {
                        columns[i] = row.getValue(i);
                    }
                    all.add(columns);
                }
                return all;
            });
        }

        @Override
        public Uni<Integer> execute(String sql, Object... params) {
            return client.preparedQuery(sql).execute(Tuple.tuple(Arrays.asList(params))).map(rows -> rows.rowCount());
        }

        @Override
        public Uni<Void> executeBatch(String sql, List<Object[]> batch) {
            if (batch.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return client.preparedQuery(sql).executeBatch(batch.stream().map(p -> Tuple.tuple(Arrays.asList(p)))
                    .toList()).replaceWithVoid();
        }
    }

    /** In the current Hibernate Reactive session (Panache's), as native queries. */
    final class InSession implements Statements {
        private static final InSession INSTANCE = new InSession();
        private static final Pattern MARKER = Pattern.compile("\\$(\\d+)");

        private InSession() {
        }

        /** Hibernate's ordinal markers for the client's: {@code $1} becomes {@code ?1}. */
        static String withOrdinalMarkers(String sql) {
            return MARKER.matcher(sql).replaceAll("?$1");
        }

        @Override
        public Uni<List<Object[]>> rows(String sql, Object... params) {
            return Panache.getSession().flatMap(session -> {
                var query = session.createNativeQuery(withOrdinalMarkers(sql));
                for (int i = 0; i < params.length; i++) {
                    query.setParameter(i + 1, params[i]);
                }
                return query.getResultList();
            }).map(results -> {
                List<Object[]> all = new ArrayList<>(results.size());
                for (Object result : results) {
                    all.add(result instanceof Object[] columns ? columns : new Object[] {result});
                }
                return all;
            });
        }

        @Override
        public Uni<Integer> execute(String sql, Object... params) {
            return Panache.getSession().flatMap(session -> {
                var statement = session.createNativeQuery(withOrdinalMarkers(sql));
                for (int i = 0; i < params.length; i++) {
                    statement.setParameter(i + 1, params[i]);
                }
                return statement.executeUpdate();
            });
        }

        @Override
        public Uni<Void> executeBatch(String sql, List<Object[]> batch) {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Object[] params : batch) {
                all = all.flatMap(done -> execute(sql, params).replaceWithVoid());
            }
            return all;
        }
    }
}
