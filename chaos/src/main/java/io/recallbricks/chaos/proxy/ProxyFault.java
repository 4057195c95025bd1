package io.recallbricks.chaos.proxy;

import java.time.Duration;

/**
 * The fault a {@link TcpFaultProxy} currently injects.
 *
 * @param mode    what the proxy does with connections and bytes
 * @param latency the delay added to every chunk in both directions; zero unless {@code mode} is LATENCY
 */
public record ProxyFault(Mode mode, Duration latency) {

    public enum Mode {
        /** Bytes flow both ways untouched. */
        PASS_THROUGH("pass-through"),
        /** The listening port is closed (connects are refused) and every open connection is cut. */
        DOWN("down"),
        /** Connections are accepted but nothing is forwarded either way, until the fault is removed. */
        HANG("hang"),
        /** Every chunk, in both directions, is delayed by {@code latency}. */
        LATENCY("latency");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        /** The name used by the admin API and the logs. */
        public String label() {
            return label;
        }
    }

    public static final ProxyFault PASS_THROUGH = new ProxyFault(Mode.PASS_THROUGH, Duration.ZERO);
    public static final ProxyFault DOWN = new ProxyFault(Mode.DOWN, Duration.ZERO);
    public static final ProxyFault HANG = new ProxyFault(Mode.HANG, Duration.ZERO);

    public ProxyFault {
        if (mode == Mode.LATENCY ? latency.isNegative() || latency.isZero() : !latency.isZero()) {
            throw new IllegalArgumentException("a latency must be positive, and only the latency mode has one");
        }
    }

    public static ProxyFault latency(Duration perChunk) {
        return new ProxyFault(Mode.LATENCY, perChunk);
    }
}
