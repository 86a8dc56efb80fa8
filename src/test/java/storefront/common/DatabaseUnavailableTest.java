package storefront.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParseException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database cannot be reached": 503 and retry, not 500. */
class DatabaseUnavailableTest {

    @Test
    void refusedResetAndClosedConnectionsAreUnavailabilityOtherFailuresAreNot() throws Exception {
        assertThat(ProblemMappers.databaseUnavailable(new ConnectException("Connection refused"))).isTrue();
        assertThat(ProblemMappers.databaseUnavailable(new RuntimeException(ClosedConnectionException.INSTANCE)))
                .isTrue();
        assertThat(ProblemMappers.databaseUnavailable(new RuntimeException(reset()))).isTrue();
        // What the reactive client answers for a command on a connection the database just closed.
        assertThat(ProblemMappers.databaseUnavailable(
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED"))).isTrue();
        assertThat(ProblemMappers.databaseUnavailable(new NoStackTraceThrowable("something else"))).isFalse();

        assertThat(ProblemMappers.databaseUnavailable(new IOException("not from a socket"))).isFalse();
        assertThat(ProblemMappers.databaseUnavailable(new JsonParseException(null, "bad body"))).isFalse();
        assertThat(ProblemMappers.databaseUnavailable(new IllegalStateException("a bug"))).isFalse();
    }

    /** A real connection reset: the peer closes with SO_LINGER 0 while we read. */
    private static IOException reset() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket peer = server.accept()) {
            peer.setSoLinger(true, 0);
            peer.close();
            InputStream in = client.getInputStream();
            return catchThrowableOfType(IOException.class, () -> {
                while (in.read() >= 0) {
                    Thread.onSpinWait();
                }
                throw new IOException("closed without a reset");
            });
        }
    }
}
