package io.recallbricks.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback in front of a dependency (PostgreSQL, Redis), with the faults a test needs: refuse (every
 * connection is cut, new ones are closed at once: a database that went away), freeze (bytes stop flowing in both
 * directions: a hung server) and delay (each answer from the server is held back: a slow one).
 */
public final class FaultProxy implements AutoCloseable {

    public enum Mode { PASS, REFUSE, FREEZE, DELAY }

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong delayMillis = new AtomicLong();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;

    public FaultProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** A proxy in front of a test database, for the setup of a test class (where checked exceptions don't fit). */
    public static FaultProxy to(TestDatabase.Database database) {
        try {
            return new FaultProxy(database.host(), database.port());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void pass() {
        mode = Mode.PASS;
    }

    /** Cuts every open connection and closes new ones as soon as they arrive. */
    public void refuse() {
        mode = Mode.REFUSE;
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
    }

    public void freeze() {
        mode = Mode.FREEZE;
    }

    public void delay(long millis) {
        delayMillis.set(millis);
        mode = Mode.DELAY;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (mode == Mode.REFUSE) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                threads.execute(() -> pump(client, server, false));
                threads.execute(() -> pump(server, client, true));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromServer) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                while (mode == Mode.FREEZE && !from.isClosed()) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                if (mode == Mode.DELAY && fromServer) {
                    TimeUnit.MILLISECONDS.sleep(delayMillis.get());
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The other side went away or the proxy cut the connection.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all we wanted.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        open.forEach(FaultProxy::closeQuietly);
        threads.shutdownNow();
    }
}
