package io.recallbricks.reports.render;

import io.recallbricks.reports.evaluation.CriterionResult;
import io.recallbricks.reports.evaluation.Evaluation;
import io.recallbricks.reports.evaluation.Status;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;

/**
 * junit.xml: one test case per criterion, so CI shows the SLA next to the unit tests. A failed criterion and an
 * unmeasured required one are failures; an unmeasured optional one is skipped.
 */
public final class JunitReport {
    private JunitReport() {
    }

    public static String render(Evaluation e) {
        String suite = "sla." + (e.run().info().profile() == null ? "run" : e.run().info().profile());
        long failures = e.results().stream().filter(CriterionResult::failsGate).count();
        long skipped = e.results().stream().filter(r -> (r.status() == Status.NOT_MEASURED || r.status() == Status.LEFT_OUT)
                && !r.failsGate()).count();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", suite);
            x.writeAttribute("tests", String.valueOf(e.results().size()));
            x.writeAttribute("failures", String.valueOf(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", String.valueOf(skipped));
            if (e.run().info().finishedAt() != null) {
                x.writeAttribute("timestamp", e.run().info().finishedAt().toString());
            }
            x.writeCharacters("\n");
            x.writeStartElement("properties");
            property(x, "runId", e.run().info().runId());
            property(x, "criteriaVersion", e.criteria().version());
            property(x, "verdict", e.verdict());
            for (String bound : e.injectorBoundPhases()) {
                property(x, "injectorBound", bound);
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            for (CriterionResult r : e.results()) {
                testcase(x, suite, r);
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException("cannot write junit.xml", ex);
        }
        return out.toString();
    }

    private static void testcase(XMLStreamWriter x, String suite, CriterionResult r) throws XMLStreamException {
        x.writeCharacters("  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", suite);
        x.writeAttribute("name", r.criterion().id() + ": " + r.criterion().title() + " " + r.criterion().describeTarget());
        x.writeAttribute("time", "0");
        String summary = "measured " + r.measuredText() + (r.phase() == null ? "" : " in phase " + r.phase())
                + ", target " + r.criterion().describeTarget();
        if (r.failsGate()) {
            x.writeStartElement("failure");
            x.writeAttribute("type", r.status() == Status.FAIL ? "CriterionNotMet" : "CriterionNotMeasured");
            x.writeAttribute("message", summary);
            x.writeCharacters(r.note() == null ? summary : r.note());
            x.writeEndElement();
        } else if (r.status() == Status.LEFT_OUT) {
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", "left out on purpose, the verdict is " + "\"PASSED without\"" + ": " + r.note());
        } else if (r.status() == Status.NOT_MEASURED) {
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", "optional criterion not measured: " + r.note());
        } else {
            x.writeStartElement("system-out");
            x.writeCharacters(summary + (r.note() == null ? "" : "; " + r.note()));
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", value == null ? "" : value);
    }
}
