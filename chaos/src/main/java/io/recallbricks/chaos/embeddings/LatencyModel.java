package io.recallbricks.chaos.embeddings;

import com.github.tomakehurst.wiremock.http.DelayDistribution;
import com.github.tomakehurst.wiremock.http.LogNormal;

/**
 * Turns "median and p99", the figures one reads off a provider's latency chart, into WireMock's log-normal
 * delay distribution, whose parameters are the median and sigma: for a log-normal, p99 = median * e^(2.326 * sigma).
 */
final class LatencyModel {

    /** The standard normal quantile of 0.99. */
    private static final double Z_99 = 2.3263478740408408;

    private LatencyModel() {
    }

    /** The distribution, or {@code null} when no latency is configured (WireMock's "no delay"). */
    static DelayDistribution from(int medianMs, int p99Ms) {
        if (medianMs == 0) {
            return null;
        }
        int p99 = p99Ms == 0 ? medianMs : p99Ms;
        return new LogNormal(medianMs, sigmaFor(medianMs, p99));
    }

    static double sigmaFor(double median, double p99) {
        return Math.log(p99 / median) / Z_99;
    }
}
