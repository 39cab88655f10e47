package dev.integrationbroker.lifecycle.rules;

/** Whether both owners of an integration are existing, enabled realm users. */
public enum OwnerState {
    VALID, MISSING, DISABLED
}
