package dev.integrationbroker.lifecycle.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of the realm policy as a whole: round trip, merge semantics, unknown keys, messages. */
class RealmPolicyJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Nested
    class RoundTrip {

        @Test
        @DisplayName("given the defaults then toJson followed by merge into the defaults gives the defaults")
        void defaultsRoundTrip() {
            assertThat(RealmPolicyJson.merge(RealmPolicy.DEFAULTS, RealmPolicyJson.toJson(RealmPolicy.DEFAULTS)))
                    .isEqualTo(RealmPolicy.DEFAULTS);
        }

        @Test
        @DisplayName("given the defaults as stored text then parsing and merging gives the defaults")
        void defaultsTextRoundTrip() {
            JsonNode parsed = RealmPolicyJson.parse(RealmPolicyJson.toText(RealmPolicy.DEFAULTS), "policy");

            assertThat(RealmPolicyJson.merge(RealmPolicy.DEFAULTS, parsed)).isEqualTo(RealmPolicy.DEFAULTS);
        }

        @Test
        @DisplayName("given a policy with every key changed then its JSON merges back to an equal policy")
        void customRoundTrip() {
            RealmPolicy custom = RealmPolicyJson.merge(RealmPolicy.DEFAULTS, json("""
                    {"mode": "monitor", "unregistered-service-accounts": "deny", "default-token-ttl": 120,
                     "max-token-ttl": 600, "default-review-interval-days": 30, "max-review-interval-days": 60,
                     "reminder-days": [3, 10], "grace-days": 2, "grace-token-ttl": 30, "dormant-after-days": 0,
                     "orphan-grace-days": 1, "retire-after-days": 10, "delete-retired": true,
                     "privileged-audiences": ["hr-api"], "allow-same-owner": true,
                     "software-statement-keys": {"keys": [{"kty": "EC", "crv": "P-256", "x": "AA", "y": "BB"}]}}
                    """));

            assertThat(RealmPolicyJson.merge(RealmPolicy.DEFAULTS, RealmPolicyJson.toJson(custom))).isEqualTo(custom);
        }

        @Test
        @DisplayName("given the defaults then toJson writes every key with its SPEC type")
        void defaultsJsonTypes() {
            ObjectNode json = RealmPolicyJson.toJson(RealmPolicy.DEFAULTS);

            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactlyInAnyOrderElementsOf(RealmPolicyJson.KEYS);
            assertThat(json.get("mode").asText()).isEqualTo("enforce");
            assertThat(json.get("unregistered-service-accounts").asText()).isEqualTo("monitor");
            assertThat(json.get("max-token-ttl").isInt()).isTrue();
            assertThat(json.get("delete-retired").isBoolean()).isTrue();
            assertThat(json.get("reminder-days")).hasToString("[14,7,1]");
            assertThat(json.get("privileged-audiences")).hasToString("[]");
            assertThat(json.get("software-statement-keys")).hasToString("{}");
        }
    }

    @Nested
    class Merge {

        private final RealmPolicy base = RealmPolicyJson.merge(RealmPolicy.DEFAULTS, json("""
                {"mode": "monitor", "max-token-ttl": 7200, "reminder-days": [30],
                 "privileged-audiences": ["payroll"], "allow-same-owner": true,
                 "software-statement-keys": {"keys": [{"kty": "RSA", "n": "AQAB", "e": "AQAB"}]}}
                """));

        @Test
        @DisplayName("given a patch with one key then every absent key keeps the base value")
        void keepsAbsentKeys() {
            RealmPolicy merged = RealmPolicyJson.merge(base, json("{\"grace-days\": 3}"));

            ObjectNode expected = RealmPolicyJson.toJson(base).put("grace-days", 3);
            assertThat(RealmPolicyJson.toJson(merged)).isEqualTo(expected);
        }

        @Test
        @DisplayName("given an empty patch then the base comes back unchanged")
        void emptyPatch() {
            assertThat(RealmPolicyJson.merge(base, json("{}"))).isEqualTo(base);
        }

        @Test
        @DisplayName("given a patch that is not an object then it is refused naming policy")
        void notAnObject() {
            assertThatThrownBy(() -> RealmPolicyJson.merge(base, MAPPER.createArrayNode()))
                    .isInstanceOf(PolicyValidationException.class)
                    .hasMessage("policy: must be a JSON object");
        }

        @Test
        @DisplayName("given a null patch then it is refused naming policy")
        void nullPatch() {
            assertThatThrownBy(() -> RealmPolicyJson.merge(base, null))
                    .isInstanceOf(PolicyValidationException.class)
                    .hasMessage("policy: must be a JSON object");
        }

        @Test
        @DisplayName("given a refused patch then the base policy is left as it was")
        void refusedPatchLeavesBase() {
            RealmPolicy before = base;

            assertThatThrownBy(() -> RealmPolicyJson.merge(base, json("{\"grace-days\": 3, \"max-token-ttl\": 0}")))
                    .isInstanceOf(PolicyValidationException.class);
            assertThat(base).isEqualTo(before);
        }
    }

    @Nested
    class UnknownKeys {

        @Test
        @DisplayName("given a misspelt key then it is refused and the message names that key")
        void typo() {
            PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
                    () -> RealmPolicyJson.merge(RealmPolicy.DEFAULTS, json("{\"max-token-tll\": 60}")));

            assertThat(e.key()).isEqualTo("max-token-tll");
            assertThat(e).hasMessage("max-token-tll: unknown policy key");
        }

        @Test
        @DisplayName("given an unknown key next to valid keys then the whole patch is refused")
        void unknownBesideValid() {
            assertThatThrownBy(() -> RealmPolicyJson.merge(RealmPolicy.DEFAULTS, json("{\"grace-days\": 1, \"colour\": \"red\"}")))
                    .isInstanceOf(PolicyValidationException.class)
                    .hasMessage("colour: unknown policy key");
        }

        @Test
        @DisplayName("given a 10 KB key name then the message carries only its first 64 characters")
        void longKeyTruncated() {
            String name = "k".repeat(10_240);

            PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
                    () -> RealmPolicyJson.merge(RealmPolicy.DEFAULTS, MAPPER.createObjectNode().put(name, 1)));

            assertThat(e.key()).isEqualTo("k".repeat(64) + "...");
            assertThat(e.getMessage()).isEqualTo("k".repeat(64) + "...: unknown policy key").hasSizeLessThan(100);
        }

        @Test
        @DisplayName("given a key name with control characters then the message shows them as ?")
        void controlCharacters() {
            PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
                    () -> RealmPolicyJson.merge(RealmPolicy.DEFAULTS, MAPPER.createObjectNode().put("a\nb\u00e9", 1)));

            assertThat(e.key()).isEqualTo("a?b?");
        }
    }

    @Nested
    class Parse {

        @Test
        @DisplayName("given text that is not JSON then it is refused naming what was parsed")
        void notJson() {
            assertThatThrownBy(() -> RealmPolicyJson.parse("{mode: enforce", "policy"))
                    .isInstanceOf(PolicyValidationException.class)
                    .hasMessage("policy: is not valid JSON");
        }

        @Test
        @DisplayName("given a JSON array then it is refused as not an object")
        void array() {
            assertThatThrownBy(() -> RealmPolicyJson.parse("[1]", "policy"))
                    .isInstanceOf(PolicyValidationException.class)
                    .hasMessage("policy: must be a JSON object");
        }

        @Test
        @DisplayName("given empty text then it is refused")
        void empty() {
            assertThatThrownBy(() -> RealmPolicyJson.parse("", "policy"))
                    .isInstanceOf(PolicyValidationException.class)
                    .hasMessageStartingWith("policy: ");
        }
    }

    @Nested
    class Messages {

        static Stream<Arguments> refusedPatches() {
            return Stream.of(
                    Arguments.of("{\"mode\": \"strict\"}", "mode"),
                    Arguments.of("{\"unregistered-service-accounts\": 1}", "unregistered-service-accounts"),
                    Arguments.of("{\"max-token-ttl\": 86401}", "max-token-ttl"),
                    Arguments.of("{\"default-token-ttl\": \"300\"}", "default-token-ttl"),
                    Arguments.of("{\"default-review-interval-days\": 400}", "default-review-interval-days"),
                    Arguments.of("{\"reminder-days\": [0]}", "reminder-days"),
                    Arguments.of("{\"grace-token-ttl\": 0}", "grace-token-ttl"),
                    Arguments.of("{\"delete-retired\": \"yes\"}", "delete-retired"),
                    Arguments.of("{\"privileged-audiences\": [\"\"]}", "privileged-audiences"),
                    Arguments.of("{\"software-statement-keys\": {\"keys\": [{}]}}", "software-statement-keys"),
                    Arguments.of("{\"surprise\": true}", "surprise"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusedPatches")
        @DisplayName("given any refused patch then the message starts with the offending key")
        void messageStartsWithKey(String patch, String key) {
            PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
                    () -> RealmPolicyJson.merge(RealmPolicy.DEFAULTS, json(patch)));

            assertThat(e.key()).isEqualTo(key);
            assertThat(e.getMessage()).startsWith(key + ": ");
        }
    }
}
