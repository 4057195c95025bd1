package io.recallbricks.reports.criteria;

/** How a measured value is compared with a criterion's threshold. */
public enum Operator {
    LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double measured, double threshold) {
        return switch (this) {
            case LT -> measured < threshold;
            case LE -> measured <= threshold;
            case GT -> measured > threshold;
            case GE -> measured >= threshold;
        };
    }

    /** True when smaller measured values are the good direction ({@code <}, {@code <=}). */
    public boolean lowerIsBetter() {
        return this == LT || this == LE;
    }

    static Operator fromSymbol(String symbol) {
        for (Operator op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operator '" + symbol + "'");
    }
}
