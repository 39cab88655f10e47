package dev.integrationbroker.audit.record;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.Rfc3339;

/**
 * The record's {@code integration} block: the integration's accountable metadata as it was at the time of the
 * event. Absent (null) for unregistered service accounts.
 */
public record IntegrationView(String businessOwner, String technicalOwner, String purpose, String vendor, String status,
        String nextReview) {

    /** Reads the block from an integration's parsed metadata. */
    public static IntegrationView of(Integration integration) {
        return new IntegrationView(integration.businessOwner(), integration.technicalOwner(), integration.purpose(),
                integration.vendor(), integration.status().wire(), integration.nextReview().map(Rfc3339::format).orElse(null));
    }
}
