package io.recallbricks.perf.run;

import io.recallbricks.perf.config.PhaseSpec;
import io.recallbricks.perf.record.PhaseRecorder;
import java.util.Map;
import java.util.Optional;

/** The console line printed every few seconds while a phase runs. */
final class ProgressLine {

    private ProgressLine() {
    }

    static String format(PhaseSpec phase, PhaseRecorder.Progress p, Optional<Map<String, Object>> server) {
        long total = phase.load().duration().toSeconds();
        StringBuilder line = new StringBuilder(String.format("[%s %.0f rps] %s/%s  achieved %6.1f rps  p95 %s  errors %d (%.2f%%)",
                phase.name(), phase.load().rps(), clock(p.elapsedMillis() / 1000), clock(total), p.recentRps(),
                Double.isNaN(p.p95Ms()) ? "   -   " : String.format("%6.1f ms", p.p95Ms()), p.failures(),
                p.requests() == 0 ? 0.0 : 100.0 * p.failures() / p.requests()));
        server.ifPresent(s -> {
            if (s.get("processCpu") instanceof Number cpu) line.append(String.format("  | service cpu %.0f%%", 100 * cpu.doubleValue()));
            if (s.get("rssBytes") instanceof Number rss) line.append(String.format(" rss %d MB", rss.longValue() >> 20));
            if (s.get("pgConnections") instanceof Number pg) line.append(" pg conns ").append(pg);
        });
        return line.toString();
    }

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
