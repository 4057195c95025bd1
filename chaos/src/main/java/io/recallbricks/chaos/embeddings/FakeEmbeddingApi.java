package io.recallbricks.chaos.embeddings;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A fault-injectable double of OpenAI's embeddings API, on WireMock. Use it in tests as
 *
 * <pre>{@code
 * try (FakeEmbeddingApi fake = FakeEmbeddingApi.start(FakeEmbeddingConfig.defaults())) {
 *     String openAiBaseUrl = fake.openAiBaseUrl();      // http://127.0.0.1:<port>/v1
 *     fake.faults().errors(1.0, List.of(503));          // every request answered 503
 *     fake.faults().healthy();
 *     long served = fake.faults().counters().served();
 * }
 * }</pre>
 */
public final class FakeEmbeddingApi implements AutoCloseable {

    /**
     * Jetty (relocated inside wiremock-standalone) ends any asynchronous response after 30 s by default, which
     * would turn a "hang" into a 500 after half a minute. Jetty reads this property once, when its class loads,
     * so it is set before the first server starts; a JVM that already ran another WireMock keeps the 30 s.
     */
    private static final String JETTY_ASYNC_TIMEOUT = "wiremock.org.eclipse.jetty.server.HttpChannelState.DEFAULT_TIMEOUT";

    static {
        if (System.getProperty(JETTY_ASYNC_TIMEOUT) == null) {
            System.setProperty(JETTY_ASYNC_TIMEOUT, Long.toString(Integer.MAX_VALUE));
        }
    }

    private final WireMockServer server;
    private final FaultControls faults;

    private FakeEmbeddingApi(WireMockServer server, FaultControls faults) {
        this.server = server;
        this.faults = faults;
    }

    /** Starts the fake and returns once it accepts requests. */
    public static FakeEmbeddingApi start(FakeEmbeddingConfig config) {
        FaultControls faults = new FaultControls();
        WireMockServer server = new WireMockServer(wireMockOptions(config, faults));
        try {
            server.start();
        } catch (Exception e) { // WireMock also throws checked exceptions undeclared
            stopQuietly(server);
            throw new IllegalStateException("cannot start the fake embedding API on " + config.bindAddress() + ":"
                    + config.port() + ": " + rootMessage(e), e);
        }
        return new FakeEmbeddingApi(server, faults);
    }

    private static void stopQuietly(WireMockServer server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // it did not start; WireMock's stop then fails on its half-started Jetty, which is of no interest
        }
    }

    /** Jetty's "Address already in use" sits a few causes deep under WireMock's startup exception. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    static WireMockConfiguration wireMockOptions(FakeEmbeddingConfig config, FaultControls faults) {
        int hangMillis = (int) Math.min(Integer.MAX_VALUE, config.hangTimeout().toMillis());
        return options()
                .bindAddress(config.bindAddress())
                .port(config.port())
                // Delays (latency, "slow", hangs) are scheduled, not slept on a request thread, so thousands of
                // hung requests cost no threads and the admin API stays reachable.
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(8)
                .containerThreads(32)
                // An idle keep-alive connection must outlive a hang, or Jetty would close it mid-"hang".
                .jettyIdleTimeout((long) hangMillis + 60_000)
                // Load-test hygiene: no journal of every request (unbounded memory), no gzip (CPU), no
                // templating engine (startup time), and no stub files from the working directory.
                .disableRequestJournal()
                .gzipDisabled(true)
                .templatingEnabled(false)
                .usingFilesUnderClasspath("io/recallbricks/chaos/embeddings/no-stub-files")
                .notifier(new QuietNotifier())
                .extensions(new OpenAiStubs(),
                        new EmbeddingsTransformer(faults,
                                LatencyModel.from(config.latencyMedianMs(), config.latencyP99Ms()), hangMillis),
                        new FaultAdminApi(faults));
    }

    /** The fake's root URL, {@code http://127.0.0.1:<port>}; the admin API is under {@code /__admin}. */
    public String baseUrl() {
        return "http://" + server.getOptions().bindAddress() + ":" + server.port();
    }

    /** What OpenAI clients call their base URL: {@code http://127.0.0.1:<port>/v1}. */
    public String openAiBaseUrl() {
        return baseUrl() + "/v1";
    }

    public int port() {
        return server.port();
    }

    /** Runtime fault switches and request counters (the same state as the admin HTTP API). */
    public FaultControls faults() {
        return faults;
    }

    /** Stops the server; requests in flight, hung ones included, are cut. */
    @Override
    public void close() {
        server.stop();
    }
}
