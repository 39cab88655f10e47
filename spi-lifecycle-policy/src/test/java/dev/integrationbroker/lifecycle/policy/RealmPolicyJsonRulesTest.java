package dev.integrationbroker.lifecycle.policy;

import static dev.integrationbroker.lifecycle.policy.RealmPolicyJsonTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Type and range rules of the scalar policy keys (SPEC §2.1), and the rules between keys. */
class RealmPolicyJsonRulesTest {

    /** key, min, max, and the other keys a patch needs so that min and max pass the rules between keys. */
    static Stream<Arguments> integerKeys() {
        return Stream.of(
                Arguments.of("max-token-ttl", 1, 86_400, "{\"default-token-ttl\": 1, \"grace-token-ttl\": 1}"),
                Arguments.of("default-token-ttl", 1, 86_400, "{\"max-token-ttl\": 86400}"),
                Arguments.of("grace-token-ttl", 1, 86_400, "{\"max-token-ttl\": 86400}"),
                Arguments.of("max-review-interval-days", 1, 3650, "{\"default-review-interval-days\": 1}"),
                Arguments.of("default-review-interval-days", 1, 3650, "{\"max-review-interval-days\": 3650}"),
                Arguments.of("grace-days", 0, 365, "{}"),
                Arguments.of("dormant-after-days", 0, 3650, "{}"),
                Arguments.of("orphan-grace-days", 0, 365, "{}"),
                Arguments.of("retire-after-days", 1, 3650, "{}"));
    }

    static Stream<Arguments> integerKeysWithBadTypes() {
        List<String> badValues = List.of("\"300\"", "300.5", "true", "null", "[300]", "{\"v\": 300}", "2147483648");
        return integerKeys().flatMap(key -> badValues.stream().map(bad -> Arguments.of(key.get()[0], bad)));
    }

    private static RealmPolicy merge(String patch) {
        return RealmPolicyJson.merge(RealmPolicy.DEFAULTS, json(patch));
    }

    private static PolicyValidationException refusal(ObjectNode patch) {
        return catchThrowableOfType(PolicyValidationException.class, () -> RealmPolicyJson.merge(RealmPolicy.DEFAULTS, patch));
    }

    private static JsonNode stored(RealmPolicy policy, String key) {
        return RealmPolicyJson.toJson(policy).get(key);
    }

    @Nested
    class IntegerRanges {

        @ParameterizedTest(name = "{0} = {1}")
        @MethodSource("dev.integrationbroker.lifecycle.policy.RealmPolicyJsonRulesTest#integerKeys")
        @DisplayName("given a key at its minimum then it is accepted")
        void minimumAccepted(String key, int min, int max, String context) {
            RealmPolicy policy = RealmPolicyJson.merge(RealmPolicy.DEFAULTS, json(context).put(key, min));

            assertThat(stored(policy, key).asInt()).isEqualTo(min);
        }

        @ParameterizedTest(name = "{0} = {2}")
        @MethodSource("dev.integrationbroker.lifecycle.policy.RealmPolicyJsonRulesTest#integerKeys")
        @DisplayName("given a key at its maximum then it is accepted")
        void maximumAccepted(String key, int min, int max, String context) {
            RealmPolicy policy = RealmPolicyJson.merge(RealmPolicy.DEFAULTS, json(context).put(key, max));

            assertThat(stored(policy, key).asInt()).isEqualTo(max);
        }

        @ParameterizedTest(name = "{0} = {1} - 1")
        @MethodSource("dev.integrationbroker.lifecycle.policy.RealmPolicyJsonRulesTest#integerKeys")
        @DisplayName("given a key below its minimum then it is refused naming the key and the range")
        void belowMinimumRefused(String key, int min, int max, String context) {
            PolicyValidationException e = refusal(json(context).put(key, min - 1));

            assertThat(e.key()).isEqualTo(key);
            assertThat(e).hasMessage(key + ": must be an integer from " + min + " to " + max);
        }

        @ParameterizedTest(name = "{0} = {2} + 1")
        @MethodSource("dev.integrationbroker.lifecycle.policy.RealmPolicyJsonRulesTest#integerKeys")
        @DisplayName("given a key above its maximum then it is refused naming the key and the range")
        void aboveMaximumRefused(String key, int min, int max, String context) {
            PolicyValidationException e = refusal(json(context).put(key, max + 1));

            assertThat(e.key()).isEqualTo(key);
            assertThat(e).hasMessage(key + ": must be an integer from " + min + " to " + max);
        }

        @ParameterizedTest(name = "{0} = {1}")
        @MethodSource("dev.integrationbroker.lifecycle.policy.RealmPolicyJsonRulesTest#integerKeysWithBadTypes")
        @DisplayName("given a key holding a non-integer JSON value then it is refused naming the key")
        void wrongTypeRefused(String key, String badValue) {
            PolicyValidationException e = refusal(json("{\"" + key + "\": " + badValue + "}"));

            assertThat(e.key()).isEqualTo(key);
            assertThat(e.getMessage()).startsWith(key + ": must be an integer from ");
        }
    }

    @Nested
    class BetweenKeys {

