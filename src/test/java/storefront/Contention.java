package storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Writers that meet on one row at the same moment, every time: the test holds
 * the row's lock while the writers are sent, waits until every one of them
 * waits on a lock, then lets them go. All of them have begun before any can
 * finish, the moment a lost update or a double insert needs.
 */
public final class Contention {

    private Contention() {
    }

    /** Sends {@code writers} requests while {@code lockSql} (which locks one row) holds; answers their answers. */
    public static List<Response> race(Pool pool, String lockSql, Tuple params, int writers,
                                      IntFunction<Response> writer) {
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        List<Future<Response>> sent = new ArrayList<>();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction holding = connection.begin().await().indefinitely();
            assertThat(connection.preparedQuery(lockSql).execute(params).await().indefinitely().size())
                    .as("the contended row").isEqualTo(1);
            for (int i = 0; i < writers; i++) {
                int n = i;
                sent.add(threads.submit(() -> writer.apply(n)));
            }
            Await.until("every writer waits on the lock", () -> waitingOnLocks(pool) >= writers);
            holding.commit().await().indefinitely();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            connection.close().await().indefinitely();
            threads.shutdownNow();
        }
    }

    private static long waitingOnLocks(Pool pool) {
        return pool.query("select count(*) from pg_stat_activity where datname = current_database() "
                + "and wait_event_type = 'Lock' and state = 'active'").execute().await().indefinitely()
                .iterator().next().getLong(0);
    }
}
