package dev.integrationbroker.lifecycle.actions;

/** An action that conflicts with the integration's state (HTTP 409); the message says why. */
public final class ActionRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ActionRefused(String reason) {
        super(reason, null, false, false);
    }
}
