package storefront.faults;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the application and PostgreSQL that a test can cut, as
 * if the database went away: open connections are reset and new ones refused,
 * until it is restored on the same port. The application's reactive pool is
 * pointed at it; Flyway (JDBC) still goes straight to the database.
 */
public class DatabaseProxy implements QuarkusTestResourceLifecycleManager {

    private static final String DB_HOST = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
    private static final int DB_PORT = Integer.parseInt(System.getenv().getOrDefault("DB_PORT", "5432"));
    private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile ServerSocket server;
    /** While set, connections stay open but nothing passes: a database that stopped answering. */
    private static volatile boolean frozen;
    private static int port;

    @Override
    public Map<String, String> start() {
        try {
            listen(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String database = System.getenv().getOrDefault("DB_NAME", "postgres");
        return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/" + database);
    }

    @Override
    public void stop() {
        cut();
    }

    /** The database is gone: every open connection is reset, new ones are refused. */
    public static synchronized void cut() {
        try {
            if (server != null) {
                server.close();
                server = null;
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : OPEN) {
            reset(socket);
        }
        OPEN.clear();
    }

    /** The database stops answering without closing anything (a hung host, a network partition). */
    public static void freeze() {
        frozen = true;
    }

    public static void thaw() {
        frozen = false;
    }

    /** The database is back, on the same address. */
    public static synchronized void restore() throws IOException {
        if (server == null) {
            listen(port);
        }
    }

    private static void listen(int on) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
        port = socket.getLocalPort();
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "db-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(DB_HOST, DB_PORT);
                OPEN.add(client);
                OPEN.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return; // closed by cut()
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    while (frozen) {
                        Thread.sleep(20);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // one side went away
            } finally {
                reset(from);
                reset(to);
            }
        }, "db-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        OPEN.remove(socket);
    }
}
