package io.recallbricks.testing;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/** Reads series out of a Prometheus text scrape, for tests that check what /metrics really says. */
public final class Metrics {

    private final String scrape;

    public Metrics(String scrape) {
        this.scrape = scrape;
    }

    /** The sum of every series of {@code name} that carries all the given labels (empty when there is none). */
    public OptionalDouble value(String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean matches = labels.entrySet().stream()
                    .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\""));
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    public double valueOrZero(String name, Map<String, String> labels) {
        return value(name, labels).orElse(0);
    }

    /** Every metric name with at least one sample ({@code _bucket}, {@code _count}... included). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
                names.add(line.substring(0, end));
            }
        }
        return names;
    }

    public String text() {
        return scrape;
    }
}
