package io.recallbricks.reports.render;

import io.recallbricks.reports.Format;
import io.recallbricks.reports.chaos.Experiment;
import io.recallbricks.reports.compare.Comparison;
import io.recallbricks.reports.criteria.SampleQuantity;
import io.recallbricks.reports.evaluation.CriterionResult;
import io.recallbricks.reports.evaluation.EndpointPhaseStats;
import io.recallbricks.reports.evaluation.Evaluation;
import io.recallbricks.reports.evaluation.PhaseRates;
import io.recallbricks.reports.jmh.BenchmarkRow;
import io.recallbricks.reports.topology.TopologySection;
import io.recallbricks.reports.run.PhaseLatency;
import io.recallbricks.reports.run.PhaseResults;
import io.recallbricks.reports.run.RunInfo;
import io.recallbricks.reports.run.RunResults;
import io.recallbricks.reports.run.SecondStats;
import io.recallbricks.reports.run.ServerSample;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * sla-report.html: one self-contained page (inline CSS and SVG, no script, no network) with the criteria table,
 * phases, per-endpoint latency, charts over time, server samples, stress, comparison, microbenchmarks and
 * resilience. Sections whose data is absent are left out.
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
            h3{font-size:15px;margin:18px 0 6px}table{border-collapse:collapse;margin:6px 0 12px;width:100%}
            th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f5f5f5}
            td.n{text-align:right;font-variant-numeric:tabular-nums}.PASS{color:#137333;font-weight:600}
            .FAIL,.NOT_MEASURED{color:#b3261e;font-weight:600}.SKIPPED{color:#777}.banner{padding:10px 14px;border-radius:6px;font-size:16px;font-weight:600;margin:10px 0}
            .ok{background:#e6f4ea;color:#137333}.bad{background:#fce8e6;color:#b3261e}.muted{color:#666}.warn{color:#b06000;font-weight:600}.banner.warn{background:#fef7e0}
            svg.chart{width:100%;max-width:760px;height:auto;display:block;margin:4px 0 14px}
            .ct{font-size:12px;font-weight:600;fill:#222}.ax{font-size:10px;fill:#555}.ml{font-size:9px;fill:#777}
            .grid{stroke:#eee;stroke-width:1}.mark{stroke:#aaa;stroke-dasharray:3 3}
            """;

    private HtmlReport() {
    }

    public static String render(ReportContent content) {
        Evaluation e = content.evaluation();
        RunResults run = e.run();
        RunInfo info = run.info();
        long origin = origin(run);
        List<SvgChart.Marker> markers = markers(info, origin);

        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<title>SLA report ").append(Html.esc(info.runId())).append("</title><style>").append(CSS)
                .append("</style></head><body>\n");
        h.append("<h1>SLA report: ").append(Html.esc(info.runId())).append("</h1>");
        h.append("<div class=\"muted\">profile <b>").append(Html.esc(info.profile())).append("</b> &middot; ")
                .append(Html.esc(String.valueOf(info.startedAt()))).append(" to ").append(Html.esc(String.valueOf(info.finishedAt())))
                .append(" &middot; criteria version ").append(Html.esc(e.criteria().version())).append(" &middot; target ")
                .append(Html.esc(String.valueOf(info.target()))).append("</div>");
        h.append("<div class=\"banner ").append(!e.passed() ? "bad\">FAILED: " + e.failures().size() + " criterion(s) not met"
                : e.leftOut().isEmpty() ? "ok\">PASSED: every criterion met"
                : "warn\">" + Html.esc(e.verdict()) + ": left out on purpose").append("</div>\n");
        for (String bound : e.injectorBoundPhases()) {
            h.append("<div class=\"banner bad\">INJECTOR-BOUND ").append(Html.esc(bound))
                    .append(": the injector fell behind its schedule, so this phase measures the load generator; "
                            + "the run cannot pass on it</div>\n");
        }
        gatlingLinks(h, run);

        // Pictures first: rate and latency over time, the stress ladder and its break point; then the tables.
        charts(h, run, origin, markers);
        stress(h, info);
        criteria(h, e);
        phases(h, run, e);
        endpoints(h, e);
        samples(h, run, origin, markers);
        injectors(h, info);
        comparison(h, content);
        microbenchmarks(h, run);
        resilience(h, run);
        h.append(TopologySection.html(run.dir()));
        return h.append("\n</body></html>\n").toString();
    }

    private static void gatlingLinks(StringBuilder h, RunResults run) {
        if (run.gatlingReports().isEmpty()) {
            return;
        }
        h.append("<p>Gatling's own report: ");
        for (Path p : run.gatlingReports()) {
            String href = "../" + p.toString().replace('\\', '/');
            h.append("<a href=\"").append(Html.esc(href)).append("\">").append(Html.esc(p.getParent() == null
                    ? "index.html" : p.getParent().toString())).append("</a> ");
        }
        h.append("</p>\n");
    }

    private static void criteria(StringBuilder h, Evaluation e) {
        h.append("<h2>Success criteria</h2><table><tr><th>Metric</th><th>Target</th><th>Measured</th><th>Phase</th>")
                .append("<th>Result</th><th>How measured</th></tr>\n");
        for (CriterionResult r : e.results()) {
            String css = r.verdictText().equals("SKIPPED") ? "SKIPPED" : r.status().name();
            h.append("<tr><td>").append(Html.esc(r.criterion().title())).append("</td><td>")
                    .append(Html.esc(r.criterion().describeTarget())).append("</td><td class=\"n\">")
                    .append(Html.esc(r.measuredText())).append("</td><td>").append(Html.esc(r.phase()))
                    .append("</td><td class=\"").append(css).append("\">").append(Html.esc(r.verdictText()))
                    .append("</td><td class=\"muted\">").append(Html.esc(r.note())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * Offered, sent, achieved and good rates side by side (per second of the arrival window), the injector's own
     * load, and whether the machine was saturated: a phase's latencies mean something only when neither holds.
     */
    private static void phases(StringBuilder h, RunResults run, Evaluation e) {
        h.append("<h2>Phases</h2><p class=\"muted\">Rates per second of the arrival window: offered = the schedule, "
                + "sent = what the injector really sent, achieved = responses completed inside the window, good = those "
                + "with the expected status inside the client timeout.</p><table><tr><th>Phase</th><th>Role</th>"
                + "<th>Judged</th><th>Offered</th><th>Sent</th><th>Achieved</th><th>Good</th><th>Injector</th>"
                + "<th>Machine CPU</th><th>Cache hit rate</th><th>Duration</th></tr>\n");
        for (PhaseRates r : PhaseRates.of(run)) {
            RunInfo.Phase i = run.info().phase(r.phase()).orElse(null);
            RunInfo.InjectorLoad inj = r.injector();
            String injector = inj == null ? "n/a" : (r.injectorBound() ? "BOUND: " + inj.why() + "; " : "")
                    + "send lag p99 " + Format.value(inj.sendLagP99Ms(), "ms") + ", CPU "
                    + (inj.cpuShare() == null ? "n/a" : Format.number(100 * inj.cpuShare(), 1) + " %");
            h.append("<tr><td>").append(Html.esc(r.phase())).append("</td><td>").append(Html.esc(r.role()))
                    .append("</td><td>").append(r.judged() ? "yes" : "no").append("</td>");
            cells(h, rate(r.offeredRps()), rate(r.sentRps()), rate(r.achievedRps()), rate(r.goodRps()));
            h.append("<td class=\"").append(r.injectorBound() ? "FAIL" : "muted").append("\">").append(Html.esc(injector))
                    .append("</td><td class=\"").append(r.machineSaturated() ? "FAIL" : "n").append("\">")
                    .append(r.machineCpu() == null ? "n/a" : Format.number(100 * r.machineCpu(), 0) + " %"
                            + (r.machineSaturated() ? " saturated" : ""))
                    .append("</td><td class=\"n\">").append(r.cacheHitRate() == null ? "n/a"
                            : Format.number(100 * r.cacheHitRate(), 1) + " %")
                    .append("</td><td class=\"n\">")
                    .append(i == null ? "" : i.duration().map(d -> Format.number(d.toMillis() / 1000.0, 0) + " s").orElse(""))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String rate(Double rps) {
        return rps == null ? "n/a" : Format.number(rps, 1);
    }

    private static void endpoints(StringBuilder h, Evaluation e) {
        if (e.endpointStats().isEmpty()) {
            return;
        }
        h.append("<details><summary><b>Latency per endpoint and phase (ms)</b></summary><table><tr><th>Phase</th><th>Endpoint</th><th>Requests</th>")
                .append("<th>OK</th><th>KO</th><th>rps</th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>max</th></tr>\n");
        for (EndpointPhaseStats s : e.endpointStats()) {
            boolean all = s.endpoint().equals(PhaseLatency.ALL);
            h.append("<tr").append(all ? " style=\"font-weight:600\"" : "").append("><td>").append(Html.esc(s.phase()))
                    .append("</td><td>").append(Html.esc(s.endpoint())).append("</td>");
            cells(h, String.valueOf(s.count()), s.ok() == null ? "n/a" : s.ok().toString(),
                    s.ko() == null ? "n/a" : s.ko().toString(), Format.number(s.rps(), 1), Format.number(s.p50(), 1),
                    Format.number(s.p90(), 1), Format.number(s.p95(), 1), Format.number(s.p99(), 1),
                    Format.number(s.max(), 1));
            h.append("</tr>\n");
        }
        h.append("</table></details>\n");
    }

    private static void charts(StringBuilder h, RunResults run, long origin, List<SvgChart.Marker> markers) {
        Map<String, List<SecondStats>> byEndpoint = new TreeMap<>();
        for (PhaseResults p : run.phases().values()) {
            p.latency().ifPresent(l -> l.perSecond().forEach((endpoint, list) ->
                    byEndpoint.computeIfAbsent(endpoint, k -> new ArrayList<>()).addAll(list)));
        }
        if (byEndpoint.isEmpty()) {
            return;
        }
        byEndpoint.values().forEach(l -> l.sort((a, b) -> Long.compare(a.epochSecond(), b.epochSecond())));
        h.append("<h2>Over time</h2><p class=\"muted\">Per wall-clock second, all injectors merged; dashed lines mark ")
                .append("phase starts. Long runs are drawn at most ").append(SvgChart.MAX_POINTS)
                .append(" points per line (latency: the maximum of the seconds a point stands for; rate: their mean).</p>\n");
        List<SvgChart.Series> rates = new ArrayList<>();
        byEndpoint.forEach((endpoint, list) -> {
            if (!endpoint.equals(PhaseLatency.ALL)) {
                rates.add(series(endpoint, list, origin, s -> s.count(), false));
            }
        });
        h.append(SvgChart.render("Throughput per endpoint", "responses/s", rates, markers));
        List<String> order = new ArrayList<>(byEndpoint.keySet());
        order.remove(PhaseLatency.ALL);
        order.add(0, PhaseLatency.ALL);
        for (String endpoint : order) {
            List<SecondStats> list = byEndpoint.get(endpoint);
            h.append("<h3>").append(Html.esc(endpoint.equals(PhaseLatency.ALL) ? "All requests" : endpoint)).append("</h3>");
            h.append(SvgChart.render("Latency " + endpoint, "ms", List.of(
                    series("p50", list, origin, SecondStats::p50Ms, true),
                    series("p95", list, origin, SecondStats::p95Ms, true),
                    series("p99", list, origin, SecondStats::p99Ms, true)), markers));
            h.append(SvgChart.render("Throughput " + endpoint, "responses/s",
                    List.of(series("rate", list, origin, s -> s.count(), false)), markers));
        }
    }

    private static SvgChart.Series series(String name, List<SecondStats> list, long origin,
                                          ToDoubleFunction<SecondStats> y, boolean peak) {
        return new SvgChart.Series(name, list.stream()
                .map(s -> new SvgChart.Point(s.epochSecond() - origin, y.applyAsDouble(s))).toList(), peak);
    }

    private static void samples(StringBuilder h, RunResults run, long origin, List<SvgChart.Marker> markers) {
        List<ServerSample> samples = run.samples().stream().filter(s -> s.t() != null).toList();
        if (samples.isEmpty()) {
            return;
        }
        h.append("<h2>Server samples</h2><p class=\"muted\">").append(samples.size())
                .append(" samples of the service's /metrics (and pg_stat_activity).</p>\n");
        h.append(sampleChart("CPU", "%", samples, origin, markers, SampleQuantity.PROCESS_CPU, SampleQuantity.SYSTEM_CPU));
        h.append(sampleChart("Memory against its limit", "%", samples, origin, markers,
                SampleQuantity.RSS_RATIO, SampleQuantity.HEAP_RATIO));
        h.append(sampleChart("DB connections", "", samples, origin, markers, SampleQuantity.DB_CONNECTIONS_ACTIVE,
                SampleQuantity.DB_CONNECTIONS_OPEN, SampleQuantity.PG_CONNECTIONS));
        h.append(sampleChart("Cache hit rate", "%", samples, origin, markers, SampleQuantity.CACHE_HIT_RATE));
        double peakRss = samples.stream().filter(s -> s.rssBytes() != null).mapToDouble(ServerSample::rssBytes).max().orElse(-1);
        if (peakRss >= 0) {
            h.append("<p>Peak resident memory of the service: <b>").append(Format.number(peakRss / (1024 * 1024), 0))
                    .append(" MiB</b></p>\n");
        }
        stateChanges(h, samples);
    }

    private static String sampleChart(String title, String unit, List<ServerSample> samples, long origin,
                                      List<SvgChart.Marker> markers, SampleQuantity... quantities) {
        List<SvgChart.Series> series = new ArrayList<>();
        for (SampleQuantity q : quantities) {
            List<SvgChart.Point> points = new ArrayList<>();
            for (ServerSample s : samples) {
                OptionalDouble v = s.quantity(q);
                if (v.isPresent()) {
                    points.add(new SvgChart.Point(s.t().getEpochSecond() - origin, v.getAsDouble()));
                }
            }
            series.add(new SvgChart.Series(q.key(), points, true));
        }
        return series.stream().allMatch(s -> s.points().isEmpty()) ? "" : SvgChart.render(title, unit, series, markers);
    }

    /** Breaker states and degradation level are states, not numbers: a list of changes reads better. */
    private static void stateChanges(StringBuilder h, List<ServerSample> samples) {
        Map<String, String> last = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        for (ServerSample s : samples) {
            Map<String, String> now = new TreeMap<>();
            s.breakers().forEach((name, state) -> now.put("breaker " + name, state));
            if (s.degradationLevel() != null) {
                now.put("degradation", s.degradationLevel());
            }
            now.forEach((k, v) -> {
                String before = last.put(k, v);
                if (before != null && !before.equals(v)) {
                    rows.add("<tr><td>" + Html.esc(s.t().toString()) + "</td><td>" + Html.esc(k) + "</td><td>"
                            + Html.esc(before) + " &rarr; " + Html.esc(v) + "</td></tr>");
                }
            });
        }
        if (last.isEmpty()) {
            return;
        }
        h.append("<h3>Breakers and degradation</h3>");
        if (rows.isEmpty()) {
            h.append("<p>No state changes; throughout: ").append(Html.esc(last.toString())).append("</p>\n");
        } else {
            h.append("<table><tr><th>Time</th><th>What</th><th>Change</th></tr>").append(String.join("\n", rows)).append("</table>\n");
        }
    }

    /**
     * The stress run as a picture: one pair of bars per step in the order it ran (the ladder, then the bisection),
     * offered rate (grey) and good rate (green if the step held, red if it broke), the break point marked; the
     * table below says what each broken step missed.
     */
    private static void stress(StringBuilder h, RunInfo info) {
        if (info.stress() == null || info.stress().steps().isEmpty()) {
            return;
        }
        RunInfo.Stress st = info.stress();
        h.append("<h2>Stress ladder and break point</h2><p>Break point (highest offered rate that held): <b>")
                .append(st.breakPointRps() == null ? "not reached" : Format.value(st.breakPointRps(), "rps"))
                .append("</b>");
        if (st.breakPointGoodRps() != null) {
            h.append(", good rate there ").append(Format.value(st.breakPointGoodRps(), "rps"));
        }
        if (st.limitedBy() != null) {
            h.append("; ran out: ").append(Html.esc(st.limitedBy()));
        }
        h.append("</p>\n").append(ladderSvg(st));
        h.append("<table><tr><th>Step</th><th>Offered</th><th>Good</th><th>Held</th><th>Missed</th></tr>");
        for (RunInfo.Stress.Step s : st.steps()) {
            h.append("<tr><td>").append(Html.esc(s.phase())).append("</td><td class=\"n\">")
                    .append(Format.value(s.intendedRps(), "rps")).append("</td><td class=\"n\">")
                    .append(s.goodRps() == null ? "n/a" : Format.value(s.goodRps(), "rps")).append("</td><td class=\"")
                    .append(Boolean.TRUE.equals(s.held()) ? "PASS\">yes" : "FAIL\">no").append("</td><td class=\"muted\">")
                    .append(s.missed() == null ? "" : Html.esc(String.join(", ", s.missed()))).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static String ladderSvg(RunInfo.Stress st) {
        List<RunInfo.Stress.Step> steps = st.steps();
        double max = steps.stream().mapToDouble(s -> Math.max(s.intendedRps() == null ? 0 : s.intendedRps(),
                s.goodRps() == null ? 0 : s.goodRps())).max().orElse(1);
        int w = 760;
        int ht = 220;
        int left = 50;
        int bottom = 30;
        double slot = (w - left - 10.0) / Math.max(1, steps.size());
        double scale = (ht - bottom - 20) / Math.max(1, max);
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 " + w + " " + ht
                + "\" role=\"img\" aria-label=\"Stress ladder\"><text class=\"ct\" x=\"" + left
                + "\" y=\"12\">Offered (grey) and good (green held, red broke) rate per step, rps</text>");
        for (int i = 0; i < steps.size(); i++) {
            RunInfo.Stress.Step s = steps.get(i);
            double x = left + i * slot;
            double offered = s.intendedRps() == null ? 0 : s.intendedRps();
            double good = s.goodRps() == null ? 0 : s.goodRps();
            double bw = Math.max(2, slot * 0.38);
            svg.append(bar(x + slot * 0.1, bw, offered * scale, ht - bottom, "#bbb"));
            svg.append(bar(x + slot * 0.1 + bw, bw, good * scale, ht - bottom,
                    Boolean.TRUE.equals(s.held()) ? "#137333" : "#b3261e"));
            svg.append("<text class=\"ax\" x=\"").append(n(x + slot * 0.1)).append("\" y=\"").append(ht - bottom + 12)
                    .append("\">").append(Format.number(offered, 0)).append("</text>");
        }
        if (st.breakPointRps() != null) {
            double y = ht - bottom - st.breakPointRps() * scale;
            svg.append("<line class=\"mark\" x1=\"").append(left).append("\" x2=\"").append(w - 10).append("\" y1=\"")
                    .append(n(y)).append("\" y2=\"").append(n(y)).append("\"/><text class=\"ml\" x=\"").append(left)
                    .append("\" y=\"").append(n(y - 3)).append("\">break point ")
                    .append(Format.number(st.breakPointRps(), 0)).append(" rps</text>");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String bar(double x, double width, double height, double base, String color) {
        return "<rect x=\"" + n(x) + "\" y=\"" + n(base - height) + "\" width=\"" + n(width) + "\" height=\""
                + n(Math.max(0, height)) + "\" fill=\"" + color + "\"/>";
    }

    private static String n(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** The suite's own overhead: each injector's CPU seconds over its wall seconds and cores. */
    private static void injectors(StringBuilder h, RunInfo info) {
        if (info.injectors().isEmpty()) {
            return;
        }
        h.append("<h2>Injectors</h2><table><tr><th>Injector</th><th>CPU seconds</th><th>Wall seconds</th>")
                .append("<th>Cores</th><th>CPU share of the machine</th></tr>");
        for (RunInfo.Injector i : info.injectors()) {
            String share = i.cpuSeconds() == null || i.wallSeconds() == null || i.cores() == null || i.wallSeconds() <= 0
                    ? "n/a" : Format.value(100 * i.cpuSeconds() / (i.wallSeconds() * i.cores()), "%");
            h.append("<tr><td>").append(Html.esc(i.name())).append("</td>");
            cells(h, i.cpuSeconds() == null ? "" : Format.number(i.cpuSeconds(), 1),
                    i.wallSeconds() == null ? "" : Format.number(i.wallSeconds(), 1),
                    i.cores() == null ? "" : i.cores().toString(), share);
            h.append("</tr>");
        }
        h.append("</table>\n");
    }

    private static void comparison(StringBuilder h, ReportContent content) {
        h.append("<h2>Compared with the previous run</h2>");
        if (content.comparison().isEmpty()) {
            h.append("<p class=\"muted\">").append(Html.esc(content.comparisonNote())).append("</p>\n");
            return;
        }
        Comparison c = content.comparison().get();
        h.append("<p>Previous run <b>").append(Html.esc(c.previousRunId())).append("</b>. A regression is a move in the bad ")
                .append("direction by more than ").append(Format.number(c.tolerancePercent(), 0))
                .append("% of the previous value and more than the unit's floor (flagged, not gated).</p>");
        h.append("<table><tr><th>Metric</th><th>Previous</th><th>Now</th><th>Delta</th><th></th></tr>");
        for (Comparison.CriterionDelta d : c.criteria()) {
            h.append("<tr><td>").append(Html.esc(d.title())).append("</td>");
            cells(h, Format.value(d.previous(), d.unit()), Format.value(d.current(), d.unit()),
                    d.delta() == null ? "" : Format.delta(d.delta(), d.unit()));
            h.append("<td class=\"warn\">").append(d.regression() ? "regression" : "").append("</td></tr>");
        }
        h.append("</table><h3>p95 per endpoint</h3><table><tr><th>Phase</th><th>Endpoint</th><th>Previous</th>")
                .append("<th>Now</th><th>Delta</th><th></th></tr>");
        for (Comparison.EndpointDelta d : c.endpoints()) {
            h.append("<tr><td>").append(Html.esc(d.phase())).append("</td><td>").append(Html.esc(d.endpoint())).append("</td>");
            cells(h, Format.value(d.previousP95(), "ms"), Format.value(d.currentP95(), "ms"), Format.delta(d.delta(), "ms"));
            h.append("<td class=\"warn\">").append(d.regression() ? "regression" : "").append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void microbenchmarks(StringBuilder h, RunResults run) {
        if (run.microbenchmarks().isEmpty()) {
            return;
        }
        h.append("<h2>Microbenchmarks</h2><p class=\"muted\">JMH results of this run. Ratio: cost relative to the ")
                .append("in-run reference (above 1 is slower than the reference).</p><table><tr><th>Benchmark</th>")
                .append("<th>Mode</th><th>Score</th><th>Error</th><th>Unit</th><th>Reference</th><th>Ratio</th><th>Gate</th></tr>");
        for (BenchmarkRow r : run.microbenchmarks().get()) {
            h.append("<tr><td>").append(Html.esc(r.benchmark().label())).append("</td><td>")
                    .append(Html.esc(r.benchmark().mode())).append("</td>");
            cells(h, Format.number(r.benchmark().score(), 3),
                    Double.isNaN(r.benchmark().error()) ? "n/a" : "&plusmn; " + Format.number(r.benchmark().error(), 3));
            h.append("<td>").append(Html.esc(r.benchmark().unit())).append("</td><td>")
                    .append(r.reference() == null ? "" : Html.esc(r.reference().label())).append("</td>");
            cells(h, r.ratio() == null ? "" : Format.number(r.ratio(), 2));
            h.append("<td class=\"").append(r.gate() != null && "REPORT_ONLY".equals(r.gate().verdict()) ? "SKIPPED" : "muted")
                    .append("\">").append(r.gate() == null ? "" : Html.esc(r.gate().text())).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void resilience(StringBuilder h, RunResults run) {
        if (run.experiments().isEmpty()) {
            return;
        }
        h.append("<h2>Resilience</h2><table><tr><th>Experiment</th><th>Verdict</th><th>Fault</th>")
                .append("<th>Breaker transitions</th><th>Requests during the fault</th><th>Writes</th><th>MTTR</th></tr>");
        for (Experiment x : run.experiments().get()) {
            h.append("<tr><td>").append(Html.esc(x.title())).append("<div class=\"muted\">").append(Html.esc(x.file()))
                    .append("</div></td><td class=\"").append(x.passed() ? "PASS\">passed" : "FAIL\">failed");
            x.deviations().forEach(d -> h.append("<div class=\"muted\">").append(Html.esc(d)).append("</div>"));
            h.append("</td><td>").append(Html.esc(x.fault())).append("<div class=\"muted\">")
                    .append(Html.esc(range(x.faultInjectedAt(), x.faultRemovedAt()))).append("</div></td><td>");
            for (Experiment.BreakerTransition t : x.breakerTransitions()) {
                h.append(Html.esc(since(x.faultInjectedAt(), t.t()) + " " + t.breaker() + ": " + t.from() + " \u2192 " + t.to()))
                        .append("<br>");
            }
            h.append("</td><td>");
            if (x.requestsDuringFault() != null) {
                h.append("OK ").append(x.requestsDuringFault().ok()).append(", KO ").append(x.requestsDuringFault().ko());
                x.requestsDuringFault().byStatus().forEach((k, v) -> h.append("<br>").append(Html.esc(k)).append(": ").append(v));
            }
            h.append("</td><td>");
            if (x.writes() != null) {
                h.append(x.writes().verifiedIntact()).append(" of ").append(x.writes().acknowledged())
                        .append(" acknowledged verified intact").append(x.writes().lost() > 0
                                ? "<br><span class=\"FAIL\">" + x.writes().lost() + " lost</span>" : "")
                        .append("<br>").append(x.writes().unacknowledged()).append(" unacknowledged, ")
                        .append(x.writes().halfWritten()).append(" half-written");
            }
            h.append("</td><td class=\"n\">").append(x.mttrSeconds() == null ? "" : Format.number(x.mttrSeconds(), 1) + " s")
                    .append(x.mttrBoundSeconds() == null ? "" : "<div class=\"muted\">bound " + Format.number(x.mttrBoundSeconds(), 0) + " s</div>")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String range(Instant from, Instant to) {
        return from == null ? "" : from + (to == null ? "" : " to " + to);
    }

    /** "+12.3 s" after the fault's injection, or the absolute time when the injection time is unknown. */
    private static String since(Instant injected, Instant t) {
        if (t == null) {
            return "?";
        }
        return injected == null ? t.toString() : "+" + Format.number((t.toEpochMilli() - injected.toEpochMilli()) / 1000.0, 1) + " s";
    }

    private static void cells(StringBuilder h, String... values) {
        for (String v : values) {
            h.append("<td class=\"n\">").append(v).append("</td>");
        }
    }

    /** Time zero of the charts: the run's start, else the earliest data. */
    private static long origin(RunResults run) {
        if (run.info().startedAt() != null) {
            return run.info().startedAt().getEpochSecond();
        }
        TreeSet<Long> starts = new TreeSet<>();
        run.phases().values().forEach(p -> p.latency().ifPresent(l -> starts.add(Math.floorDiv(l.firstMs(), 1000))));
        run.samples().stream().filter(s -> s.t() != null).findFirst().ifPresent(s -> starts.add(s.t().getEpochSecond()));
        return starts.isEmpty() ? 0 : starts.first();
    }

    private static List<SvgChart.Marker> markers(RunInfo info, long origin) {
        return info.phases().stream().filter(p -> p.startedAt() != null)
                .map(p -> new SvgChart.Marker(p.startedAt().getEpochSecond() - origin, p.name())).toList();
    }
}
