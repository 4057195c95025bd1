package io.recallbricks.bench.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"search", "predict"})
    void theReferenceWritesTheSameDocumentAsTheServiceRecords(String response) throws IOException {
        JsonBenchmark benchmark = new JsonBenchmark();
        benchmark.response = response;
        benchmark.setUp();
        try {
            ObjectMapper jackson = new ObjectMapper();
            JsonNode typed = jackson.readTree(benchmark.serviceResponse());
            JsonNode tree = jackson.readTree(benchmark.referenceTree());

            assertEquals(typed, tree);
            assertTrue(typed.path("search_method").asText().equals("hybrid"), typed.toString());
            // The service's setting: dates as ISO-8601 text, not numbers.
            String firstDate = response.equals("search")
                    ? typed.at("/memories/0/created_at").asText() : typed.path("context").asText();
            assertTrue(response.equals("predict") || firstDate.startsWith("20"), firstDate);
        } finally {
            benchmark.tearDown();
        }
    }
}
