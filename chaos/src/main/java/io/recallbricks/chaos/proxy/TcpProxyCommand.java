package io.recallbricks.chaos.proxy;

import io.recallbricks.chaos.cli.Servers;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tcp-proxy}: runs a {@link TcpFaultProxy} with its HTTP admin API until stopped. */
@Command(name = "tcp-proxy", mixinStandardHelpOptions = true,
        description = {"TCP fault proxy (pass-through, down, hang, latency); faults at <admin>/faults.",
                "Prints 'tcp-proxy listening on 127.0.0.1:<port> -> <upstream>, admin http://127.0.0.1:<admin-port>'."})
public final class TcpProxyCommand implements Callable<Integer> {

    @Option(names = "--listen", required = true, paramLabel = "[HOST:]PORT", converter = HostPort.Listen.class,
            description = "Where clients connect (host default 127.0.0.1); port 0 picks a free one.")
    HostPort listen;

    @Option(names = "--upstream", required = true, paramLabel = "HOST:PORT", converter = HostPort.Upstream.class,
            description = "The real server, e.g. 127.0.0.1:5432.")
    HostPort upstream;

    @Option(names = "--admin-port", defaultValue = "0", paramLabel = "N",
            description = "Port of the HTTP admin API; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address of the admin API (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--connect-timeout-ms", defaultValue = "5000", paramLabel = "N",
            description = "Upstream connect timeout (default: ${DEFAULT-VALUE}).")
    long connectTimeoutMs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        TcpProxyConfig config = new TcpProxyConfig(listen.host(), listen.port(), upstream.host(), upstream.port(),
                Duration.ofMillis(connectTimeoutMs));
        TcpFaultProxy proxy = TcpFaultProxy.start(config);
        ProxyAdminServer admin;
        try {
            admin = ProxyAdminServer.start(proxy, bind, adminPort);
        } catch (IOException | IllegalArgumentException e) {
            proxy.close();
            throw new IllegalStateException("cannot start the admin API on " + bind + ":" + adminPort + ": "
                    + e.getMessage(), e);
        }
        System.out.println("tcp-proxy listening on " + listen.host() + ":" + proxy.port() + " -> " + upstream.host()
                + ":" + upstream.port() + ", admin " + admin.baseUrl());
        System.out.flush();
        Servers.runUntilStopped(() -> {
            admin.close();
            proxy.close();
        });
        return 0;
    }

    /** A {@code [host:]port} option value. */
    record HostPort(String host, int port) {

        static HostPort parse(String value, String defaultHost, int minPort) {
            int colon = value.lastIndexOf(':');
            String host = colon < 0 ? defaultHost : value.substring(0, colon);
            if (host == null || host.isBlank()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not HOST:PORT");
            }
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                if (port < minPort || port > 65535) {
                    throw new NumberFormatException();
                }
                return new HostPort(host, port);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' has no valid port (" + minPort
                        + "-65535)");
            }
        }

        /** {@code --listen}: the host is optional (loopback), port 0 allowed. */
        static final class Listen implements CommandLine.ITypeConverter<HostPort> {
            @Override
            public HostPort convert(String value) {
                return parse(value, "127.0.0.1", 0);
            }
        }

        /** {@code --upstream}: host and a real port required. */
        static final class Upstream implements CommandLine.ITypeConverter<HostPort> {
            @Override
            public HostPort convert(String value) {
                return parse(value, null, 1);
            }
        }
    }
}
