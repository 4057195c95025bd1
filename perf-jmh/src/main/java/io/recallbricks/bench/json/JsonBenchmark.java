package io.recallbricks.bench.json;

import io.micronaut.serde.ObjectMapper;
import io.recallbricks.bench.fixtures.Corpus;
import io.recallbricks.memory.Memory;
import io.recallbricks.memory.MemoryView;
import io.recallbricks.retrieval.PredictService;
import io.recallbricks.retrieval.SearchMethod;
import io.recallbricks.retrieval.SearchService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Writing a typical search response (10 hits with their memories, weighting on) and a typical predict response
 * (5 predictions) with Micronaut Serialization configured as the service configures it (ISO-8601 dates). Every
 * response body of the hot routes goes through this. The reference writes the very same document, read back
 * into plain maps and lists, with the same mapper: the ratio is what the typed records (introspection, snake_case
 * naming, inclusion rules, unwrapping) cost over writing the same bytes from a generic tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JsonBenchmark {

    @Param({"search", "predict"})
    String response;

    private ObjectMapper.CloseableObjectMapper mapper;
    private Object typed;
    private Object tree;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // The service's serde setting (application.yml): dates as ISO-8601 text.
        mapper = ObjectMapper.create(Map.of("micronaut.serde.write-dates-as-timestamps", false));
        typed = switch (response) {
            case "search" -> searchResponse();
            case "predict" -> predictResponse();
            default -> throw new IllegalArgumentException("response must be search or predict, not " + response);
        };
        tree = mapper.readValue(mapper.writeValueAsBytes(typed), Object.class);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mapper.close();
    }

    @Benchmark
    public byte[] serviceResponse() throws IOException {
        return mapper.writeValueAsBytes(typed);
    }

    @Benchmark
    public byte[] referenceTree() throws IOException {
        return mapper.writeValueAsBytes(tree);
    }

    static SearchService.Response searchResponse() {
        List<SearchService.Hit> hits = new ArrayList<>();
        UUID user = new UUID(1, 1);
        for (int i = 0; i < 10; i++) {
            Memory memory = Corpus.memory(new UUID(3, i), user, i);
            double score = 0.9 - i * 0.05;
            hits.add(new SearchService.Hit(MemoryView.of(memory), score, (float) (score - 0.1), 0.4, score - 0.02,
                    score, memory.usageCount() > 5, i % 3 == 0, i % 4 == 0, "moderate"));
        }
        return new SearchService.Response(hits, hits.size(), "database migration rollback", true, false, SearchMethod.hybrid);
    }

    static PredictService.Response predictResponse() {
        List<PredictService.Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Memory memory = Corpus.memory(new UUID(4, i), new UUID(1, 1), i);
            predictions.add(new PredictService.Prediction(memory.id(), memory.text(), 0.9 - i * 0.1,
                    List.of("frequently_accessed_with", "context_similarity"), List.of(new UUID(5, i)),
                    memory.helpfulnessScore(), memory.usageCount()));
        }
        return new PredictService.Response(predictions, predictions.size(), "planning the release",
                List.of(new UUID(5, 0), new UUID(5, 1)), SearchMethod.hybrid);
    }
}
