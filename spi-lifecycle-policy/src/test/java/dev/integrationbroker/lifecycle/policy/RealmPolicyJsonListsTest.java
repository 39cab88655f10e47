package dev.integrationbroker.lifecycle.policy;

import static dev.integrationbroker.lifecycle.policy.RealmPolicyJsonTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The list and object keys of the realm policy: reminder-days, privileged-audiences, software-statement-keys. */
class RealmPolicyJsonListsTest {

    private static final String PUBLIC_RSA = "{\"kty\": \"RSA\", \"kid\": \"k1\", \"n\": \"sXch\", \"e\": \"AQAB\"}";

    private static RealmPolicy merge(String patch) {
        return RealmPolicyJson.merge(RealmPolicy.DEFAULTS, json(patch));
    }

    private static PolicyValidationException refusal(String patch) {
        return catchThrowableOfType(PolicyValidationException.class, () -> merge(patch));
    }

    @Nested
    class ReminderDays {

        private static final String RULE = "reminder-days: must be an array of at most 10 distinct integers from 1 to 365";

        @Test
        @DisplayName("given reminder days in any order then they are stored sorted descending")
        void sortedDescending() {
            assertThat(merge("{\"reminder-days\": [1, 30, 7, 365]}").reminderDays()).containsExactly(365, 30, 7, 1);
        }

        @Test
        @DisplayName("given an empty array then no reminders are sent")
        void emptyAccepted() {
            assertThat(merge("{\"reminder-days\": []}").reminderDays()).isEmpty();
        }

        @Test
        @DisplayName("given a day listed twice then it is refused")
        void duplicateRefused() {
            assertThat(refusal("{\"reminder-days\": [7, 14, 7]}")).hasMessage(RULE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "366", "-1", "1.5", "\"7\"", "null", "2147483648"})
        @DisplayName("given a day out of range or not an integer then it is refused")
        void badDayRefused(String day) {
            assertThat(refusal("{\"reminder-days\": [14, " + day + "]}")).hasMessage(RULE);
        }

        @Test
        @DisplayName("given eleven days then it is refused")
        void tooManyRefused() {
            String days = IntStream.rangeClosed(1, 11).mapToObj(Integer::toString).collect(Collectors.joining(","));

            assertThat(refusal("{\"reminder-days\": [" + days + "]}")).hasMessage(RULE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"14", "\"14 7 1\"", "{}", "null"})
        @DisplayName("given reminder-days that is not an array then it is refused")
        void notArrayRefused(String value) {
            assertThat(refusal("{\"reminder-days\": " + value + "}")).hasMessage(RULE);
        }
    }

    @Nested
    class PrivilegedAudienceList {

        @Test
        @DisplayName("given repeated client ids then each is kept once in first-seen order")
        void deduplicated() {
            assertThat(merge("{\"privileged-audiences\": [\"payroll\", \"hr-api\", \"payroll\"]}").privilegedAudiences())
                    .containsExactly("payroll", "hr-api");
        }

        @Test
        @DisplayName("given a client id of 255 characters then it is accepted")
        void longestAccepted() {
            String id = "c".repeat(255);

            assertThat(merge("{\"privileged-audiences\": [\"" + id + "\"]}").privilegedAudiences()).containsExactly(id);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"\"", "\"   \"", "42", "null", "[\"x\"]"})
        @DisplayName("given a blank or non-string entry then it is refused")
        void badEntryRefused(String entry) {
            assertThat(refusal("{\"privileged-audiences\": [\"ok\", " + entry + "]}"))
                    .hasMessage("privileged-audiences: each entry must be a client id of 1 to 255 characters");
        }

        @Test
        @DisplayName("given a client id of 256 characters then it is refused")
        void tooLongRefused() {
            assertThat(refusal("{\"privileged-audiences\": [\"" + "c".repeat(256) + "\"]}"))
                    .hasMessage("privileged-audiences: each entry must be a client id of 1 to 255 characters");
        }

        @Test
        @DisplayName("given 101 entries then it is refused")
        void tooManyRefused() {
            String ids = IntStream.rangeClosed(1, 101).mapToObj(i -> "\"c" + i + "\"").collect(Collectors.joining(","));

            assertThat(refusal("{\"privileged-audiences\": [" + ids + "]}"))
                    .hasMessage("privileged-audiences: must be an array of at most 100 client ids");
        }

