package io.recallbricks.reports.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.recallbricks.reports.chaos.ChaosJournals;
import io.recallbricks.reports.jmh.JmhResults;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a run's results folder, laid out as docs/contracts.md §3 fixes it. */
public final class RunFolder {

    public static final String RUN_FILE = "run.json";
    public static final String PHASES_DIR = "phases";
    public static final String SAMPLES_FILE = "server-samples.jsonl";
    public static final String GATLING_DIR = "gatling";
    public static final String JMH_DIR = "jmh";
    public static final String CHAOS_DIR = "chaos";
    public static final String REPORT_DIR = "report";

    private static final TypeReference<Map<String, EndpointOutcome>> OUTCOMES = new TypeReference<>() {
    };

    private RunFolder() {
    }

    /** Reads everything; raises {@link RunReadException} saying which file could not be read and why. */
    public static RunResults read(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new RunReadException(runDir + " is not a directory");
        }
        RunInfo info = Json.read(runDir.resolve(RUN_FILE), RunInfo.class);
        Map<String, PhaseResults> phases = new LinkedHashMap<>();
        for (String name : phaseNames(runDir, info)) {
            phases.put(name, phase(runDir.resolve(PHASES_DIR).resolve(name), name, info));
        }
        return new RunResults(runDir, info, phases, samples(runDir.resolve(SAMPLES_FILE)),
                JmhResults.read(runDir.resolve(JMH_DIR)), ChaosJournals.read(runDir.resolve(CHAOS_DIR)),
                gatlingReports(runDir));
    }

    private static Set<String> phaseNames(Path runDir, RunInfo info) {
        Set<String> names = new LinkedHashSet<>();
        info.phases().forEach(p -> names.add(p.name()));
        if (info.stress() != null) {
            info.stress().steps().forEach(s -> names.add(s.phase()));
        }
        Path dir = runDir.resolve(PHASES_DIR);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(names::add);
            } catch (IOException e) {
                throw new RunReadException(dir + " cannot be listed: " + e.getMessage(), e);
            }
        }
        names.remove(null);
        return names;
    }

    private static PhaseResults phase(Path dir, String name, RunInfo info) {
        List<Path> logs = files(dir, "latency", ".hlog");
        List<Path> outcomeFiles = files(dir, "outcomes", ".json");
        Optional<PhaseLatency> latency = logs.isEmpty() ? Optional.empty() : Optional.of(LatencyLogMerger.merge(logs));
        Optional<Map<String, EndpointOutcome>> outcomes = Optional.empty();
        if (!outcomeFiles.isEmpty()) {
            Map<String, EndpointOutcome> sum = new TreeMap<>();
            for (Path f : outcomeFiles) {
                readOutcomes(f).forEach((endpoint, o) -> sum.merge(endpoint, o, EndpointOutcome::plus));
            }
            outcomes = Optional.of(sum);
        }
        return new PhaseResults(name, info.phase(name), latency, outcomes);
    }

    private static Map<String, EndpointOutcome> readOutcomes(Path file) {
        try {
            Map<String, EndpointOutcome> map = Json.MAPPER.readValue(file.toFile(), OUTCOMES);
            if (map == null || map.containsValue(null)) {
                throw new RunReadException(file + " must map each endpoint to {ok, ko, byStatus}");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw new RunReadException(file + " is not valid: " + Json.oneLine(e), e);
        } catch (IOException e) {
            throw new RunReadException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Files named {@code <prefix>*<suffix>} in {@code dir}, sorted; none when the folder is absent. */
    static List<Path> files(Path dir, String prefix, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(suffix) && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new RunReadException(dir + " cannot be listed: " + e.getMessage(), e);
        }
    }

    private static List<ServerSample> samples(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<ServerSample> samples = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    samples.add(Json.MAPPER.readValue(line, ServerSample.class));
                } catch (JsonProcessingException e) {
                    throw new RunReadException(file + " line " + number + " is not a valid sample: "
                            + Json.oneLine(e).replaceAll(" \\(line 1, column (\\d+)\\)$", " (column $1)"), e);
                }
            }
        } catch (IOException e) {
            throw new RunReadException(file + " cannot be read: " + e.getMessage(), e);
        }
        samples.sort(Comparator.comparing(ServerSample::t, Comparator.nullsFirst(Comparator.naturalOrder())));
        return samples;
    }

    private static List<Path> gatlingReports(Path runDir) {
        Path dir = runDir.resolve(GATLING_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir, 4)) {
            return walk.filter(p -> p.getFileName().toString().equals("index.html"))
                    .map(runDir::relativize).sorted().toList();
        } catch (IOException e) {
            throw new RunReadException(dir + " cannot be listed: " + e.getMessage(), e);
        }
    }

    /** Groups samples by their phase field. */
    public static Map<String, List<ServerSample>> samplesByPhase(List<ServerSample> samples) {
        Map<String, List<ServerSample>> byPhase = new HashMap<>();
        for (ServerSample s : samples) {
            if (s.phase() != null) {
                byPhase.computeIfAbsent(s.phase(), p -> new ArrayList<>()).add(s);
            }
        }
        return byPhase;
    }
}
