package io.recallbricks.bench.gate;

/** An input the gate cannot use (missing file, not JMH output, bad baseline, bad arguments); one line for the user. */
public class GateInputException extends RuntimeException {

    public GateInputException(String message) {
        super(message);
    }
}
