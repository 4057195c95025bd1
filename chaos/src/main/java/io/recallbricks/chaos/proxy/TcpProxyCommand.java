package io.recallbricks.chaos.proxy;

import io.recallbricks.chaos.cli.CommandLine;
import io.recallbricks.chaos.cli.Servers;
import io.recallbricks.chaos.cli.Subcommand;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code tcp-proxy}: runs a {@link TcpFaultProxy} with its HTTP admin API until stopped. */
public final class TcpProxyCommand implements Subcommand {

    private static final Set<String> OPTIONS = Set.of("listen", "upstream", "admin-port", "bind",
            "connect-timeout-ms");

    @Override
    public String name() {
        return "tcp-proxy";
    }

    @Override
    public String usage() {
        return """
                tcp-proxy         TCP fault proxy (pass-through, down, hang, latency), faults at <admin>/faults
                  --listen [HOST:]PORT     where clients connect; port 0 picks a free one (required)
                  --upstream HOST:PORT     the real server, e.g. 127.0.0.1:5432 (required)
                  --admin-port N           port of the HTTP admin API; 0 picks a free one (default 0)
                  --bind ADDRESS           address of the admin API (default 127.0.0.1)
                  --connect-timeout-ms N   upstream connect timeout (default 5000)
                  prints: tcp-proxy listening on 127.0.0.1:<port> -> <upstream>, admin http://127.0.0.1:<admin-port>""";
    }

    @Override
    public void run(List<String> args) throws IOException, InterruptedException {
        CommandLine options = CommandLine.parse(args, OPTIONS);
        HostPort listen = HostPort.parse("listen", options.required("listen"), "127.0.0.1", 0);
        HostPort upstream = HostPort.parse("upstream", options.required("upstream"), null, 1);
        TcpProxyConfig config = new TcpProxyConfig(listen.host(), listen.port(), upstream.host(), upstream.port(),
                Duration.ofMillis(options.integer("connect-timeout-ms", 5000, 1, 600_000)));
        TcpFaultProxy proxy = TcpFaultProxy.start(config);
        ProxyAdminServer admin;
        try {
            admin = ProxyAdminServer.start(proxy, options.string("bind", "127.0.0.1"),
                    options.integer("admin-port", 0, 0, 65535));
        } catch (IOException e) {
            proxy.close();
            throw new IOException("cannot start the admin API: " + e.getMessage(), e);
        }
        System.out.println("tcp-proxy listening on " + listen.host() + ":" + proxy.port() + " -> " + upstream.host()
                + ":" + upstream.port() + ", admin " + admin.baseUrl());
        System.out.flush();
        Servers.runUntilStopped(() -> {
            admin.close();
            proxy.close();
        });
    }

    /** A {@code [host:]port} option value. */
    record HostPort(String host, int port) {

        static HostPort parse(String option, String value, String defaultHost, int minPort) {
            int colon = value.lastIndexOf(':');
            String host = colon < 0 ? defaultHost : value.substring(0, colon);
            if (host == null || host.isBlank()) {
                throw new CommandLine.UsageException("--" + option + " must be HOST:PORT, was '" + value + "'");
            }
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                if (port < minPort || port > 65535) {
                    throw new NumberFormatException();
                }
                return new HostPort(host, port);
            } catch (NumberFormatException e) {
                throw new CommandLine.UsageException("--" + option + " has no valid port (" + minPort
                        + "-65535): '" + value + "'");
            }
        }
    }
}
