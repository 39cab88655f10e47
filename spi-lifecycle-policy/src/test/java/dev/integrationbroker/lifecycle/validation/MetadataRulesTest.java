package dev.integrationbroker.lifecycle.validation;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.integrationbroker.lifecycle.model.Rfc3339;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyJson;
import dev.integrationbroker.lifecycle.rules.OwnerState;

/** SPEC §1: the rules for administrator-written attributes, against a hand-written realm double. */
class MetadataRulesTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** A realm with users alice, bob (enabled) and dave (disabled), two clients, one privileged, two scopes. */
    static final class RealmDouble implements MetadataLookups {
        final Map<String, OwnerState> users = new HashMap<>(Map.of("alice", OwnerState.VALID, "bob", OwnerState.VALID,
                "dave", OwnerState.DISABLED));
        final Set<String> clients = new HashSet<>(Set.of("contacts-api", "billing-api", "admin-api"));
        final Set<String> privileged = new HashSet<>(Set.of("admin-api"));
        final Set<String> scopes = new HashSet<>(Set.of("contacts:read", "billing:read"));

        @Override
        public OwnerState owner(String username) {
            return users.getOrDefault(username, OwnerState.MISSING);
        }

        @Override
        public boolean clientExists(String clientId) {
            return clients.contains(clientId);
        }

        @Override
        public boolean privilegedAudience(String clientId) {
            return privileged.contains(clientId);
        }

        @Override
        public boolean clientScopeExists(String name) {
            return scopes.contains(name);
        }
    }

    private final RealmDouble realm = new RealmDouble();

    private final Map<String, String> attributes = new HashMap<>(Map.of(
            BUSINESS_OWNER, "alice",
            TECHNICAL_OWNER, "bob",
            PURPOSE, "Syncs CRM contacts nightly",
            ALLOWED_AUDIENCES, "contacts-api",
            ALLOWED_SCOPES, "contacts:read"));

    private Optional<String> check(Set<String> changed, RealmPolicy policy) {
        return MetadataRules.check(attributes, changed, true, policy, realm, NOW).map(Violation::message);
    }

    private Optional<String> check(Set<String> changed) {
        return check(changed, RealmPolicy.DEFAULTS);
    }

    /** A new client: every attribute is changed. */
    private Optional<String> checkCreate() {
        return check(Set.copyOf(attributes.keySet()));
    }

    static RealmPolicy policy(String patch) {
        try {
            return RealmPolicyJson.merge(RealmPolicy.DEFAULTS, new ObjectMapper().readTree(patch));
        } catch (Exception e) {
            throw new IllegalArgumentException(patch, e);
        }
    }

    private static String words(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
    }

    @Test
    @DisplayName("given complete valid metadata on a new client then there is no violation")
    void valid() {
        assertThat(checkCreate()).isEmpty();
    }

    @Nested
    class Registration {

        @Test
        @DisplayName("given no integration attribute at all then the client is not an integration and there is no violation")
        void plainClient() {
            attributes.clear();
            attributes.put("some.other", "x");

            assertThat(MetadataRules.check(attributes, attributes.keySet(), false, RealmPolicy.DEFAULTS, realm, NOW)).isEmpty();
        }

        @Test
        @DisplayName("given an integration attribute without business owner then the business owner is required naming the first set attribute")
        void businessOwnerRequired() {
            attributes.clear();
            attributes.put(VENDOR, "acme");
            attributes.put(PURPOSE, "Syncs CRM contacts nightly");

            assertThat(checkCreate()).contains(
                    "integration.business-owner: required when any integration attribute is set (integration.purpose is)");
        }

        @Test
        @DisplayName("given a blank business owner then it counts as missing")
        void blankBusinessOwner() {
            attributes.put(BUSINESS_OWNER, "   ");

            assertThat(checkCreate()).contains(
                    "integration.business-owner: required when any integration attribute is set (integration.technical-owner is)");
        }

        @Test
        @DisplayName("given a public client or one without service account then it is refused")
        void notConfidential() {
            assertThat(MetadataRules.check(attributes, attributes.keySet(), false, RealmPolicy.DEFAULTS, realm, NOW).map(Violation::message))
                    .contains("integration.business-owner: an integration must be a confidential client with service accounts enabled");
        }
    }

    @Nested
    class Owners {

        @Test
        @DisplayName("given no technical owner then it is required")
        void technicalRequired() {
            attributes.remove(TECHNICAL_OWNER);

            assertThat(checkCreate()).contains(
                    "integration.technical-owner: required, the username of an existing, enabled user of this realm");
        }

        @Test
        @DisplayName("given a changed business owner who does not exist then it is refused quoting the username")
        void businessOwnerMissing() {
            attributes.put(BUSINESS_OWNER, "carol");

            assertThat(check(Set.of(BUSINESS_OWNER))).contains(
                    "integration.business-owner: must be the username of an existing, enabled user of this realm ('carol' is not)");
        }

        @Test
        @DisplayName("given a changed technical owner who is disabled then it is refused quoting the username")
        void technicalOwnerDisabled() {
            attributes.put(TECHNICAL_OWNER, "dave");

            assertThat(check(Set.of(TECHNICAL_OWNER))).contains(
                    "integration.technical-owner: must be the username of an existing, enabled user of this realm ('dave' is not)");
        }

        @Test
        @DisplayName("given an unchanged owner who left the realm then the write is accepted")
        void unchangedOwnerNotChecked() {
            realm.users.remove("alice");
            realm.users.put("bob", OwnerState.DISABLED);

            assertThat(check(Set.of(PURPOSE))).isEmpty();
        }

        @Test
        @DisplayName("given the same user as both owners then it is refused while allow-same-owner is false")
        void sameOwner() {
            attributes.put(TECHNICAL_OWNER, "alice");

            assertThat(checkCreate()).contains(
                    "integration.technical-owner: must differ from integration.business-owner (realm policy allow-same-owner is false)");
        }

        @Test
        @DisplayName("given the same user as both owners and allow-same-owner true then it is accepted")
        void sameOwnerAllowed() {
            attributes.put(TECHNICAL_OWNER, "alice");

            assertThat(check(Set.copyOf(attributes.keySet()), policy("{\"allow-same-owner\": true}"))).isEmpty();
        }

        @Test
        @DisplayName("given a long unknown username with quotes then the message echoes 64 sanitised characters and an ellipsis")
        void echoedUsername() {
            String name = "'" + "x".repeat(80);
            attributes.put(BUSINESS_OWNER, name);

            assertThat(check(Set.of(BUSINESS_OWNER))).contains(
                    "integration.business-owner: must be the username of an existing, enabled user of this realm ('?"
                            + "x".repeat(63) + "...' is not)");
        }
    }

    @Nested
    class Purpose {

        static final String RULE = "integration.purpose: required, 10 to 500 printable characters";

        @Test
        @DisplayName("given no purpose then it is required")
        void missing() {
            attributes.remove(PURPOSE);

            assertThat(checkCreate()).contains(RULE);
        }

        @Test
        @DisplayName("given a purpose of 9 characters then it is refused")
        void tooShort() {
            attributes.put(PURPOSE, "123456789");

            assertThat(checkCreate()).contains(RULE);
        }

        @Test
        @DisplayName("given a purpose of exactly 10 characters then it is accepted")
        void shortest() {
            attributes.put(PURPOSE, "1234567890");

            assertThat(checkCreate()).isEmpty();
        }

        @Test
        @DisplayName("given a purpose of exactly 500 characters then it is accepted")
        void longest() {
            attributes.put(PURPOSE, "p".repeat(500));

            assertThat(checkCreate()).isEmpty();
        }

        @Test
        @DisplayName("given a purpose of 501 characters then it is refused")
        void tooLong() {
            attributes.put(PURPOSE, "p".repeat(501));

            assertThat(checkCreate()).contains(RULE);
        }

        @Test
        @DisplayName("given a purpose with a control character then it is refused")
        void controlCharacter() {
            attributes.put(PURPOSE, "Syncs CRM\u0007 contacts");

            assertThat(checkCreate()).contains(RULE);
        }

        @Test
        @DisplayName("given a purpose with a format character then it is refused")
        void formatCharacter() {
            attributes.put(PURPOSE, "Syncs CRM\u202e contacts");

            assertThat(checkCreate()).contains(RULE);
        }

        @Test
        @DisplayName("given a purpose of 10 emoji then code points are counted and it is accepted")
        void codePoints() {
            attributes.put(PURPOSE, "\uD83D\uDE00".repeat(10));

            assertThat(checkCreate()).isEmpty();
        }
    }

    @Nested
    class Vendor {

        @Test
        @DisplayName("given a vendor tag with upper case then it is refused")
        void upperCase() {
            attributes.put(VENDOR, "Acme");

            assertThat(checkCreate()).contains("integration.vendor: must match [a-z0-9-]{1,64}");
        }

        @Test
        @DisplayName("given a vendor tag of 65 characters then it is refused")
        void tooLong() {
            attributes.put(VENDOR, "a".repeat(65));

            assertThat(checkCreate()).contains("integration.vendor: must match [a-z0-9-]{1,64}");
        }

        @Test
        @DisplayName("given a lower-case vendor tag with digits and hyphens then it is accepted")
        void valid() {
            attributes.put(VENDOR, "acme-2");

            assertThat(checkCreate()).isEmpty();
        }
    }

    @Nested
    class WholeNumbers {

        static final String INTERVAL = "integration.review-interval-days: must be a whole number from 1 to 365 (realm max-review-interval-days)";

        @Test
        @DisplayName("given review-interval-days 0 then it is refused naming the realm maximum")
        void intervalZero() {
            attributes.put(REVIEW_INTERVAL_DAYS, "0");

            assertThat(checkCreate()).contains(INTERVAL);
        }

        @Test
        @DisplayName("given review-interval-days above the realm maximum then it is refused")
        void intervalAboveMax() {
            attributes.put(REVIEW_INTERVAL_DAYS, "366");

            assertThat(checkCreate()).contains(INTERVAL);
        }

        @Test
        @DisplayName("given review-interval-days that is not a number then it is refused")
        void intervalNotNumber() {
            attributes.put(REVIEW_INTERVAL_DAYS, "90d");

            assertThat(checkCreate()).contains(INTERVAL);
        }

        @Test
        @DisplayName("given review-interval-days equal to the realm maximum then it is accepted")
        void intervalAtMax() {
            attributes.put(REVIEW_INTERVAL_DAYS, "365");

            assertThat(checkCreate()).isEmpty();
        }

        @Test
        @DisplayName("given max-token-ttl above the realm max-token-ttl then it is refused naming the realm maximum")
        void ttlAboveMax() {
            attributes.put(MAX_TOKEN_TTL, "3601");

            assertThat(checkCreate()).contains("integration.max-token-ttl: must be a whole number from 1 to 3600 (realm max-token-ttl)");
        }

        @Test
        @DisplayName("given an unchanged out-of-range max-token-ttl then format rules still apply")
        void ttlUnchanged() {
            attributes.put(MAX_TOKEN_TTL, "99999");

            assertThat(check(Set.of(PURPOSE))).contains("integration.max-token-ttl: must be a whole number from 1 to 3600 (realm max-token-ttl)");
        }
    }

    @Nested
    class ExpiresAt {

        @Test
        @DisplayName("given an expires-at that is not RFC 3339 then it is refused even when unchanged")
        void notRfc3339() {
            attributes.put(EXPIRES_AT, "2027-01-31");

            assertThat(check(Set.of())).contains("integration.expires-at: must be an RFC 3339 instant such as 2027-01-31T00:00:00Z");
        }

        @Test
        @DisplayName("given a changed expires-at equal to now then it must be in the future")
        void changedNow() {
            attributes.put(EXPIRES_AT, Rfc3339.format(NOW));

            assertThat(check(Set.of(EXPIRES_AT))).contains("integration.expires-at: must be in the future");
        }

        @Test
        @DisplayName("given a changed expires-at one second ahead then it is accepted")
        void changedFuture() {
            attributes.put(EXPIRES_AT, Rfc3339.format(NOW.plusSeconds(1)));

            assertThat(check(Set.of(EXPIRES_AT))).isEmpty();
        }

        @Test
        @DisplayName("given an unchanged expires-at in the past then the write is accepted")
        void unchangedPast() {
            attributes.put(EXPIRES_AT, Rfc3339.format(NOW.minus(Duration.ofDays(30))));

            assertThat(check(Set.of(PURPOSE))).isEmpty();
        }
    }

    @Nested
    class Audiences {

        @Test
        @DisplayName("given no allowed audiences then they are required")
        void missing() {
            attributes.remove(ALLOWED_AUDIENCES);

            assertThat(checkCreate()).contains("integration.allowed-audiences: required, 1 to 100 space-separated client ids");
        }

        @Test
        @DisplayName("given 101 distinct audiences then they are refused")
        void tooMany() {
            attributes.put(ALLOWED_AUDIENCES, words("api-", 101));

            assertThat(checkCreate()).contains("integration.allowed-audiences: required, 1 to 100 space-separated client ids");
        }

        @Test
        @DisplayName("given a changed audience that is not a client of the realm then it is refused quoting it")
        void unknownChanged() {
            attributes.put(ALLOWED_AUDIENCES, "contacts-api ghost-api");

            assertThat(check(Set.of(ALLOWED_AUDIENCES))).contains("integration.allowed-audiences: no client 'ghost-api' in this realm");
        }

        @Test
        @DisplayName("given an unchanged audience whose client was deleted then the write is accepted")
        void unknownUnchanged() {
            realm.clients.remove("contacts-api");

            assertThat(check(Set.of(PURPOSE))).isEmpty();
        }

        @Test
        @DisplayName("given a changed privileged audience then it is refused")
        void privilegedChanged() {
            attributes.put(ALLOWED_AUDIENCES, "contacts-api admin-api");

            assertThat(check(Set.of(ALLOWED_AUDIENCES)))
                    .contains("integration.allowed-audiences: 'admin-api' is a privileged client and can never be an audience");
        }

        @Test
        @DisplayName("given an unchanged audience that became privileged then it is still refused")
        void privilegedUnchanged() {
            realm.privileged.add("contacts-api");

            assertThat(check(Set.of(PURPOSE)))
                    .contains("integration.allowed-audiences: 'contacts-api' is a privileged client and can never be an audience");
        }

        @Test
        @DisplayName("given a long unknown audience then the message echoes its first 64 characters and an ellipsis")
        void echoTruncated() {
            String audience = "a".repeat(100);
            attributes.put(ALLOWED_AUDIENCES, audience);

            assertThat(check(Set.of(ALLOWED_AUDIENCES)))
                    .contains("integration.allowed-audiences: no client '" + "a".repeat(64) + "...' in this realm");
        }
    }

    @Nested
    class Scopes {

        @Test
        @DisplayName("given no allowed scopes then they are required")
        void missing() {
            attributes.put(ALLOWED_SCOPES, " ");

            assertThat(checkCreate()).contains("integration.allowed-scopes: required, 1 to 100 space-separated client scope names");
        }

        @Test
        @DisplayName("given 101 distinct scopes then they are refused")
        void tooMany() {
            attributes.put(ALLOWED_SCOPES, words("scope-", 101));

            assertThat(checkCreate()).contains("integration.allowed-scopes: required, 1 to 100 space-separated client scope names");
        }

        @Test
        @DisplayName("given 100 distinct scopes named twice then duplicates count once and only existence is checked")
        void duplicatesCountOnce() {
            attributes.put(ALLOWED_SCOPES, words("scope-", 100) + " scope-1");

            assertThat(check(Set.of(PURPOSE))).isEmpty();
        }

        @Test
        @DisplayName("given a changed scope that is not a client scope of the realm then it is refused quoting it")
        void unknownChanged() {
            attributes.put(ALLOWED_SCOPES, "contacts:read contacts:write");

            assertThat(check(Set.of(ALLOWED_SCOPES))).contains("integration.allowed-scopes: no client scope 'contacts:write' in this realm");
        }

        @Test
        @DisplayName("given an unchanged scope that was deleted then the write is accepted")
        void unknownUnchanged() {
            realm.scopes.clear();

            assertThat(check(Set.of(PURPOSE))).isEmpty();
        }

        @Test
        @DisplayName("given a changed scope with a control character then the message echoes it as '?'")
        void echoSanitised() {
            attributes.put(ALLOWED_SCOPES, "bad\u0001scope");

            assertThat(check(Set.of(ALLOWED_SCOPES))).contains("integration.allowed-scopes: no client scope 'bad?scope' in this realm");
        }
    }

    @Nested
    class Order {

        @Test
        @DisplayName("given several broken rules then the owner rule is reported before purpose and audiences")
        void ownersFirst() {
            attributes.remove(TECHNICAL_OWNER);
            attributes.remove(PURPOSE);
            attributes.remove(ALLOWED_AUDIENCES);

            assertThat(checkCreate()).hasValueSatisfying(message -> assertThat(message).startsWith("integration.technical-owner:"));
        }

        @Test
        @DisplayName("given a bad expires-at and a missing audience then expires-at is reported first")
        void expiryBeforeAudiences() {
            attributes.put(EXPIRES_AT, "never");
            attributes.remove(ALLOWED_AUDIENCES);

            assertThat(checkCreate()).hasValueSatisfying(message -> assertThat(message).startsWith("integration.expires-at:"));
        }
    }
}
