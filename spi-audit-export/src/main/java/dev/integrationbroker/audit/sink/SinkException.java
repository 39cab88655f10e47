package dev.integrationbroker.audit.sink;

/** A batch was not delivered; it stays in the outbox and is retried after a back-off. */
public final class SinkException extends Exception {

    private static final long serialVersionUID = 1L;

    public SinkException(String message) {
        super(message);
    }

    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
