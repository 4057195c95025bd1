package io.recallbricks.quality;

import io.recallbricks.chaos.embeddings.FakeEmbeddingApi;
import io.recallbricks.chaos.embeddings.FakeEmbeddingConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code java -jar quality/target/recallbricks-quality.jar [options]}: measures retrieval quality per method and
 * provider, prints the table, writes quality.json and quality.md, and exits 0 (gate passed), 1 (gate failed) or 2
 * (could not run).
 */
@Command(name = "recallbricks-quality", mixinStandardHelpOptions = true, subcommands = CostCommand.class,
        description = "Retrieval quality (recall@k, MRR) of search, predict and suggest per method and provider.")
public final class QualityCommand implements Callable<Integer> {

    @Option(names = "--jar", description = "The service jar (default: service/target/recallbricks-service-*.jar).")
    Path jar;

    @Option(names = "--out", description = "Folder for quality.json, quality.md and the service logs (default: runs/quality-<time>).")
    Path out;

    @Option(names = "--providers", split = ",", defaultValue = "local",
            description = "Embedding providers to measure: local (the packaged model), fake (the bundled fake API: "
                    + "hashed character n-grams, NOT semantic). Default: ${DEFAULT-VALUE}.")
    List<String> providers;

    @Option(names = "--variant", description = "An extra hybrid configuration to compare, NAME:VAR=VALUE[,VAR=VALUE...] "
            + "(e.g. rrf:HYBRID_FUSION=rrf). Repeatable; variants are reported, not gated.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--variants-only", description = "Measure only the --variant configurations (tuning; the gate is not judged).")
    boolean variantsOnly;

    @Option(names = "--baseline", defaultValue = "quality/baseline/quality.json", description = "Default: ${DEFAULT-VALUE}.")
    Path baseline;

    @Option(names = "--tolerance", defaultValue = "0.02",
            description = "Largest drop of recall@5 or MRR (absolute) against the baseline that still passes. Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Option(names = "--update-baseline", description = "Write this run's figures as the baseline (after judging).")
    boolean updateBaseline;

    public static void main(String[] args) {
        System.exit(new CommandLine(new QualityCommand()).execute(args));
    }

    @Override
    public Integer call() {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Path jarFile = jar != null ? jar : findJar();
            Path folder = out != null ? out : Path.of("runs", "quality-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Files.createDirectories(folder);
            Corpus corpus = Corpus.load();
            long noShared = corpus.questions().stream().filter(Corpus.Question::sharesNoWord).count();
            System.out.printf("quality: %d notes, %d questions, %d share no content word with their note; service %s%n",
                    corpus.notes().size(), corpus.questions().size(), noShared, jarFile);
            String databaseUrl = System.getenv("DATABASE_URL");
            if (databaseUrl == null || databaseUrl.isBlank()) {
                databaseUrl = embeddedPostgres(folder, resources);
            }
            Benchmark benchmark = new Benchmark(jarFile, databaseUrl, folder, corpus);
            List<Benchmark.Result> results = new ArrayList<>();
            for (Benchmark.Config config : configs(resources)) {
                System.out.printf("quality: %s / %s %s ...%n", config.provider(), config.method(), config.environment());
                Benchmark.Result result = benchmark.run(config);
                results.add(result);
                Benchmark.EndpointResult search = result.endpoints().get("search");
                System.out.printf("quality: %s / %s done in %.1f s (search MRR %s, R@5 %s)%n", config.provider(), config.method(),
                        result.seconds(), Report.f(search.mrr()), Report.f(search.recallAt5()));
            }
            Gate.Verdict verdict = Gate.judge(results, Gate.readBaseline(baseline), tolerance);
            System.out.println();
            System.out.print(Report.table(results, false));
            System.out.println();
            verdict.lines().forEach(line -> System.out.println("gate: " + line));
            Report.write(folder, corpus, results, verdict);
            System.out.println("quality: " + folder.resolve("quality.md") + ", " + folder.resolve("quality.json"));
            if (updateBaseline) {
                Gate.writeBaseline(baseline, results.stream().filter(r -> !isVariant(r.method())).toList());
                System.out.println("quality: baseline written to " + baseline);
            }
            System.out.println("quality gate: " + (verdict.passed() ? "PASSED" : "FAILED"));
            return verdict.passed() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("quality: could not run: " + e);
            return 2;
        } finally {
            for (int i = resources.size() - 1; i >= 0; i--) {
                try {
                    resources.get(i).close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
    }

    private boolean isVariant(String method) {
        return !List.of("keyword", "vector", "hybrid").contains(method);
    }

    /** Keyword-only once (no provider), then vector-only, hybrid and the variants for each provider. */
    private List<Benchmark.Config> configs(List<AutoCloseable> resources) {
        List<Benchmark.Config> configs = new ArrayList<>();
        if (!variantsOnly) {
            configs.add(new Benchmark.Config("none", "keyword", Map.of("EMBEDDING_PROVIDER", "none")));
        }
        for (String provider : providers) {
            Map<String, String> env = new LinkedHashMap<>();
            // Quality, not latency: a query or write embedding that misses the service's short budget on a busy
            // machine would turn an answer into a keyword one and move the figures. (Gate 3 still catches any.)
            env.put("OPENAI_QUERY_TIMEOUT_MS", "15000");
            env.put("OPENAI_WRITE_TIMEOUT_MS", "15000");
            switch (provider) {
                case "local" -> env.put("EMBEDDING_PROVIDER", "local");
                case "fake" -> {
                    FakeEmbeddingApi fake = FakeEmbeddingApi.start(FakeEmbeddingConfig.defaults().withLatency(0, 0));
                    resources.add(fake);
                    env.put("EMBEDDING_PROVIDER", "openai");
                    env.put("OPENAI_BASE_URL", fake.openAiBaseUrl());
                    env.put("OPENAI_API_KEY", "quality-benchmark");
                }
                default -> throw new CommandLine.ParameterException(new CommandLine(this), "unknown provider " + provider);
            }
            if (!variantsOnly) {
                configs.add(new Benchmark.Config(provider, "vector", with(env, Map.of("HYBRID_FUSION", "weighted", "HYBRID_VECTOR_WEIGHT", "1"))));
                configs.add(new Benchmark.Config(provider, "hybrid", env));
            }
            for (String variant : variants) {
                String[] parts = variant.split(":", 2);
                Map<String, String> extra = new LinkedHashMap<>();
                for (String assignment : parts.length > 1 ? parts[1].split(",") : new String[0]) {
                    String[] kv = assignment.split("=", 2);
                    extra.put(kv[0].trim(), kv.length > 1 ? kv[1].trim() : "");
                }
                configs.add(new Benchmark.Config(provider, parts[0], with(env, extra)));
            }
        }
        return configs;
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>(base);
        env.putAll(extra);
        return env;
    }

    static Path findJar() throws IOException {
        Path target = Path.of("service", "target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                Optional<Path> found = files.filter(p -> p.getFileName().toString().matches("recallbricks-service-.*\\.jar")
                        && !p.getFileName().toString().startsWith("original-")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IOException("service/target/recallbricks-service-*.jar not found: build it first (./mvnw -pl service -am package)");
    }

    static String embeddedPostgres(Path folder, List<AutoCloseable> resources) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(folder.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(folder.resolve("postgres.log").toFile()))
                .start();
        resources.add(pg);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create database recallbricks");
        }
        return "postgresql://postgres:postgres@127.0.0.1:" + port + "/recallbricks";
    }
}
