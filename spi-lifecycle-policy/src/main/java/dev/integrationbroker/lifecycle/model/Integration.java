package dev.integrationbroker.lifecycle.model;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.*;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.keycloak.models.ClientModel;

/**
 * A read-only view of one integration's metadata, parsed from its client attributes. Parsing is lenient
 * (stored values were validated on write); a value that does not parse reads as absent.
 */
public record Integration(String clientId, Map<String, String> attributes) {

    public Integration {
        // older Keycloak versions stored attributes with null values; they read as absent
        Map<String, String> present = new java.util.HashMap<>();
        attributes.forEach((name, value) -> {
            if (name != null && value != null) {
                present.put(name, value);
            }
        });
        attributes = Map.copyOf(present);
    }

    /** Whether the client carries integration metadata (SPEC §1: it has a business owner). */
    public static boolean isIntegration(ClientModel client) {
        return client != null && client.getAttribute(BUSINESS_OWNER) != null;
    }

    public static Integration of(ClientModel client) {
        return new Integration(client.getClientId(), client.getAttributes());
    }

    public String businessOwner() {
        return text(BUSINESS_OWNER);
    }

    public String technicalOwner() {
        return text(TECHNICAL_OWNER);
    }

    public String purpose() {
        return text(PURPOSE);
    }

    public String vendor() {
        return text(VENDOR);
    }

    public OptionalInt reviewIntervalDays() {
        return integer(REVIEW_INTERVAL_DAYS);
    }

    public Optional<Instant> expiresAt() {
        return instant(EXPIRES_AT);
    }

    public List<String> allowedAudiences() {
        return list(ALLOWED_AUDIENCES);
    }

    public List<String> allowedScopes() {
        return list(ALLOWED_SCOPES);
    }

    public OptionalInt maxTokenTtl() {
        return integer(MAX_TOKEN_TTL);
    }

    /** Stored status; an integration the extension has not yet stamped counts as active. */
    public IntegrationStatus status() {
        return IntegrationStatus.fromWire(text(STATUS)).orElse(IntegrationStatus.ACTIVE);
    }

    public Optional<SuspendedReason> suspendedReason() {
        return SuspendedReason.fromWire(text(SUSPENDED_REASON));
    }

    public Optional<Instant> nextReview() {
        return instant(NEXT_REVIEW);
    }

    /**
     * The review date the rules enforce: the stored {@code next-review}, or, for an integration written while its
     * realm's policy was {@code off} (never stamped), the last attestation or registration plus its review interval
     * (the realm default when it has none). Empty only when neither a review date nor a registration time is known;
     * the next sweep then stamps the integration.
     */
    public Optional<Instant> effectiveNextReview(int defaultReviewIntervalDays) {
        return nextReview().or(() -> scheduledReview(defaultReviewIntervalDays));
    }

    /** Last attestation (or registration) plus the review interval (the realm default when none is set). */
    public Optional<Instant> scheduledReview(int defaultReviewIntervalDays) {
        int days = reviewIntervalDays().orElse(defaultReviewIntervalDays);
        return lastAttestedAt().or(this::registeredAt).map(base -> base.plus(Duration.ofDays(days)));
    }

    /** Whether the extension has stamped the derived system attributes (status and next review). */
    public boolean stamped() {
        return text(STATUS) != null && text(NEXT_REVIEW) != null;
    }

    public Optional<Instant> lastUsedAt() {
        return instant(LAST_USED_AT);
    }

    public Optional<Instant> lastAttestedAt() {
        return instant(LAST_ATTESTED_AT);
    }

    public String lastAttestedBy() {
        return text(LAST_ATTESTED_BY);
    }

    public Optional<Instant> registeredAt() {
        return instant(REGISTERED_AT);
    }

    public Optional<Instant> ownerInvalidSince() {
        return instant(OWNER_INVALID_SINCE);
    }

    public Optional<Instant> suspendedAt() {
        return instant(SUSPENDED_AT);
    }

    /** The first required attribute that is missing or blank, if any (SPEC §3.2 "metadata incomplete"). */
    public Optional<String> firstMissingRequired() {
        for (String name : List.of(BUSINESS_OWNER, TECHNICAL_OWNER, PURPOSE, ALLOWED_AUDIENCES, ALLOWED_SCOPES)) {
            if (text(name) == null) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private String text(String name) {
        String value = attributes.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private OptionalInt integer(String name) {
        String value = text(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private Optional<Instant> instant(String name) {
        String value = text(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Rfc3339.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private List<String> list(String name) {
        String value = text(name);
        return value == null ? List.of() : Arrays.stream(value.split("\\s+")).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
