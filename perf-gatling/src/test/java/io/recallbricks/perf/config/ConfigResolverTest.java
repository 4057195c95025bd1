package io.recallbricks.perf.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigResolverTest {

    @Test
    void ciProfileKeepsTheShapeOfFullInMinutes() {
        SuiteConfig ci = ConfigResolver.resolve(List.of(), Map.of());
        SuiteConfig full = ConfigResolver.resolve(List.of("--profile", "full"), Map.of());
        assertEquals(List.of("warmup", "baseline", "sustained", "peak"), names(ci.steadyPhases()));
        assertEquals(names(ci.steadyPhases()), names(full.steadyPhases()));
        assertEquals(List.of(100.0, 150.0, 200.0), ci.steadyPhases().stream().skip(1).map(p -> p.load().rps()).toList());
        assertEquals(Duration.ofMinutes(10), full.baseline().orElseThrow().duration());
        assertEquals(Duration.ofMinutes(15), full.sustained().orElseThrow().duration());
        long ciSeconds = ci.steadyPhases().stream().mapToLong(p -> p.load().duration().toSeconds()).sum()
                + ci.stressPhases().size() * ci.stressStep().toSeconds();
        assertTrue(ciSeconds <= 300, "ci load lasts " + ciSeconds + " s");
        assertEquals("stress-300", ci.stressPhases().get(0).name());
        assertTrue(ci.stressPhases().stream().noneMatch(PhaseSpec::judged), "stress steps are not SLA phases");
    }

    @Test
    void environmentOverridesTheProfileAndTheCommandLineOverridesBoth() {
        Map<String, String> env = Map.of("SUITE_BASELINE", "120@5m", "SUITE_TENANTS", "7", "SUITE_PROFILE", "full");
        SuiteConfig fromEnv = ConfigResolver.resolve(List.of(), env);
        assertEquals(Profile.FULL, fromEnv.profile());
        assertEquals(new LoadStep(120, Duration.ofMinutes(5)), fromEnv.baseline().orElseThrow());
        assertEquals(7, fromEnv.tenants());
        SuiteConfig fromCli = ConfigResolver.resolve(List.of("--profile=ci", "--tenants=3", "--stress", "off",
                "--peak=off"), env);
        assertEquals(Profile.CI, fromCli.profile());
        assertEquals(3, fromCli.tenants());
        assertEquals(new LoadStep(120, Duration.ofMinutes(5)), fromCli.baseline().orElseThrow());
        assertTrue(fromCli.stressPhases().isEmpty());
        assertEquals(Optional.empty(), fromCli.peak());
    }

    @Test
    void rateScaleSlicesEveryRateForOneOfSeveralInjectors() {
        SuiteConfig c = ConfigResolver.resolve(List.of("--rate-scale=0.5", "--injector=inj-2"), Map.of());
        assertEquals(List.of(25.0, 50.0, 75.0, 100.0), c.steadyPhases().stream().map(p -> p.load().rps()).toList());
        assertEquals(150.0, c.stressPhases().get(0).load().rps());
        assertEquals("stress-300", c.stressPhases().get(0).name(), "named after the total rate, so slices merge");
    }

    @Test
    void theHighestRateCoversStressSteps() {
        assertEquals(2000.0, ConfigResolver.resolve(List.of(), Map.of()).maxRps());
        assertEquals(200.0, ConfigResolver.resolve(List.of("--stress=off"), Map.of()).maxRps());
        assertTrue(ConfigResolver.resolve(List.of(), Map.of()).sizeRateLimits());
        assertTrue(!ConfigResolver.resolve(List.of("--rate-limits=service"), Map.of()).sizeRateLimits());
    }

    @Test
    void badValuesAreRejectedNamingTheOption() {
        assertMessage("--baseline=fast: expected <rps>@<duration>", List.of("--baseline=fast"));
        assertMessage("--tenants=0: must be a positive whole number", List.of("--tenants=0"));
        assertMessage("--stress=500,300: rates must increase", List.of("--stress=500,300"));
        assertMessage("--write-share=0.9: must be between 0 and 0.5", List.of("--write-share=0.9"));
        assertMessage("unknown option --rps", List.of("--rps=5"));
        assertMessage("unknown profile 'nightly'", List.of("--profile", "nightly"));
        assertMessage("option --tenants needs a value", List.of("--tenants"));
        assertMessage("--rate-limits=none: must be sized or service", List.of("--rate-limits=none"));
        assertMessage("--embedding-latency=fast: expected <median>/<p99>", List.of("--embedding-latency=fast"));
        assertMessage("--embedding-latency=400/80: the p99 must not be below the median",
                List.of("--embedding-latency=400/80"));
    }

    @Test
    void theFakeEmbeddingApiIsRealisticByDefaultAndCanAnswerAtOnce() {
        assertEquals(new EmbeddingLatency(80, 400), ConfigResolver.resolve(List.of(), Map.of()).embeddingLatency());
        assertTrue(ConfigResolver.resolve(List.of("--embedding-latency=0"), Map.of()).embeddingLatency().none());
        assertEquals(new EmbeddingLatency(5, 20),
                ConfigResolver.resolve(List.of(), Map.of("SUITE_EMBEDDING_LATENCY", "5/20")).embeddingLatency());
    }

    @Test
    void targetComesFromTheGuidesVariables() {
        TargetSpec t = ConfigResolver.resolve(List.of(), Map.of("API_URL", "https://rb.example.com/api/v1/",
                "API_KEY", "tenant-key")).target();
        assertEquals(Optional.of("https://rb.example.com"), t.apiUrl());
        assertEquals(Optional.of("tenant-key"), t.operatorKey());
        assertMessage("API_URL is set but neither ADMIN_API_KEY nor API_KEY", List.of(),
                Map.of("API_URL", "http://x"));
    }

    private static void assertMessage(String expectedStart, List<String> args) {
        assertMessage(expectedStart, args, Map.of());
    }

    private static void assertMessage(String expectedStart, List<String> args, Map<String, String> env) {
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigResolver.resolve(args, env));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    private static List<String> names(List<PhaseSpec> phases) {
        return phases.stream().map(PhaseSpec::name).toList();
    }
}
