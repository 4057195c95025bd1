package io.recallbricks.chaos.proxy;

import java.time.Duration;

/**
 * Where a {@link TcpFaultProxy} listens and what it forwards to.
 *
 * @param listenHost     address to listen on (default {@code 127.0.0.1})
 * @param listenPort     port to listen on; 0 picks a free one, kept for the proxy's lifetime (also across
 *                       {@code down})
 * @param upstreamHost   the real server, e.g. PostgreSQL's host
 * @param upstreamPort   the real server's port
 * @param connectTimeout how long the proxy waits to connect upstream before it closes the client's connection
 *                       (default 5 s)
 */
public record TcpProxyConfig(String listenHost, int listenPort, String upstreamHost, int upstreamPort,
                             Duration connectTimeout) {

    public TcpProxyConfig {
        requirePort("listen port", listenPort, 0);
        requirePort("upstream port", upstreamPort, 1);
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
    }

    /** A proxy on a free loopback port in front of {@code upstreamHost:upstreamPort}. */
    public static TcpProxyConfig to(String upstreamHost, int upstreamPort) {
        return new TcpProxyConfig("127.0.0.1", 0, upstreamHost, upstreamPort, Duration.ofSeconds(5));
    }

    public TcpProxyConfig listeningOn(String host, int port) {
        return new TcpProxyConfig(host, port, upstreamHost, upstreamPort, connectTimeout);
    }

    private static void requirePort(String name, int port, int min) {
        if (port < min || port > 65535) {
            throw new IllegalArgumentException(name + " must be between " + min + " and 65535, was " + port);
        }
    }
}
