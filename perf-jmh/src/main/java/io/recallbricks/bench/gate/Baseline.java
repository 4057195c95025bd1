package io.recallbricks.bench.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed ratios a profile is held to ({@code perf-jmh/baseline/<profile>.json}): each benchmark's ratio to
 * its in-run reference, and the tolerance a new ratio may exceed it by. Written only by the {@code update}
 * command, so a change of baseline is a deliberate, reviewed commit.
 *
 * @param tolerancePercent how much slower than its baseline ratio a benchmark may get before the gate fails, for
 *                         benchmarks without a tolerance of their own (and the least any of them gets)
 * @param about            free text kept with the file: how the tolerances were chosen
 * @param tolerances       per benchmark, from its measured run-to-run spread (see {@link RatioGate} update)
 */
public record Baseline(String profile, double tolerancePercent, String about, Map<String, Double> ratios,
                       Map<String, Double> tolerances) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Baseline {
        ratios = Map.copyOf(ratios);
        tolerances = Map.copyOf(tolerances);
        if (!(tolerancePercent > 0)) {
            throw new GateInputException("tolerancePercent must be above 0, not " + tolerancePercent);
        }
    }

    public Baseline(String profile, double tolerancePercent, String about, Map<String, Double> ratios) {
        this(profile, tolerancePercent, about, ratios, Map.of());
    }

    /** The tolerance in percent that applies to {@code key}. */
    public double tolerance(String key) {
        return tolerances.getOrDefault(key, tolerancePercent);
    }

    public static Baseline read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.path("tolerancePercent").isNumber() || !root.path("ratios").isObject()) {
                throw new GateInputException(file + " must have a numeric 'tolerancePercent' and a 'ratios' object");
            }
            return new Baseline(root.path("profile").asText(""), root.get("tolerancePercent").asDouble(),
                    root.path("about").asText(""), positiveNumbers(file, root.get("ratios"), "ratio"),
                    positiveNumbers(file, root.path("tolerances"), "tolerance"));
        } catch (NoSuchFileException e) {
            throw new GateInputException(file + " does not exist (create it with the 'update' command)");
        } catch (JsonProcessingException e) {
            throw new GateInputException(file + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new GateInputException(file + " cannot be read: " + e.getMessage());
        }
    }

    private static Map<String, Double> positiveNumbers(Path file, JsonNode object, String what) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (var it = object.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isNumber() || !(e.getValue().asDouble() > 0)) {
                throw new GateInputException(file + ": " + what + " of '" + e.getKey() + "' must be a number above 0");
            }
            values.put(e.getKey(), e.getValue().asDouble());
        }
        return values;
    }

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", profile);
        root.put("tolerancePercent", tolerancePercent);
        root.put("about", about);
        ObjectNode ratioNode = root.putObject("ratios");
        new TreeMap<>(ratios).forEach((key, ratio) -> ratioNode.put(key, Math.round(ratio * 10_000) / 10_000.0));
        if (!tolerances.isEmpty()) {
            ObjectNode toleranceNode = root.putObject("tolerances");
            new TreeMap<>(tolerances).forEach(toleranceNode::put);
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    /** Whether {@code ratio} is beyond the tolerance above the baseline ratio of {@code key}. */
    public boolean regressed(String key, double ratio) {
        return ratio > ratios.get(key) * (1 + tolerance(key) / 100);
    }

    /** Whether {@code ratio} is beyond the tolerance below the baseline ratio (a candidate for a new baseline). */
    public boolean improved(String key, double ratio) {
        return ratio * (1 + tolerance(key) / 100) < ratios.get(key);
    }
}
