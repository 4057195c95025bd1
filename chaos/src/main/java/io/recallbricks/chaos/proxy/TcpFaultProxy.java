package io.recallbricks.chaos.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy that injects network faults between a client and a server (the service and PostgreSQL):
 * pass-through, {@link #down() down}, {@link #hang() hang} and {@link #latency(Duration) latency}, switchable
 * at any time from any thread. Every fault is removed by {@link #passThrough()}; {@link #close()} cuts every
 * connection and frees the port and threads.
 *
 * <pre>{@code
 * try (TcpFaultProxy proxy = TcpFaultProxy.start(TcpProxyConfig.to("127.0.0.1", pgPort))) {
 *     String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres";
 *     proxy.down();          // connects refused, open connections cut
 *     proxy.passThrough();   // healthy again
 * }
 * }</pre>
 */
public final class TcpFaultProxy implements AutoCloseable {

    private static final int EVENT_LOOP_THREADS = 2;
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final TcpProxyConfig config;
    private final EventLoopGroup group;
    private final ServerBootstrap server;
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile ProxyFault fault = ProxyFault.PASS_THROUGH;
    private Channel listener; // guarded by this; null while down
    private volatile int port;

    private TcpFaultProxy(TcpProxyConfig config) {
        this.config = config;
        this.group = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS, NioIoHandler.newFactory());
        this.server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel client) {
                        accepted(client);
                    }
                });
    }

    /** Starts listening; the proxy forwards (pass-through) until told otherwise. */
    public static TcpFaultProxy start(TcpProxyConfig config) {
        TcpFaultProxy proxy = new TcpFaultProxy(config);
        try {
            synchronized (proxy) {
                proxy.bind(config.listenPort());
            }
        } catch (RuntimeException e) {
            proxy.group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
        return proxy;
    }

    /** The port clients connect to (the one picked when the configuration said 0). */
    public int port() {
        return port;
    }

    public TcpProxyConfig config() {
        return config;
    }

    public ProxyFault fault() {
        return fault;
    }

    /** Client connections currently open through the proxy (including those held by a hang). */
    public int openConnections() {
        return connections.size();
    }

    /** Removes every fault: the listening port is open again and bytes flow untouched. */
    public void passThrough() {
        apply(ProxyFault.PASS_THROUGH);
    }

    /** Closes the listening port (new connects are refused) and cuts every open connection. */
    public void down() {
        apply(ProxyFault.DOWN);
    }

    /**
     * Stops forwarding in both directions; new connections are accepted but get no answer. Nothing is lost:
     * when the hang is removed, what was held is delivered, like a server that was paused and resumed.
     */
    public void hang() {
        apply(ProxyFault.HANG);
    }

    /** Delays every chunk of bytes, in both directions, by {@code perChunk}. */
    public void latency(Duration perChunk) {
        apply(ProxyFault.latency(perChunk));
    }

    /** Switches to {@code newFault}; returns once the listening port is in the right state. */
    public synchronized void apply(ProxyFault newFault) {
        ProxyFault old = fault;
        fault = newFault;
        if (newFault.mode() == ProxyFault.Mode.DOWN && listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        } else if (newFault.mode() != ProxyFault.Mode.DOWN && old.mode() == ProxyFault.Mode.DOWN) {
            try {
                bind(port);
            } catch (IllegalStateException e) {
                fault = old; // still down: say so rather than pretend to be healthy
                throw e;
            }
        }
        List<ProxyConnection> open = List.copyOf(connections);
        for (ProxyConnection connection : open) {
            connection.faultChanged(newFault);
        }
        if (newFault.mode() == ProxyFault.Mode.DOWN) {
            awaitClosed(open); // so that "down" means down when this returns
        }
    }

    /** Cuts every connection, closes the port and stops the proxy's threads. */
    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        }
        List<ProxyConnection> open = List.copyOf(connections);
        for (ProxyConnection connection : open) {
            connection.close();
        }
        awaitClosed(open);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void accepted(SocketChannel client) {
        if (fault.mode() == ProxyFault.Mode.DOWN) {
            client.close(); // accepted in the instant before the port closed
            return;
        }
        ProxyConnection connection = new ProxyConnection(client, config, () -> fault, connections::remove);
        connections.add(connection);
        connection.open();
    }

    private static void awaitClosed(List<ProxyConnection> closing) {
        for (ProxyConnection connection : closing) {
            connection.finished().awaitUninterruptibly(CLOSE_WAIT_MILLIS);
        }
    }

    private void bind(int requestedPort) {
        try {
            listener = server.bind(config.listenHost(), requestedPort).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on " + config.listenHost() + ":" + requestedPort + ": "
                    + e.getMessage(), e);
        }
        port = ((InetSocketAddress) listener.localAddress()).getPort();
    }
}
