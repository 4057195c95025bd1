package io.recallbricks.perf.provision;

/** The suite could not set up what it needs (exit code 2), with a message that says why. */
public class ProvisioningException extends RuntimeException {

    public ProvisioningException(String message) {
        super(message);
    }

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
