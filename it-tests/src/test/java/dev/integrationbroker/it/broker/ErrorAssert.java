package dev.integrationbroker.it.broker;

import dev.integrationbroker.it.harness.ErrorAnswers;
import dev.integrationbroker.it.harness.JsonResponse;

/** Token-endpoint error answers: status, error and error_description. */
final class ErrorAssert {

    private ErrorAssert() {
    }

    static void assertOAuthError(JsonResponse response, int status, String error, String description) {
        ErrorAnswers.assertError(response, status, error, description);
    }
}
