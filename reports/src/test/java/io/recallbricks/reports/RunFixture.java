package io.recallbricks.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Writes a run folder the way the load suite does (docs/contracts.md §3): run.json, real HdrHistogram interval
 * logs written with HistogramLogWriter, outcome files and server samples. Tests shape the data they need.
 */
final class RunFixture {

    static final List<String> MIX = List.of("predict", "suggest", "search", "maintenance", "learning_metrics");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    private final String profile;
    private final Instant start;
    private final List<Map<String, Object>> phases = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private long offsetSeconds;

    RunFixture(Path dir, String profile, Instant start) {
        this.dir = dir;
        this.profile = profile;
        this.start = start;
    }

    /** The usual shape: warm-up (not judged), baseline 100, sustained 150, peak 200; 10 s each. */
    static RunFixture standard(Path dir, String profile, Instant start) {
        return new RunFixture(dir, profile, start)
                .phase("warmup", "warmup", 50, false, 10)
                .phase("baseline", "baseline", 100, true, 10)
                .phase("sustained", "sustained", 150, true, 10)
                .phase("peak", "peak", 200, true, 10);
    }

    RunFixture phase(String name, String role, double intendedRps, boolean judged, int seconds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("role", role);
        p.put("intendedRps", intendedRps);
        p.put("startedAt", start.plusSeconds(offsetSeconds).toString());
        p.put("finishedAt", start.plusSeconds(offsetSeconds + seconds).toString());
        p.put("judged", judged);
        p.put("intendedSeconds", seconds);
        p.put("seconds", seconds);
        phases.add(p);
        offsetSeconds += seconds;
        return this;
    }

    /** The phase's last response came {@code seconds} after its arrival window (run.json's intendedSeconds). */
    RunFixture answeredLate(String name, double seconds) {
        Map<String, Object> p = phase(name);
        p.put("intendedSeconds", p.get("seconds"));
        Instant finished = Instant.parse((String) p.get("finishedAt"));
        p.put("finishedAt", finished.plusMillis(Math.round(seconds * 1000)).toString());
        return this;
    }

    /** The injector's own record of a phase (run.json's phases[].injector). */
    RunFixture injector(String name, double sentRps, double lagP99Ms, boolean bound, String why) {
        Map<String, Object> inj = new LinkedHashMap<>();
        inj.put("sentRps", sentRps);
        inj.put("sendLagP99Ms", lagP99Ms);
        inj.put("sendLagMaxMs", lagP99Ms * 2);
        inj.put("cpuShare", 0.3);
        inj.put("bound", bound);
        inj.put("why", why);
        phase(name).put("injector", inj);
        return this;
    }

    RunFixture extra(String key, Object value) {
        extra.put(key, value);
        return this;
    }

    Instant phaseStart(String name) {
        return Instant.parse((String) phase(name).get("startedAt"));
    }

    int phaseSeconds(String name) {
        return (int) phase(name).get("seconds");
    }

    double intended(String name) {
        return (double) phase(name).get("intendedRps");
    }

    private Map<String, Object> phase(String name) {
        return phases.stream().filter(p -> p.get("name").equals(name)).findFirst().orElseThrow();
    }

    List<String> phaseNames() {
        return phases.stream().map(p -> (String) p.get("name")).toList();
    }

