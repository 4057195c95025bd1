package io.recallbricks.chaos.experiment;

import io.recallbricks.chaos.embeddings.FakeEmbeddingApi;
import io.recallbricks.chaos.experiment.stack.ConnectionHog;
import io.recallbricks.chaos.experiment.stack.LocalTarget;
import io.recallbricks.chaos.proxy.TcpFaultProxy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seven faults of issue 8, made with the TCP proxy, the fake embedding API and a connection hog. */
public final class Faults {

    /** Added to every chunk in each direction: a query's round trip gains at least twice this. */
    static final Duration DATABASE_LATENCY = Duration.ofMillis(600);
    static final int RETRY_AFTER_SECONDS = 2;

    public static final List<String> NAMES = List.of("database-down", "database-hang", "database-slow",
            "database-connections", "embeddings-5xx", "embeddings-hang", "embeddings-429");

    private Faults() {
    }

    public static Map<String, Fault> of(LocalTarget target) {
        TcpFaultProxy proxy = target.proxy();
        FakeEmbeddingApi fake = target.fake();
        Map<String, Fault> all = new LinkedHashMap<>();
        add(all, new Simple("database-down", Dependency.DATABASE,
                "Database down: the database breaker opens, requests get a fast 503, nothing acknowledged is lost",
                "the TCP proxy in front of PostgreSQL closes its port (connections refused) and cuts open connections",
                () -> {
                    proxy.down();
                    return "proxy down";
                }, proxy::passThrough));
        add(all, new Simple("database-hang", Dependency.DATABASE,
                "Database hung: timeouts bound every request, the breaker opens, nothing acknowledged is lost",
                "the TCP proxy accepts connections and forwards nothing either way (a black hole)",
                () -> {
                    proxy.hang();
                    return "proxy hang";
                }, proxy::passThrough));
        add(all, new Simple("database-slow", Dependency.DATABASE,
                "Database slow: slow calls open the breaker, responses stay bounded, nothing acknowledged is lost",
                "the TCP proxy delays every chunk by " + DATABASE_LATENCY.toMillis() + " ms in both directions",
                () -> {
                    proxy.latency(DATABASE_LATENCY);
                    return "proxy latency " + DATABASE_LATENCY.toMillis() + " ms";
                }, proxy::passThrough));
        add(all, new Exhaustion(target.connectionHog()));
        add(all, new Simple("embeddings-5xx", Dependency.EMBEDDINGS,
                "Embedding API 5xx: the openai breaker opens, retrieval answers from keywords, memories are embedded later",
                "the fake embedding API answers every request 500, 502 or 503",
                () -> {
                    fake.faults().errors(1.0, List.of(500, 502, 503));
                    return "fake: errors 1.0 [500, 502, 503]";
                }, fake.faults()::healthy));
        add(all, new Simple("embeddings-hang", Dependency.EMBEDDINGS,
                "Embedding API hanging: timeouts bound every request, retrieval answers from keywords, memories are embedded later",
                "the fake embedding API holds every request without an answer",
                () -> {
                    fake.faults().hang(1.0);
                    return "fake: hang 1.0";
                }, fake.faults()::healthy));
        add(all, new Simple("embeddings-429", Dependency.EMBEDDINGS,
                "Embedding API 429: the openai breaker opens, retrieval answers from keywords, memories are embedded later",
                "the fake embedding API answers every request 429 with Retry-After: " + RETRY_AFTER_SECONDS,
                () -> {
                    fake.faults().rateLimit(1.0, RETRY_AFTER_SECONDS);
                    return "fake: 429 1.0, Retry-After " + RETRY_AFTER_SECONDS;
                }, fake.faults()::healthy));
        return all;
    }

    private static void add(Map<String, Fault> all, Fault fault) {
        all.put(fault.name(), fault);
    }

    @FunctionalInterface
    interface Injection {
        String run() throws Exception;
    }

    @FunctionalInterface
    interface Removal {
        void run() throws Exception;
    }

    private record Simple(String name, Dependency dependency, String title, String method, Injection injection,
                          Removal removal) implements Fault {
        @Override
        public String inject() throws Exception {
            return injection.run();
        }

        @Override
        public void remove() throws Exception {
            removal.run();
        }
    }

    /** Other clients hold every connection PostgreSQL has, the service's own included. */
    private record Exhaustion(ConnectionHog hog) implements Fault {
        @Override
        public String name() {
            return "database-connections";
        }

        @Override
        public String title() {
            return "Connection exhaustion: the service gets no connection, the breaker opens, nothing acknowledged is lost";
        }

        @Override
        public String method() {
            return "another client opens connections until PostgreSQL refuses more (max_connections reached), ends the "
                    + "service's sessions and takes their slots too";
        }

        @Override
        public Dependency dependency() {
            return Dependency.DATABASE;
        }

        @Override
        public String inject() throws Exception {
            return "connection hog holds " + hog.exhaust() + " connections";
        }

        @Override
        public void remove() {
            hog.release();
        }
    }
}
