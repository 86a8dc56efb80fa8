package storefront.common;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;

/** Waiting on a load that other requests share. */
public final class SharedLoad {

    private SharedLoad() {
    }

    /**
     * A Uni of a shared future. A waiter that goes away (its client hung up)
     * cancels only its own copy, never the load the others wait on; and the
     * item arrives on the waiter's own Vert.x context even when the load
     * completed on another request's event loop.
     */
    public static <T> Uni<T> await(CompletableFuture<T> shared) {
        Uni<T> uni = Uni.createFrom().completionStage(shared.copy());
        Context context = Vertx.currentContext();
        if (context != null && !shared.isDone()) {
            uni = uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return uni;
    }
}
