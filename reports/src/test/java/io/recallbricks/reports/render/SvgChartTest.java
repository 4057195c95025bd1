package io.recallbricks.reports.render;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartTest {

    @Test
    void longSeriesAreReducedKeepingTheirPeaksAndGapsAreNotJoined() {
        List<SvgChart.Point> points = new ArrayList<>();
        for (int s = 0; s < 3000; s++) {
            points.add(new SvgChart.Point(s, s == 1234 ? 900 : 10));
        }
        for (int s = 4000; s < 4010; s++) {     // after a gap of 1000 s
            points.add(new SvgChart.Point(s, 10));
        }
        String svg = SvgChart.render("Latency predict", "ms", List.of(new SvgChart.Series("p99", points, true)), List.of());

        Matcher polylines = Pattern.compile("points=\"([^\"]*)\"").matcher(svg);
        int lines = 0;
        int drawn = 0;
        while (polylines.find()) {
            lines++;
            drawn += polylines.group(1).trim().split(" ").length;
        }
        assertEquals(2, lines, "the gap splits the line");
        assertTrue(drawn <= SvgChart.MAX_POINTS + 10, "reduced to at most " + SvgChart.MAX_POINTS + ": " + drawn);
        assertTrue(svg.contains(">1000<"), "the single 900 ms spike survives reduction and sets the axis (1000)");
    }

    @Test
    void axesUseRoundSteps() {
        assertEquals(1000, SvgChart.niceCeiling(900));
        assertEquals(250, SvgChart.niceCeiling(201));
        assertEquals(0.05, SvgChart.niceCeiling(0.042), 1e-12);
        assertEquals(60, SvgChart.timeStep(400));
        assertEquals(5, SvgChart.timeStep(39));
    }
}
