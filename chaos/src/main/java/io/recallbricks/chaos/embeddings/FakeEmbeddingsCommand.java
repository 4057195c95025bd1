package io.recallbricks.chaos.embeddings;

import io.recallbricks.chaos.cli.Servers;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fake-embeddings}: runs the fake embedding API until stopped. */
@Command(name = "fake-embeddings", mixinStandardHelpOptions = true,
        description = {"OpenAI-compatible fake of POST /v1/embeddings and GET /v1/models; faults at /__admin/faults.",
                "Prints 'fake-embeddings listening on http://127.0.0.1:<port>' once it accepts requests."})
public final class FakeEmbeddingsCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "0", paramLabel = "N",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--latency-median-ms", defaultValue = "0", paramLabel = "N",
            description = "Median of the log-normal response latency; 0 = none (default: ${DEFAULT-VALUE}).")
    int latencyMedianMs;

    @Option(names = "--latency-p99-ms", defaultValue = "0", paramLabel = "N",
            description = "99th percentile of that latency; 0 = the median (default: ${DEFAULT-VALUE}).")
    int latencyP99Ms;

    @Option(names = "--hang-timeout-ms", defaultValue = "600000", paramLabel = "N",
            description = "How long the hang fault holds a request before cutting it (default: ${DEFAULT-VALUE}).")
    long hangTimeoutMs;

    @Override
    public Integer call() throws InterruptedException {
        FakeEmbeddingConfig config = FakeEmbeddingConfig.defaults()
                .withBindAddress(bind)
                .withPort(port)
                .withLatency(latencyMedianMs, latencyP99Ms)
                .withHangTimeout(Duration.ofMillis(hangTimeoutMs));
        FakeEmbeddingApi api = FakeEmbeddingApi.start(config);
        System.out.println("fake-embeddings listening on " + api.baseUrl());
        System.out.flush();
        Servers.runUntilStopped(api);
        return 0;
    }
}