        @Test
        @DisplayName("given a single string instead of an array then it is refused")
        void notArrayRefused() {
            assertThat(refusal("{\"privileged-audiences\": \"payroll\"}"))
                    .hasMessage("privileged-audiences: must be an array of at most 100 client ids");
        }
    }

    @Nested
    class SoftwareStatementKeys {

        @Test
        @DisplayName("given an empty object then no keys are trusted")
        void emptyObjectIsNone() {
            RealmPolicy withKeys = merge("{\"software-statement-keys\": {\"keys\": [" + PUBLIC_RSA + "]}}");

            assertThat(RealmPolicyJson.merge(withKeys, json("{\"software-statement-keys\": {}}")).softwareStatementKeys()).isNull();
        }

        @Test
        @DisplayName("given JSON null then no keys are trusted")
        void nullIsNone() {
            RealmPolicy withKeys = merge("{\"software-statement-keys\": {\"keys\": [" + PUBLIC_RSA + "]}}");

            assertThat(RealmPolicyJson.merge(withKeys, json("{\"software-statement-keys\": null}")).softwareStatementKeys()).isNull();
        }

        @Test
        @DisplayName("given a JWKS of public keys then it is stored as JSON text")
        void publicKeysStored() {
            RealmPolicy policy = merge("{\"software-statement-keys\": {\"keys\": [" + PUBLIC_RSA + "]}}");

            assertThat(json(policy.softwareStatementKeys())).isEqualTo(json("{\"keys\": [" + PUBLIC_RSA + "]}"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"keys\": []}", "{\"kty\": \"RSA\"}", "{\"keys\": {}}", "\"jwks\"", "[]", "42"})
        @DisplayName("given no keys array or not an object then it is refused")
        void notJwksRefused(String value) {
            assertThat(refusal("{\"software-statement-keys\": " + value + "}"))
                    .hasMessage("software-statement-keys: must be a JWKS object with a non-empty \"keys\" array");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"kid\": \"k1\", \"n\": \"sXch\", \"e\": \"AQAB\"}", "{\"kty\": 3}"})
        @DisplayName("given a key without a textual kty then it is refused")
        void keyWithoutKtyRefused(String key) {
            assertThat(refusal("{\"software-statement-keys\": {\"keys\": [" + PUBLIC_RSA + ", " + key + "]}}"))
                    .hasMessage("software-statement-keys: every key needs a \"kty\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"kty\": \"RSA\", \"n\": \"sXch\", \"e\": \"AQAB\", \"d\": \"secret\"}",
                "{\"kty\": \"RSA\", \"n\": \"sXch\", \"e\": \"AQAB\", \"p\": \"secret\"}",
                "{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"AA\", \"y\": \"BB\", \"d\": \"secret\"}",
                "{\"kty\": \"OKP\", \"crv\": \"Ed25519\", \"x\": \"AA\", \"d\": \"secret\"}",
                "{\"kty\": \"oct\", \"k\": \"c2VjcmV0\"}"})
        @DisplayName("given a key with private or symmetric material (d, p, k) then it is refused")
        void privateKeyRefused(String key) {
            assertThat(refusal("{\"software-statement-keys\": {\"keys\": [" + key + "]}}"))
                    .hasMessage("software-statement-keys: must hold public keys only");
        }

        @ParameterizedTest
        @ValueSource(strings = {"q", "dp", "dq", "qi", "oth"})
        @DisplayName("given an RSA key with another private member then it is refused")
        void otherRsaPrivateMembersRefused(String member) {
            String key = "{\"kty\": \"RSA\", \"n\": \"sXch\", \"e\": \"AQAB\", \"" + member + "\": \"secret\"}";

            assertThat(refusal("{\"software-statement-keys\": {\"keys\": [" + key + "]}}"))
                    .hasMessage("software-statement-keys: must hold public keys only");
        }

        @Test
        @DisplayName("given stored keys then toJson returns them as an object, not as text")
        void toJsonWritesObject() {
            RealmPolicy policy = merge("{\"software-statement-keys\": {\"keys\": [" + PUBLIC_RSA + "]}}");

            assertThat(RealmPolicyJson.toJson(policy).get("software-statement-keys").isObject()).isTrue();
        }
    }

    @Test
    @DisplayName("given a merged policy then its lists cannot be modified")
    void listsImmutable() {
        RealmPolicy policy = merge("{\"reminder-days\": [3], \"privileged-audiences\": [\"a\"]}");

        assertThat(policy.reminderDays()).isUnmodifiable();
        assertThat(policy.privilegedAudiences()).isUnmodifiable();
    }
}
