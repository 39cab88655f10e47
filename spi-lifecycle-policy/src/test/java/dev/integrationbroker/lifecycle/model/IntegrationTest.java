package dev.integrationbroker.lifecycle.model;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.ClientModel;

/** Lenient parsing of an integration's client attributes (SPEC §1). */
class IntegrationTest {

    private static Integration with(String name, String value) {
        return new Integration("crm", Map.of(name, value));
    }

    private static Map<String, String> complete() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(BUSINESS_OWNER, "alice");
        attributes.put(TECHNICAL_OWNER, "bob");
        attributes.put(PURPOSE, "Syncs CRM contacts nightly");
        attributes.put(ALLOWED_AUDIENCES, "contacts-api");
        attributes.put(ALLOWED_SCOPES, "contacts:read");
        return attributes;
    }

    @Nested
    class Numbers {

        @Test
        @DisplayName("given a number with surrounding spaces then it is read")
        void trimmed() {
            assertThat(with(MAX_TOKEN_TTL, " 300 ").maxTokenTtl()).hasValue(300);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "1.5", "300s", "99999999999", ""})
        @DisplayName("given a value that is not an int then it reads as absent")
        void badNumberAbsent(String value) {
            assertThat(with(REVIEW_INTERVAL_DAYS, value).reviewIntervalDays()).isEmpty();
        }

        @Test
        @DisplayName("given no attribute then the number is absent")
        void missingAbsent() {
            assertThat(new Integration("crm", Map.of()).maxTokenTtl()).isEmpty();
        }
    }

    @Nested
    class Dates {

        @Test
        @DisplayName("given an RFC 3339 date with an offset then it is read as that instant")
        void offsetParsed() {
            assertThat(with(EXPIRES_AT, "2026-11-27T11:00:00+01:00").expiresAt()).hasValue(Instant.parse("2026-11-27T10:00:00Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-13-01T00:00:00Z", "tomorrow", "2026-11-27", "2026-11-27T10:00:00", "1764237600"})
        @DisplayName("given a value that is not an RFC 3339 instant then it reads as absent")
        void badDateAbsent(String value) {
            assertThat(with(NEXT_REVIEW, value).nextReview()).isEmpty();
        }
    }

    @Nested
    class EffectiveReview {

        @Test
        @DisplayName("given a stored next-review then it is the effective review, whatever the interval")
        void storedWins() {
            Map<String, String> attributes = Map.of(NEXT_REVIEW, "2026-12-01T00:00:00Z", REGISTERED_AT, "2026-01-01T00:00:00Z",
                    REVIEW_INTERVAL_DAYS, "30");

            assertThat(new Integration("crm", attributes).effectiveNextReview(90)).hasValue(Instant.parse("2026-12-01T00:00:00Z"));
        }

        @Test
        @DisplayName("given no next-review then registration plus the integration's interval is the effective review")
        void fromRegistration() {
            Map<String, String> attributes = Map.of(REGISTERED_AT, "2026-01-01T00:00:00Z", REVIEW_INTERVAL_DAYS, "30");

            assertThat(new Integration("crm", attributes).effectiveNextReview(90)).hasValue(Instant.parse("2026-01-31T00:00:00Z"));
        }

        @Test
        @DisplayName("given no next-review nor interval then the last attestation plus the realm default counts")
        void fromAttestationWithDefault() {
            Map<String, String> attributes = Map.of(REGISTERED_AT, "2026-01-01T00:00:00Z", LAST_ATTESTED_AT, "2026-03-01T00:00:00Z");

            assertThat(new Integration("crm", attributes).effectiveNextReview(10)).hasValue(Instant.parse("2026-03-11T00:00:00Z"));
        }

        @Test
        @DisplayName("given neither a review date nor a registration time then there is no effective review")
        void unknown() {
            assertThat(new Integration("crm", complete()).effectiveNextReview(90)).isEmpty();
        }

        @Test
        @DisplayName("given status and next-review then the integration counts as stamped, and not with one missing")
        void stamped() {
            Map<String, String> attributes = complete();
            attributes.put(STATUS, "active");
            assertThat(new Integration("crm", attributes).stamped()).isFalse();

            attributes.put(NEXT_REVIEW, "2026-12-01T00:00:00Z");
            assertThat(new Integration("crm", attributes).stamped()).isTrue();
        }
    }

    @Nested
    class Lists {

        @Test
        @DisplayName("given ids separated by any whitespace then they are split and repeats dropped in order")
        void splitAndDeduplicated() {
            assertThat(with(ALLOWED_AUDIENCES, "  contacts-api\tbilling-api\n contacts-api  reports ").allowedAudiences())
                    .containsExactly("contacts-api", "billing-api", "reports");
        }

        @Test
        @DisplayName("given a blank value then the list is empty")
        void blankEmpty() {
            assertThat(with(ALLOWED_SCOPES, " \t ").allowedScopes()).isEmpty();
        }

        @Test
        @DisplayName("given no attribute then the list is empty")
        void missingEmpty() {
            assertThat(new Integration("crm", Map.of()).allowedScopes()).isEmpty();
        }
    }

    @Nested
    class Status {

        @Test
        @DisplayName("given no status then the integration counts as active")
        void defaultActive() {
            assertThat(new Integration("crm", Map.of()).status()).isEqualTo(IntegrationStatus.ACTIVE);
        }

        @Test
        @DisplayName("given a stored wire status then it is read")
        void storedStatus() {
            assertThat(with(STATUS, "review-due").status()).isEqualTo(IntegrationStatus.REVIEW_DUE);
        }

        @Test
        @DisplayName("given an unknown status then the integration counts as active")
        void unknownActive() {
            assertThat(with(STATUS, "paused").status()).isEqualTo(IntegrationStatus.ACTIVE);
        }

        @Test
        @DisplayName("given a stored suspended reason then it is read")
        void suspendedReason() {
            assertThat(with(SUSPENDED_REASON, "kill-switch").suspendedReason()).hasValue(SuspendedReason.KILL_SWITCH);
        }
    }

    @Nested
    class RequiredMetadata {

        @Test
        @DisplayName("given complete metadata then nothing is missing")
        void complete() {
            assertThat(new Integration("crm", IntegrationTest.complete()).firstMissingRequired()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {BUSINESS_OWNER, TECHNICAL_OWNER, PURPOSE, ALLOWED_AUDIENCES, ALLOWED_SCOPES})
        @DisplayName("given one required attribute missing then it is named")
        void oneMissing(String name) {
            Map<String, String> attributes = IntegrationTest.complete();
            attributes.remove(name);

            assertThat(new Integration("crm", attributes).firstMissingRequired()).hasValue(name);
        }

        @Test
        @DisplayName("given a required attribute that is blank then it counts as missing")
        void blankMissing() {
            Map<String, String> attributes = IntegrationTest.complete();
            attributes.put(PURPOSE, "   ");

            assertThat(new Integration("crm", attributes).firstMissingRequired()).hasValue(PURPOSE);
        }

        @Test
        @DisplayName("given attributes filled one by one then the missing ones are named in SPEC order")
        void order() {
            Map<String, String> attributes = new HashMap<>();
            List<String> reported = new ArrayList<>();
            Optional<String> missing;
            while ((missing = new Integration("crm", attributes).firstMissingRequired()).isPresent()) {
                reported.add(missing.get());
                attributes.put(missing.get(), "x");
            }

            assertThat(reported).containsExactly(BUSINESS_OWNER, TECHNICAL_OWNER, PURPOSE, ALLOWED_AUDIENCES, ALLOWED_SCOPES);
        }
    }

    @Nested
    class FromClient {

        @Test
        @DisplayName("given a client model then its client id and attributes are copied")
        void of() {
            ClientModel client = mock(ClientModel.class);
            when(client.getClientId()).thenReturn("crm");
            when(client.getAttributes()).thenReturn(IntegrationTest.complete());

            Integration integration = Integration.of(client);

            assertThat(integration.clientId()).isEqualTo("crm");
            assertThat(integration.businessOwner()).isEqualTo("alice");
        }

        @Test
        @DisplayName("given the source map changes later then the integration does not")
        void copied() {
            Map<String, String> attributes = IntegrationTest.complete();
            Integration integration = new Integration("crm", attributes);

            attributes.put(BUSINESS_OWNER, "mallory");

            assertThat(integration.businessOwner()).isEqualTo("alice");
        }

        @Test
        @DisplayName("given a client with a business owner then it is an integration, and without one it is not")
        void isIntegration() {
            ClientModel governed = mock(ClientModel.class);
            when(governed.getAttribute(BUSINESS_OWNER)).thenReturn("alice");

            assertThat(Integration.isIntegration(governed)).isTrue();
            assertThat(Integration.isIntegration(mock(ClientModel.class))).isFalse();
            assertThat(Integration.isIntegration(null)).isFalse();
        }

        @Test
        @DisplayName("given a client attribute stored with a null value then it reads as absent")
        void nullAttributeValue() {
            Map<String, String> attributes = IntegrationTest.complete();
            attributes.put(VENDOR, null);
            ClientModel client = mock(ClientModel.class);
            when(client.getClientId()).thenReturn("crm");
            when(client.getAttributes()).thenReturn(attributes);

            assertThat(Integration.of(client).vendor()).isNull();
        }
    }
}
