package dev.integrationbroker.lifecycle.inventory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.IntegrationStatus;
import dev.integrationbroker.lifecycle.model.Rfc3339;

/**
 * The inventory's query filters (SPEC §2.2), parsed and checked once; {@link #matches} is applied to each client.
 * Absent filters match everything.
 */
public record InventoryFilter(IntegrationStatus status, String owner, String vendor, String query, Instant reviewBefore, Instant unusedSince) {

    /** @throws IllegalArgumentException naming the parameter and the rule */
    public static InventoryFilter parse(String status, String owner, String vendor, String q, String reviewBefore, String unusedSince) {
        IntegrationStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            parsedStatus = IntegrationStatus.fromWire(status.trim()).orElseThrow(() ->
                    new IllegalArgumentException("status: must be one of active, review-due, grace, suspended, retired"));
        }
        return new InventoryFilter(parsedStatus, blankToNull(owner), blankToNull(vendor),
                q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT),
                instant("review-before", reviewBefore), instant("unused-since", unusedSince));
    }

    public boolean matches(Integration integration) {
        if (status != null && integration.status() != status) {
            return false;
        }
        if (owner != null && !owner.equals(integration.businessOwner()) && !owner.equals(integration.technicalOwner())) {
            return false;
        }
        if (vendor != null && !vendor.equals(integration.vendor())) {
            return false;
        }
        if (query != null && !integration.clientId().toLowerCase(Locale.ROOT).contains(query)
                && (integration.purpose() == null || !integration.purpose().toLowerCase(Locale.ROOT).contains(query))) {
            return false;
        }
        if (reviewBefore != null && integration.nextReview().map(r -> !r.isBefore(reviewBefore)).orElse(true)) {
            return false;
        }
        // unused since T: no successful issuance at or after T (never used counts as unused)
        return unusedSince == null || integration.lastUsedAt().map(u -> u.isBefore(unusedSince)).orElse(true);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Rfc3339.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": must be an RFC 3339 instant such as 2027-01-31T00:00:00Z");
        }
    }
}