    /** Writes run.json. */
    RunFixture writeRunJson() {
        if (!extra.containsKey("stress")) {
            stress(400);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("schemaVersion", 1);
        run.put("runId", dir.getFileName().toString());
        run.put("profile", profile);
        run.put("startedAt", start.toString());
        run.put("finishedAt", start.plusSeconds(offsetSeconds).toString());
        run.put("target", Map.of("apiUrl", "http://127.0.0.1:18080"));
        run.put("injectors", List.of(Map.of("name", "local", "cpuSeconds", 4.0, "wallSeconds", 40.0, "cores", 2)));
        run.put("phases", phases.stream().map(p -> {
            Map<String, Object> copy = new LinkedHashMap<>(p);
            copy.remove("seconds");
            return copy;
        }).toList());
        run.putAll(extra);
        write("run.json", run);
        return this;
    }

    /**
     * Writes a healthy run: every phase at its intended rate split over the mix, latencies drawn around
     * {@code typicalMs}, all OK, and samples well inside the limits.
     */
    RunFixture writeHealthy(double typicalMs) {
        writeRunJson();
        for (String phase : phaseNames()) {
            Random random = new Random(phase.hashCode());
            Map<String, LongSupplier> latency = new LinkedHashMap<>();
            for (String endpoint : MIX) {
                latency.put(endpoint, () -> (long) (typicalMs * 1000 * (0.5 + random.nextDouble())));
            }
            writeLatency(phase, "latency.hlog", latency, (int) intended(phase) / MIX.size());
            writeOutcomesAllOk(phase);
        }
        writeSamples(0.30, 0.40, 20);
        writePassingChaos();
        return this;
    }

    /** A stress run whose last held step is {@code breakPointRps} (the next step, 100 rps higher, broke). */
    RunFixture stress(double breakPointRps) {
        return extra("stress", Map.of("steps", List.of(
                Map.of("phase", "stress-" + (long) breakPointRps, "intendedRps", breakPointRps, "held", true),
                Map.of("phase", "stress-" + (long) (breakPointRps + 100), "intendedRps", breakPointRps + 100,
                        "held", false, "missed", List.of("search p95 412 ms >= 300 ms"))),
                "breakPointRps", breakPointRps, "breakPointGoodRps", breakPointRps * 0.998,
                "limitedBy", "service CPU", "resolutionPercent", 8.0));
    }

    /** One chaos journal whose experiment passed (the resilience criterion is required). */
    void writePassingChaos() {
        writeText("chaos/database-down.journal.json", """
                {"experiment": {"title": "Database down: the breaker opens, writes get a fast 503"},
                 "status": "completed", "deviated": false,
                 "extensions": [{"name": "recallbricks", "verdict": "passed"}]}
                """);
    }

    /** Writes one interval log: per second of the phase and per endpoint, {@code perSecond} values. */
    void writeLatency(String phase, String file, Map<String, LongSupplier> valuesMicros, int perSecond) {
        List<Interval> intervals = new ArrayList<>();
        Instant from = phaseStart(phase);
        for (int s = 0; s < phaseSeconds(phase); s++) {
            for (Map.Entry<String, LongSupplier> e : valuesMicros.entrySet()) {
                long[] values = new long[perSecond];
                for (int i = 0; i < perSecond; i++) {
                    values[i] = e.getValue().getAsLong();
                }
                long ms = from.toEpochMilli() + s * 1000L;
                intervals.add(new Interval(e.getKey(), ms, ms + 1000, values));
            }
        }
        writeLog(dir.resolve("phases").resolve(phase).resolve(file), from, intervals);
    }

    record Interval(String tag, long startMs, long endMs, long[] valuesMicros) {
    }

    /** Writes an interval log as the load suite does, with StartTime and BaseTime so timestamps are absolute. */
    static void writeLog(Path file, Instant start, List<Interval> intervals) {
        try {
            Files.createDirectories(file.getParent());
            try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputLogFormatVersion();
                writer.outputStartTime(start.toEpochMilli());
                writer.setBaseTime(start.toEpochMilli());
                writer.outputBaseTime(start.toEpochMilli());
                writer.outputLegend();
                for (Interval i : intervals) {
                    Histogram h = new Histogram(60_000_000L, 3);
                    for (long v : i.valuesMicros()) {
                        h.recordValue(v);
                    }
                    h.setStartTimeStamp(i.startMs());
                    h.setEndTimeStamp(i.endMs());
                    h.setTag(i.tag());
                    writer.outputIntervalHistogram(h);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeOutcomesAllOk(String phase) {
        Map<String, Object> outcomes = new TreeMap<>();
        long perEndpoint = (long) intended(phase) / MIX.size() * phaseSeconds(phase);
        for (String endpoint : MIX) {
            outcomes.put(endpoint, Map.of("ok", perEndpoint, "ko", 0, "byStatus", Map.of("200", perEndpoint),
                    "sentInWindow", perEndpoint, "completedInWindow", perEndpoint, "goodInWindow", perEndpoint));
        }
        writeOutcomes(phase, "outcomes.json", outcomes);
    }

    void writeOutcomes(String phase, String file, Map<String, Object> outcomes) {
        write("phases/" + phase + "/" + file, outcomes);
    }

    /** One sample every 2 s of every phase, with the given CPU share, memory ratio and pg connections. */
    void writeSamples(double cpu, double memoryRatio, int pgConnections) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (String phase : phaseNames()) {
            for (int s = 0; s < phaseSeconds(phase); s += 2) {
                samples.add(sample(phase, phaseStart(phase).plusSeconds(s), cpu, memoryRatio, pgConnections));
            }
        }
        writeSampleLines(samples);
    }

    static Map<String, Object> sample(String phase, Instant t, double cpu, double memoryRatio, int pg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", t.toString());
        m.put("phase", phase);
        m.put("processCpu", cpu);
        m.put("systemCpu", Math.min(1, cpu * 2));
        m.put("heapUsedBytes", 100_000_000);
        m.put("heapMaxBytes", 1_000_000_000);
        m.put("rssBytes", (long) (memoryRatio * 2_000_000_000L));
        m.put("memoryLimitBytes", 2_000_000_000L);
        m.put("rssBudgetBytes", 2_000_000_000L);
        m.put("heapLiveBytes", 250_000_000L);
        m.put("dbPoolAcquireMs", 1.5);
        m.put("dbConnectionsActive", 2);
        m.put("dbConnectionsIdle", 8);
        m.put("dbConnectionsMax", 10);
        m.put("pgConnections", pg);
        m.put("breakers", Map.of("database", "closed", "openai", "closed"));
        m.put("cacheHitRate", 0.9);
        m.put("degradationLevel", "normal");
        return m;
    }

    void writeSampleLines(List<Map<String, Object>> samples) {
        StringBuilder lines = new StringBuilder();
        try {
            for (Map<String, Object> s : samples) {
                lines.append(JSON.writeValueAsString(s)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeText("server-samples.jsonl", lines.toString());
    }

    void write(String relative, Object json) {
        try {
            writeText(relative, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeText(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