        @Test
        @DisplayName("given default-token-ttl above the stored max-token-ttl then it is refused")
        void defaultTtlAboveMax() {
            PolicyValidationException e = refusal(json("{\"default-token-ttl\": 3601}"));

            assertThat(e.key()).isEqualTo("default-token-ttl");
            assertThat(e).hasMessage("default-token-ttl: must not exceed max-token-ttl (3600)");
        }

        @Test
        @DisplayName("given default-token-ttl equal to max-token-ttl then it is accepted")
        void defaultTtlEqualToMax() {
            assertThat(merge("{\"default-token-ttl\": 3600}").defaultTokenTtl()).isEqualTo(3600);
        }

        @Test
        @DisplayName("given max-token-ttl lowered below the stored default-token-ttl then it is refused naming both keys")
        void maxTtlBelowDefault() {
            PolicyValidationException e = refusal(json("{\"max-token-ttl\": 100}"));

            assertThat(e).hasMessage("default-token-ttl: must not exceed max-token-ttl (100)");
        }

        @Test
        @DisplayName("given default-review-interval-days above max-review-interval-days then it is refused")
        void defaultReviewAboveMax() {
            PolicyValidationException e = refusal(json("{\"default-review-interval-days\": 100, \"max-review-interval-days\": 99}"));

            assertThat(e.key()).isEqualTo("default-review-interval-days");
            assertThat(e).hasMessage("default-review-interval-days: must not exceed max-review-interval-days (99)");
        }

        @Test
        @DisplayName("given grace-token-ttl above max-token-ttl then it is refused")
        void graceTtlAboveMax() {
            PolicyValidationException e = refusal(json("{\"grace-token-ttl\": 3601}"));

            assertThat(e.key()).isEqualTo("grace-token-ttl");
            assertThat(e).hasMessage("grace-token-ttl: must not exceed max-token-ttl (3600)");
        }

        @Test
        @DisplayName("given all three TTLs lowered together consistently then the patch is accepted")
        void consistentTtls() {
            RealmPolicy policy = merge("{\"max-token-ttl\": 60, \"default-token-ttl\": 60, \"grace-token-ttl\": 60}");

            assertThat(List.of(policy.maxTokenTtl(), policy.defaultTokenTtl(), policy.graceTokenTtl())).containsOnly(60);
        }
    }

    @Nested
    class Enumerations {

        @ParameterizedTest
        @ValueSource(strings = {"off", "monitor", "enforce"})
        @DisplayName("given each mode wire value then it is accepted and written back the same")
        void modeAccepted(String wire) {
            assertThat(merge("{\"mode\": \"" + wire + "\"}").mode().wire()).isEqualTo(wire);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"ENFORCE\"", "\"strict\"", "\"\""})
        @DisplayName("given an unknown mode then it is refused listing the allowed values")
        void modeUnknown(String value) {
            assertThat(refusal(json("{\"mode\": " + value + "}"))).hasMessage("mode: must be one of off, monitor, enforce");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "true", "null", "[\"enforce\"]"})
        @DisplayName("given a mode that is not a string then it is refused as not a string")
        void modeWrongType(String value) {
            assertThat(refusal(json("{\"mode\": " + value + "}"))).hasMessage("mode: must be a string");
        }

        @ParameterizedTest
        @ValueSource(strings = {"allow", "monitor", "deny"})
        @DisplayName("given each unregistered-service-accounts wire value then it is accepted")
        void unregisteredAccepted(String wire) {
            assertThat(merge("{\"unregistered-service-accounts\": \"" + wire + "\"}").unregisteredServiceAccounts().wire())
                    .isEqualTo(wire);
        }

        @Test
        @DisplayName("given an unknown unregistered-service-accounts value then it is refused listing the allowed values")
        void unregisteredUnknown() {
            assertThat(refusal(json("{\"unregistered-service-accounts\": \"block\"}")))
                    .hasMessage("unregistered-service-accounts: must be one of allow, monitor, deny");
        }

        @Test
        @DisplayName("given unregistered-service-accounts as a number then it is refused as not a string")
        void unregisteredWrongType() {
            assertThat(refusal(json("{\"unregistered-service-accounts\": 0}")))
                    .hasMessage("unregistered-service-accounts: must be a string");
        }
    }

    @Nested
    class Flags {

        @ParameterizedTest
        @ValueSource(strings = {"delete-retired", "allow-same-owner"})
        @DisplayName("given a flag set to true then it is stored as true")
        void trueAccepted(String key) {
            assertThat(stored(merge("{\"" + key + "\": true}"), key).asBoolean()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"true\"", "1", "null", "\"yes\""})
        @DisplayName("given delete-retired not a JSON boolean then it is refused")
        void deleteRetiredWrongType(String value) {
            assertThat(refusal(json("{\"delete-retired\": " + value + "}"))).hasMessage("delete-retired: must be true or false");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"false\"", "0", "null"})
        @DisplayName("given allow-same-owner not a JSON boolean then it is refused")
        void allowSameOwnerWrongType(String value) {
            assertThat(refusal(json("{\"allow-same-owner\": " + value + "}"))).hasMessage("allow-same-owner: must be true or false");
        }
    }
}
