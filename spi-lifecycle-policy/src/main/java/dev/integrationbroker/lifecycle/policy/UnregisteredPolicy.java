package dev.integrationbroker.lifecycle.policy;

/** Realm policy {@code unregistered-service-accounts}: what happens to service accounts without metadata. */
public enum UnregisteredPolicy {
    ALLOW("allow"), MONITOR("monitor"), DENY("deny");

    private final String wire;

    UnregisteredPolicy(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static UnregisteredPolicy fromWire(String value) {
        for (UnregisteredPolicy policy : values()) {
            if (policy.wire.equals(value)) {
                return policy;
            }
        }
        return null;
    }
}
