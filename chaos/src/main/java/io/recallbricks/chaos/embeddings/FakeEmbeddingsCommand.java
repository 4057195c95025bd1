package io.recallbricks.chaos.embeddings;

import io.recallbricks.chaos.cli.CommandLine;
import io.recallbricks.chaos.cli.Servers;
import io.recallbricks.chaos.cli.Subcommand;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code fake-embeddings}: runs the fake embedding API until stopped. */
public final class FakeEmbeddingsCommand implements Subcommand {

    private static final Set<String> OPTIONS = Set.of("port", "bind", "latency-median-ms", "latency-p99-ms",
            "hang-timeout-ms");

    @Override
    public String name() {
        return "fake-embeddings";
    }

    @Override
    public String usage() {
        return """
                fake-embeddings   OpenAI-compatible fake of POST /v1/embeddings and GET /v1/models, faults at /__admin/faults
                  --port N                 port to listen on; 0 picks a free one (default 0)
                  --bind ADDRESS           address to listen on (default 127.0.0.1)
                  --latency-median-ms N    median of the log-normal response latency (default 0: none)
                  --latency-p99-ms N       99th percentile of that latency (default: the median)
                  --hang-timeout-ms N      how long the hang fault holds a request (default 600000)
                  prints: fake-embeddings listening on http://127.0.0.1:<port>""";
    }

    @Override
    public void run(List<String> args) throws InterruptedException {
        CommandLine options = CommandLine.parse(args, OPTIONS);
        FakeEmbeddingConfig defaults = FakeEmbeddingConfig.defaults();
        FakeEmbeddingConfig config = defaults
                .withBindAddress(options.string("bind", defaults.bindAddress()))
                .withPort(options.integer("port", defaults.port(), 0, 65535))
                .withLatency(options.integer("latency-median-ms", 0, 0, 600_000),
                        options.integer("latency-p99-ms", 0, 0, 600_000))
                .withHangTimeout(Duration.ofMillis(options.integer("hang-timeout-ms",
                        (int) defaults.hangTimeout().toMillis(), 1, Integer.MAX_VALUE)));
        FakeEmbeddingApi api = FakeEmbeddingApi.start(config);
        System.out.println("fake-embeddings listening on " + api.baseUrl());
        System.out.flush();
        Servers.runUntilStopped(api);
    }
}
