package io.recallbricks.reports.topology;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The report's "Topology" section: what {@code deploy/drill} found when the run went through nginx, PgBouncer, three
 * instances, a replica and Prometheus. Informational: the drill gates on its own checks (its exit code); the SLA
 * criteria above are judged as for any run. Each renderer calls one method here and appends what it returns.
 */
public final class TopologySection {

    private TopologySection() {
    }

    public static String markdown(Path runDir) {
        return TopologyResults.read(runDir).map(TopologySection::markdown).orElse("");
    }

    public static String html(Path runDir) {
        return TopologyResults.read(runDir).map(TopologySection::html).orElse("");
    }

    public static Optional<Map<String, Object>> json(Path runDir) {
        return TopologyResults.read(runDir).map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", t.variant());
            m.put("passed", t.passed());
            m.put("checks", t.checks());
            return m;
        });
    }

    static String markdown(TopologyResults t) {
        StringBuilder md = new StringBuilder("\n### Topology: ").append(verdict(t)).append("\n\n");
        md.append("nginx, PgBouncer, three instances, a streaming replica, Redis, Prometheus (`deploy/drill`, ")
                .append(t.variant()).append(" variant, ").append(t.startedAt()).append(" to ").append(t.finishedAt())
                .append(").\n\n| Drill | Result | Figure |\n|---|---|---|\n");
        for (TopologyResults.Check c : t.checks()) {
            md.append("| ").append(cell(c.name())).append(" | ").append(c.passed() ? "✅ " : "❌ ").append(c.result()).append(" | ")
                    .append(cell(c.figure())).append(" |\n");
        }
        return md.toString();
    }

    static String html(TopologyResults t) {
        StringBuilder h = new StringBuilder("<h2>Topology: ").append(esc(verdict(t))).append("</h2>");
        h.append("<p class=\"muted\">nginx, PgBouncer, three instances, a streaming replica, Redis, Prometheus (deploy/drill, ")
                .append(esc(t.variant())).append(" variant). Informational: the drill's own exit code gates it.</p>");
        h.append("<table><tr><th>Drill</th><th>Result</th><th>Figure</th></tr>");
        for (TopologyResults.Check c : t.checks()) {
            h.append("<tr><td>").append(esc(c.name())).append("</td><td class=\"").append(c.passed() ? "PASS" : "FAIL")
                    .append("\">").append(c.result()).append("</td><td>").append(esc(c.figure()))
                    .append("</td></tr>");
        }
        return h.append("</table>\n").toString();
    }

    private static String verdict(TopologyResults t) {
        long passed = t.checks().stream().filter(TopologyResults.Check::passed).count();
        return passed + " of " + t.checks().size() + " drills passed";
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
