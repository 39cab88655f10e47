package dev.integrationbroker.lifecycle.events;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.NEXT_REVIEW;
import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.REGISTERED_AT;
import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.STATUS;

import java.time.Instant;
import java.util.Objects;

import org.keycloak.models.ClientModel;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.IntegrationStatus;
import dev.integrationbroker.lifecycle.model.Rfc3339;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;

/**
 * Keeps the derived system attributes of an integration consistent after any accepted write: the
 * registration time (set once), the initial status, and {@code next-review} = last attestation (or
 * registration) + review interval.
 */
public final class RegistrationStamp {

    private RegistrationStamp() {
    }

    public static void apply(ClientModel client, RealmPolicy policy, Instant now) {
        if (Integration.of(client).registeredAt().isEmpty()) {
            client.setAttribute(REGISTERED_AT, Rfc3339.format(now));
        }
        if (client.getAttribute(STATUS) == null) {
            client.setAttribute(STATUS, IntegrationStatus.ACTIVE.wire());
        }
        String nextReview = Rfc3339.format(Integration.of(client).scheduledReview(policy.defaultReviewIntervalDays()).orElseThrow());
        if (!Objects.equals(nextReview, client.getAttribute(NEXT_REVIEW))) {
            client.setAttribute(NEXT_REVIEW, nextReview);
        }
    }
}
