package dev.integrationbroker.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

/** The one way negative tests check an error answer: status, {@code error} and {@code error_description}. */
public final class ErrorAnswers {

    private ErrorAnswers() {
    }

    public static void assertError(JsonResponse response, int status, String error, String description) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.json().path("error").asText()).as("error of %s", response).isEqualTo(error);
        assertThat(response.json().path("error_description").asText()).as("error_description of %s", response).isEqualTo(description);
    }
}
