package dev.integrationbroker.lifecycle.policy;

/** Realm policy {@code mode} (SPEC §2.1). */
public enum PolicyMode {
    /** Nothing is enforced or audited. */
    OFF("off"),
    /** Decisions are computed and audited but never refuse. */
    MONITOR("monitor"),
    /** Decisions refuse. */
    ENFORCE("enforce");

    private final String wire;

    PolicyMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static PolicyMode fromWire(String value) {
        for (PolicyMode mode : values()) {
            if (mode.wire.equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
