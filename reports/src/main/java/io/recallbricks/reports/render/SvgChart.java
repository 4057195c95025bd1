package io.recallbricks.reports.render;

import io.recallbricks.reports.Format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A line chart over run time as inline SVG, so the HTML report needs no script or network. Points more than
 * 1.5 s apart are not joined (a gap in the data stays visible). Long series are reduced to at most
 * {@link #MAX_POINTS} points per line, each the maximum (latency: spikes stay visible) or mean (rates) of the
 * seconds it stands for.
 */
final class SvgChart {

    static final int MAX_POINTS = 600;
    private static final int WIDTH = 760;
    private static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 26;
    private static final int BOTTOM = 30;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#17becf", "#7f7f7f"};

    /** A point: seconds since the run's start, and a value. */
    record Point(double x, double y) {
    }

    /** A line; {@code peak} selects max (else mean) when the series is reduced. */
    record Series(String name, List<Point> points, boolean peak) {
    }

    /** A labelled vertical line, e.g. the start of a phase. */
    record Marker(double x, String label) {
    }

    private SvgChart() {
    }

    static String render(String title, String unit, List<Series> series, List<Marker> markers) {
        List<Series> reduced = series.stream().map(SvgChart::reduce).filter(s -> !s.points().isEmpty()).toList();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"16\" class=\"ct\">").append(Html.esc(title))
                .append(unit.isEmpty() ? "" : " (" + Html.esc(unit) + ")").append("</text>");
        if (reduced.isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" class=\"ax\">no data</text></svg>");
            return svg.toString();
        }
        double xMin = min(reduced, Point::x);
        double xMax = Math.max(xMin + 1, max(reduced, Point::x));
        double yMax = niceCeiling(Math.max(max(reduced, Point::y), 1e-9));
        Scale sx = new Scale(xMin, xMax, LEFT, WIDTH - RIGHT);
        Scale sy = new Scale(0, yMax, HEIGHT - BOTTOM, TOP);

        for (int i = 0; i <= 4; i++) {
            double v = yMax * i / 4;
            double y = sy.map(v);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(n(y))
                    .append("\" y2=\"").append(n(y)).append("\" class=\"grid\"/>");
            svg.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(n(y + 3))
                    .append("\" text-anchor=\"end\" class=\"ax\">").append(Html.esc(tick(v, yMax))).append("</text>");
        }
        double step = timeStep(xMax - xMin);
        for (double v = Math.ceil(xMin / step) * step; v <= xMax; v += step) {
            svg.append("<text x=\"").append(n(sx.map(v))).append("\" y=\"").append(HEIGHT - 10)
                    .append("\" text-anchor=\"middle\" class=\"ax\">").append(clock(v)).append("</text>");
        }
        for (Marker m : markers) {
            if (m.x() < xMin || m.x() > xMax) {
                continue;
            }
            double x = sx.map(m.x());
            svg.append("<line x1=\"").append(n(x)).append("\" x2=\"").append(n(x)).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" class=\"mark\"/>");
            svg.append("<text x=\"").append(n(x + 3)).append("\" y=\"").append(TOP + 9).append("\" class=\"ml\">")
                    .append(Html.esc(m.label())).append("</text>");
        }
        int legendX = WIDTH - RIGHT;
        for (int i = reduced.size() - 1; i >= 0; i--) {
            String name = reduced.get(i).name();
            legendX -= 22 + 6 * name.length();
            svg.append("<rect x=\"").append(legendX).append("\" y=\"8\" width=\"10\" height=\"3\" fill=\"")
                    .append(COLORS[i % COLORS.length]).append("\"/><text x=\"").append(legendX + 13)
                    .append("\" y=\"12\" class=\"ax\">").append(Html.esc(name)).append("</text>");
        }
        for (int i = 0; i < reduced.size(); i++) {
            for (List<Point> run : runs(reduced.get(i).points())) {
                svg.append("<polyline fill=\"none\" stroke-width=\"1.4\" stroke=\"").append(COLORS[i % COLORS.length])
                        .append("\" points=\"");
                for (Point p : run) {
                    svg.append(n(sx.map(p.x()))).append(',').append(n(sy.map(p.y()))).append(' ');
                }
                svg.append("\"/>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Splits a series where consecutive points are more than 1.5 s (or one reduced step) apart. */
    private static List<List<Point>> runs(List<Point> points) {
        double step = points.size() > 1 ? Math.max(1.5, (points.get(points.size() - 1).x() - points.get(0).x())
                / (points.size() - 1) * 1.5) : 1.5;
        List<List<Point>> runs = new ArrayList<>();
        List<Point> current = new ArrayList<>();
        Point last = null;
        for (Point p : points) {
            if (last != null && p.x() - last.x() > step) {
                runs.add(current);
                current = new ArrayList<>();
            }
            current.add(p);
            last = p;
        }
        runs.add(current);
        return runs;
    }

    private static Series reduce(Series s) {
        if (s.points().size() <= MAX_POINTS) {
            return s;
        }
        int per = (int) Math.ceil(s.points().size() / (double) MAX_POINTS);
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < s.points().size(); i += per) {
            List<Point> group = s.points().subList(i, Math.min(s.points().size(), i + per));
            double y = s.peak() ? group.stream().mapToDouble(Point::y).max().orElse(0)
                    : group.stream().mapToDouble(Point::y).average().orElse(0);
            out.add(new Point(group.get(0).x(), y));
        }
        return new Series(s.name(), out, s.peak());
    }

    private static double min(List<Series> series, ToDoubleFunction<Point> f) {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(f).min().orElse(0);
    }

    private static double max(List<Series> series, ToDoubleFunction<Point> f) {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(f).max().orElse(0);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at or above {@code v}. */
    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The smallest round step (1 s ... 6 h) that puts at most 8 labels on the time axis. */
    static double timeStep(double span) {
        for (double step : new double[]{1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600}) {
            if (span / step <= 8) {
                return step;
            }
        }
        return Math.ceil(span / 8 / 3600) * 3600;
    }

    private static String tick(double v, double max) {
        if (v == Math.rint(v)) {
            return Format.number(v, 0);
        }
        return max >= 1 ? Format.number(v, 1) : Format.number(v, 3);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    private static String n(double v) {
        return Format.number(v, 1);
    }

    private record Scale(double from, double to, double outFrom, double outTo) {
        double map(double v) {
            return outFrom + (v - from) / (to - from) * (outTo - outFrom);
        }
    }
}
