package io.recallbricks.chaos.embeddings;

import java.time.Duration;

/**
 * Everything the fake embedding API can be configured with, in one place. Start from {@link #defaults()} and
 * change what a test needs: {@code FakeEmbeddingConfig.defaults().withPort(9090).withLatency(80, 400)}.
 *
 * @param bindAddress     address to listen on; default {@code 127.0.0.1} (loopback only)
 * @param port            TCP port; default 0, which picks a free one (read it from {@link FakeEmbeddingApi#port()})
 * @param latencyMedianMs median of the modelled response latency; default 0 (answer at once, for tests)
 * @param latencyP99Ms    99th percentile of the modelled latency; default 0, meaning "same as the median"
 * @param hangTimeout     how long a hung request is held before its connection is reset; default 10 minutes,
 *                        i.e. longer than any sensible client timeout
 */
public record FakeEmbeddingConfig(String bindAddress, int port, int latencyMedianMs, int latencyP99Ms,
                                  Duration hangTimeout) {

    public FakeEmbeddingConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (latencyMedianMs < 0 || latencyP99Ms < 0) {
            throw new IllegalArgumentException("latencies must not be negative");
        }
        if (latencyMedianMs == 0 && latencyP99Ms != 0) {
            throw new IllegalArgumentException("a latency p99 needs a latency median");
        }
        if (latencyP99Ms != 0 && latencyP99Ms < latencyMedianMs) {
            throw new IllegalArgumentException("the latency p99 (" + latencyP99Ms
                    + " ms) must not be below the median (" + latencyMedianMs + " ms)");
        }
        if (hangTimeout.isNegative() || hangTimeout.isZero()) {
            throw new IllegalArgumentException("hangTimeout must be positive");
        }
    }

    public static FakeEmbeddingConfig defaults() {
        return new FakeEmbeddingConfig("127.0.0.1", 0, 0, 0, Duration.ofMinutes(10));
    }

    public FakeEmbeddingConfig withPort(int newPort) {
        return new FakeEmbeddingConfig(bindAddress, newPort, latencyMedianMs, latencyP99Ms, hangTimeout);
    }

    public FakeEmbeddingConfig withBindAddress(String address) {
        return new FakeEmbeddingConfig(address, port, latencyMedianMs, latencyP99Ms, hangTimeout);
    }

    /** Log-normal latency with this median and 99th percentile (both in milliseconds). */
    public FakeEmbeddingConfig withLatency(int medianMs, int p99Ms) {
        return new FakeEmbeddingConfig(bindAddress, port, medianMs, p99Ms, hangTimeout);
    }

    public FakeEmbeddingConfig withHangTimeout(Duration timeout) {
        return new FakeEmbeddingConfig(bindAddress, port, latencyMedianMs, latencyP99Ms, timeout);
    }
}
