package dev.integrationbroker.broker.tokenexchange;

import jakarta.ws.rs.core.Response;

/**
 * A refused exchange: the RFC error code, a sanitised description for the caller and a reason for the
 * error event. Thrown inside the broker and turned into the token endpoint's answer in one place.
 */
final class ExchangeRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String description;
    private final String reason;
    private final Response.Status status;

    ExchangeRefusal(String error, String description, String reason) {
        this(error, description, reason, Response.Status.BAD_REQUEST);
    }

    ExchangeRefusal(String error, String description, String reason, Response.Status status) {
        super(reason, null, false, false);
        this.error = error;
        this.description = ErrorDescriptions.sanitise(description);
        this.reason = reason;
        this.status = status;
    }

    String error() {
        return error;
    }

    String description() {
        return description;
    }

    String reason() {
        return reason;
    }

    Response.Status status() {
        return status;
    }
}
