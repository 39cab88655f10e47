package dev.integrationbroker.lifecycle.policy;

/** A realm policy value breaks a rule; the message names the key and the rule. */
public final class PolicyValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public PolicyValidationException(String key, String rule) {
        super(key + ": " + rule);
        this.key = key;
    }

    /** The offending policy key, e.g. {@code max-token-ttl}. */
    public String key() {
        return key;
    }
}
