package dev.integrationbroker.it.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrationbroker.it.harness.JsonResponse;

/** The one way every negative test checks an OAuth error answer: status, error and error_description. */
final class ErrorAssert {

    private ErrorAssert() {
    }

    static void assertOAuthError(JsonResponse response, int status, String error, String description) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.json().path("error").asText()).as("error of %s", response).isEqualTo(error);
        assertThat(response.json().path("error_description").asText()).as("error_description of %s", response).isEqualTo(description);
    }
}
