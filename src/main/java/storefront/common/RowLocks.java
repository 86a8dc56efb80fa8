package storefront.common;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * How a write locks what it is about to check and change. Under READ COMMITTED
 * a locking read that waited for another writer returns the rows it locked as
 * that writer left them, but every other row of the same statement (a join, a
 * subquery) as it was when the statement began: a check against that state
 * passes for two writers that read the same ETag, and both write. So the lock is
 * taken in a statement of its own and the state is read in the next one, which
 * sees every change committed before the lock was granted.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /**
     * Locks a target by its name for the rest of the transaction {@code tx}
     * runs in, whether or not its row exists yet: of two writers creating the
     * same target, the second waits and then reads what the first created.
     */
    public static Uni<Void> lockKey(Statements tx, String target) {
        return tx.rows("select 1 from pg_advisory_xact_lock(hashtext($1))", target).replaceWithVoid();
    }

    /**
     * The entity {@code find} answers, in the current Hibernate Reactive
     * session; when there is none yet, the same after taking {@code target}'s
     * key lock, so that of two creators the second finds the first's entity. A
     * replace of an entity that exists takes no lock: its version decides.
     */
    public static <T> Uni<T> findOrLockToCreate(String target, Supplier<Uni<T>> find) {
        return find.get().flatMap(found -> found != null ? Uni.createFrom().item(found)
                : lockKey(Statements.inSession(), target).flatMap(locked -> find.get()));
    }

    /** Runs {@code lockSql} (a {@code select ... for update}) in {@code tx}; answers whether it locked any row. */
    public static Uni<Boolean> lock(Statements tx, String lockSql, Object... params) {
        return tx.rows(lockSql, params).map(rows -> !rows.isEmpty());
    }
}
