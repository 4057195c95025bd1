package io.recallbricks.config;

/** Configuration that cannot start the service; its message is the one line the operator sees. */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String message) {
        super(message, null, false, false);
    }
}
