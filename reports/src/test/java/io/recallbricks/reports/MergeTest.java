package io.recallbricks.reports;

import io.recallbricks.reports.merge.RunMerger;
import io.recallbricks.reports.run.EndpointOutcome;
import io.recallbricks.reports.run.PhaseLatency;
import io.recallbricks.reports.run.PhaseResults;
import io.recallbricks.reports.run.RunFolder;
import io.recallbricks.reports.run.RunReadException;
import io.recallbricks.reports.run.RunResults;
import io.recallbricks.reports.run.SecondStats;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergeTest {

    static final Instant T0 = Instant.parse("2026-11-28T13:00:00Z");
    static final double[] PERCENTILES = {50, 75, 90, 95, 99, 99.9, 100};

    @TempDir
    Path tmp;

    /** One histogram of every value both injectors recorded: what the merge must reproduce. */
    private final Histogram allPredict = new Histogram(60_000_000L, 3);
    private final Histogram allRequests = new Histogram(60_000_000L, 3);

    @Test
    void twoInjectorsLogsOfAPhaseMergeExactly() {
        RunFixture run = new RunFixture(tmp.resolve("ci-1"), "ci", T0).phase("sustained", "sustained", 150, true, 10);
        run.writeRunJson();
        Path phase = run.dir.resolve("phases/sustained");
        RunFixture.writeLog(phase.resolve("latency-a.hlog"), T0, intervals(new Random(1), 1_000, 50_000, 40, 0));
        // The second injector's seconds start 300 ms later and its latencies are of another shape and count.
        RunFixture.writeLog(phase.resolve("latency-b.hlog"), T0, intervals(new Random(2), 100_000, 300_000, 35, 300));

        PhaseLatency merged = RunFolder.read(run.dir).phases().get("sustained").latency().orElseThrow();

        assertSamePercentiles(allPredict, merged.byEndpoint().get("predict"));
        assertSamePercentiles(allRequests, merged.allRequests());
        List<SecondStats> perSecond = merged.perSecond().get("predict");
        assertEquals(10, perSecond.size(), "one entry per wall-clock second, both injectors in it");
        assertEquals(T0.getEpochSecond(), perSecond.get(0).epochSecond(), "interval timestamps read back as absolute");
        assertTrue(perSecond.stream().allMatch(s -> s.count() == 40 + 35), "each second holds both injectors' responses");
        assertEquals(allPredict.getTotalCount(), perSecond.stream().mapToLong(SecondStats::count).sum());
    }

    @Test
    void mergingInjectorFoldersKeepsTheDataExactAndCombinesRunJson() {
        Path a = injector("inj-a", new Random(3), 1_000, 40_000, 0, 70);
        Path b = injector("inj-b", new Random(4), 5_000, 90_000, 200, 80);
        Path out = tmp.resolve("ci-merged");

        RunMerger.merge(List.of(a, b), out);
        RunResults merged = RunFolder.read(out);

        PhaseResults sustained = merged.phases().get("sustained");
        assertSamePercentiles(allPredict, sustained.latency().orElseThrow().byEndpoint().get("predict"));
        EndpointOutcome predict = sustained.outcomes().orElseThrow().get("predict");
        assertEquals(400 + 500, predict.ok());
        assertEquals(3 + 4, predict.byStatus().get("503"));
        assertEquals(75.0 + 75.0, merged.info().phase("sustained").orElseThrow().intendedRps(),
                "each injector states its own slice; the merged phase intends their sum");
        assertEquals(2, merged.info().injectors().size());
        assertEquals(2, merged.gatlingReports().size());
        assertEquals(4, merged.samples().size());
        assertEquals("ci-merged", merged.info().runId());
    }

    @Test
    void runsOfDifferentProfilesDoNotMerge() {
        Path a = injector("inj-a", new Random(3), 1_000, 2_000, 0, 1);
        RunFixture other = new RunFixture(tmp.resolve("other"), "full", T0).phase("sustained", "sustained", 75, true, 10);
        other.writeRunJson();
        RunReadException e = assertThrows(RunReadException.class,
                () -> RunMerger.merge(List.of(a, other.dir), tmp.resolve("out")));
        assertTrue(e.getMessage().contains("different profiles"), e.getMessage());
    }

    private Path injector(String name, Random random, int minMicros, int maxMicros, int offsetMs, int perSecond) {
        RunFixture run = new RunFixture(tmp.resolve(name), "ci", T0).phase("sustained", "sustained", 75, true, 10);
        run.writeRunJson();
        RunFixture.writeLog(run.dir.resolve("phases/sustained/latency.hlog"), T0,
                intervals(random, minMicros, maxMicros, perSecond, offsetMs));
        int ok = name.equals("inj-a") ? 400 : 500;
        int errors = name.equals("inj-a") ? 3 : 4;
        run.writeOutcomes("sustained", "outcomes.json", Map.of("predict",
                Map.of("ok", ok, "ko", errors, "byStatus", Map.of("200", ok, "503", errors))));
        run.writeSampleLines(List.of(RunFixture.sample("sustained", T0.plusSeconds(1), 0.2, 0.3, 5),
                RunFixture.sample("sustained", T0.plusSeconds(3), 0.2, 0.3, 5)));
        run.writeText("gatling/simulation-1/index.html", "<html></html>");
        return run.dir;
    }

    /** Ten 1 s intervals of predict and search values; every value is also recorded in the reference. */
    private List<RunFixture.Interval> intervals(Random random, int minMicros, int maxMicros, int perSecond, int offsetMs) {
        List<RunFixture.Interval> list = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            long start = T0.toEpochMilli() + s * 1000L + offsetMs;
            for (String tag : List.of("predict", "search")) {
                long[] values = new long[perSecond];
                for (int i = 0; i < perSecond; i++) {
                    values[i] = minMicros + random.nextInt(maxMicros - minMicros);
                    allRequests.recordValue(values[i]);
                    if (tag.equals("predict")) {
                        allPredict.recordValue(values[i]);
                    }
                }
                list.add(new RunFixture.Interval(tag, start, start + 1000, values));
            }
        }
        return list;
    }

    private static void assertSamePercentiles(Histogram expected, Histogram actual) {
        assertEquals(expected.getTotalCount(), actual.getTotalCount());
        for (double p : PERCENTILES) {
            assertEquals(expected.getValueAtPercentile(p), actual.getValueAtPercentile(p), "p" + p);
        }
        assertEquals(expected.getMaxValue(), actual.getMaxValue());
    }
}
