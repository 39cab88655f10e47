package dev.integrationbroker.broker.tokenexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.OptionalLong;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §3.1: the RFC 8693 parameters the broker accepts, and the single answer for each bad request. */
class ExchangeParametersTest {

    private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private final MultivaluedMap<String, String> form = new MultivaluedHashMap<>();

    ExchangeParametersTest() {
        form.putSingle("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.putSingle("subject_token", "eyJhbGciOiJSUzI1NiJ9.e30.sig");
        form.putSingle("subject_token_type", ACCESS_TOKEN_TYPE);
        form.putSingle("audience", "contacts-api");
        form.putSingle("scope", "contacts:read");
    }

    private ExchangeRefusal refusal() {
        return catchThrowableOfType(ExchangeRefusal.class, () -> ExchangeParameters.parse(form));
    }

    @Nested
    class Valid {

        @Test
        @DisplayName("given a minimal valid request then its values are returned and no lifetime is requested")
        void minimal() {
            ExchangeParameters parameters = ExchangeParameters.parse(form);

            assertThat(parameters.subjectToken()).isEqualTo("eyJhbGciOiJSUzI1NiJ9.e30.sig");
            assertThat(parameters.audiences()).containsExactly("contacts-api");
            assertThat(parameters.scopes()).containsExactly("contacts:read");
            assertThat(parameters.requestedLifetime()).isEmpty();
        }

        @Test
        @DisplayName("given requested_token_type access_token then it is accepted")
        void explicitAccessToken() {
            form.putSingle("requested_token_type", ACCESS_TOKEN_TYPE);

            assertThat(ExchangeParameters.parse(form).audiences()).containsExactly("contacts-api");
        }

        @Test
        @DisplayName("given repeated audiences then each is kept once, trimmed, in request order")
        void audiencesDeduplicated() {
            form.put("audience", List.of("contacts-api", " billing-api ", "contacts-api", ""));

            assertThat(ExchangeParameters.parse(form).audiences()).containsExactly("contacts-api", "billing-api");
        }

        @Test
        @DisplayName("given a scope list with repeats and extra spaces then each scope is kept once in order")
        void scopesDeduplicated() {
            form.putSingle("scope", "  contacts:read   contacts:write contacts:read ");

            assertThat(ExchangeParameters.parse(form).scopes()).containsExactly("contacts:read", "contacts:write");
        }

        @Test
        @DisplayName("given requested_lifetime 60 then 60 seconds are requested")
        void lifetime() {
            form.putSingle("requested_lifetime", "60");

            assertThat(ExchangeParameters.parse(form).requestedLifetime()).isEqualTo(OptionalLong.of(60));
        }
    }

    @Nested
    class Delegation {

        @Test
        @DisplayName("given an actor_token then it is refused as invalid_request")
        void actorToken() {
            form.putSingle("actor_token", "eyJ.actor.sig");

            ExchangeRefusal refusal = refusal();

            assertThat(refusal.error()).isEqualTo("invalid_request");
            assertThat(refusal.description()).isEqualTo("actor_token is not supported: delegation is not allowed");
            assertThat(refusal.reason()).isEqualTo("actor_token");
        }

        @Test
        @DisplayName("given an actor_token_type alone then it is refused as invalid_request")
        void actorTokenType() {
            form.putSingle("actor_token_type", ACCESS_TOKEN_TYPE);

            assertThat(refusal().error()).isEqualTo("invalid_request");
        }

        @Test
        @DisplayName("given an actor_token and no subject_token then the actor_token is the answer")
        void actorFirst() {
            form.remove("subject_token");
            form.putSingle("actor_token", "eyJ.actor.sig");

            assertThat(refusal().reason()).isEqualTo("actor_token");
        }

        @Test
        @DisplayName("given a resource then it is refused as invalid_target")
        void resource() {
            form.putSingle("resource", "https://api.example.com/");

            ExchangeRefusal refusal = refusal();

            assertThat(refusal.error()).isEqualTo("invalid_target");
            assertThat(refusal.description()).isEqualTo("resource is not supported: name the target with audience");
        }

        @Test
        @DisplayName("given an empty resource parameter then it is still refused as invalid_target")
        void emptyResource() {
            form.putSingle("resource", "");

            assertThat(refusal().error()).isEqualTo("invalid_target");
        }
    }

    @Nested
    class SubjectToken {

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        @DisplayName("given a blank subject_token then it is refused as required")
        void blank(String value) {
            form.putSingle("subject_token", value);

            ExchangeRefusal refusal = refusal();

            assertThat(refusal.error()).isEqualTo("invalid_request");
            assertThat(refusal.description()).isEqualTo("subject_token is required");
        }

        @Test
        @DisplayName("given no subject_token then it is refused as required")
        void missing() {
            form.remove("subject_token");

            assertThat(refusal().description()).isEqualTo("subject_token is required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"urn:ietf:params:oauth:token-type:id_token", "urn:ietf:params:oauth:token-type:jwt", "access_token"})
        @DisplayName("given a subject_token_type other than access_token then it is refused")
        void wrongType(String type) {
            form.putSingle("subject_token_type", type);

            ExchangeRefusal refusal = refusal();

            assertThat(refusal.error()).isEqualTo("invalid_request");
            assertThat(refusal.description()).isEqualTo("subject_token_type must be " + ACCESS_TOKEN_TYPE);
        }

        @Test
        @DisplayName("given no subject_token_type then it is refused")
        void missingType() {
            form.remove("subject_token_type");

            assertThat(refusal().reason()).isEqualTo("subject_token_type");
        }
    }

    @Nested
    class RequestedTokenType {

        @ParameterizedTest
        @ValueSource(strings = {"urn:ietf:params:oauth:token-type:refresh_token", "urn:ietf:params:oauth:token-type:id_token", ""})
        @DisplayName("given a refresh or ID token requested then it is refused as invalid_request")
        void notAccessToken(String type) {
            form.putSingle("requested_token_type", type);

            ExchangeRefusal refusal = refusal();

            assertThat(refusal.error()).isEqualTo("invalid_request");
            assertThat(refusal.description()).isEqualTo("requested_token_type must be " + ACCESS_TOKEN_TYPE + ": only access tokens are issued");
        }
    }

    @Nested
    class Audience {

        @Test
        @DisplayName("given no audience then it is refused as invalid_request")
        void missing() {
            form.remove("audience");

            ExchangeRefusal refusal = refusal();

            assertThat(refusal.error()).isEqualTo("invalid_request");
            assertThat(refusal.description()).isEqualTo("audience is required");
        }

        @Test
        @DisplayName("given only blank audiences then it is refused as invalid_request")
        void blank() {
            form.put("audience", List.of(" ", ""));

            ExchangeRefusal refusal = refusal();

            assertThat(refusal.error()).isEqualTo("invalid_request");
            assertThat(refusal.description()).isEqualTo("audience is required");
        }
    }

    @Nested
    class Scope {

        @Test
        @DisplayName("given no scope then it is refused as invalid_scope")
        void missing() {
            form.remove("scope");

            ExchangeRefusal refusal = refusal();

            assertThat(refusal.error()).isEqualTo("invalid_scope");
            assertThat(refusal.description()).isEqualTo("scope is required");
        }

        @Test
        @DisplayName("given a blank scope then it is refused as invalid_scope")
        void blank() {
            form.putSingle("scope", "   ");

            assertThat(refusal().error()).isEqualTo("invalid_scope");
        }

        @Test
        @DisplayName("given a 100 KB scope then it is refused as too long without echoing it")
        void tooLong() {
            form.putSingle("scope", "contacts:read ".repeat(7_400));

            ExchangeRefusal refusal = refusal();

            assertThat(refusal.error()).isEqualTo("invalid_scope");
            assertThat(refusal.description()).isEqualTo("scope is too long");
        }
    }

    @Nested
    class RequestedLifetime {

        @ParameterizedTest
        @ValueSource(strings = {"0", "-5", "abc", "1.5", "", " ", "60s", "0x3c"})
        @DisplayName("given a requested_lifetime that is not a whole number of at least 1 then it is refused")
        void invalid(String value) {
            form.putSingle("requested_lifetime", value);

            ExchangeRefusal refusal = refusal();

            assertThat(refusal.error()).isEqualTo("invalid_request");
            assertThat(refusal.description()).isEqualTo("requested_lifetime must be a whole number of seconds of at least 1");
        }

        @Test
        @DisplayName("given requested_lifetime twice then it is refused")
        void repeated() {
            form.put("requested_lifetime", List.of("60", "60"));

            ExchangeRefusal refusal = refusal();

            assertThat(refusal.error()).isEqualTo("invalid_request");
            assertThat(refusal.description()).isEqualTo("requested_lifetime must be given once");
        }

        @Test
        @DisplayName("given requested_lifetime 1 then it is accepted as the shortest")
        void one() {
            form.putSingle("requested_lifetime", "1");

            assertThat(ExchangeParameters.parse(form).requestedLifetime()).isEqualTo(OptionalLong.of(1));
        }

        @Test
        @DisplayName("given a requested_lifetime larger than a long then it is accepted (and capped later)")
        void hugeIsCapped() {
            form.putSingle("requested_lifetime", "99999999999999999999");

            assertThat(ExchangeParameters.parse(form).requestedLifetime()).isPresent();
        }
    }

    @Nested
    class Order {

        @Test
        @DisplayName("given both audience and scope missing then the audience is the answer")
        void audienceBeforeScope() {
            form.remove("audience");
            form.remove("scope");

            assertThat(refusal().description()).isEqualTo("audience is required");
        }

        @Test
        @DisplayName("given a bad subject_token_type and a resource then the resource is the answer")
        void resourceBeforeSubject() {
            form.putSingle("subject_token_type", "x");
            form.putSingle("resource", "https://api.example.com/");

            assertThat(refusal().error()).isEqualTo("invalid_target");
        }
    }
}
