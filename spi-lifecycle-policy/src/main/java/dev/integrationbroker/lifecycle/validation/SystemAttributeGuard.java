package dev.integrationbroker.lifecycle.validation;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.BUSINESS_OWNER;
import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.STATUS;
import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.SYSTEM;

import java.util.Optional;

import dev.integrationbroker.lifecycle.model.IntegrationStatus;

/**
 * SPEC §1: system attributes are never set or changed through a client representation (the request is
 * refused, not silently altered), and an integration cannot be un-registered while it is not retired.
 */
public final class SystemAttributeGuard {

    private SystemAttributeGuard() {
    }

    public static Optional<Violation> check(AttributeWrite write) {
        Optional<String> touched = write.changed().stream().filter(SYSTEM::contains).sorted().findFirst();
        if (touched.isPresent()) {
            return Optional.of(new Violation(touched.get(), "is maintained by the system and cannot be set or changed by a client representation"));
        }
        boolean wasIntegration = write.before().containsKey(BUSINESS_OWNER);
        boolean stillIntegration = write.after().containsKey(BUSINESS_OWNER);
        boolean retired = IntegrationStatus.RETIRED.wire().equals(write.before().get(STATUS));
        if (wasIntegration && !stillIntegration && !retired) {
            return Optional.of(new Violation(BUSINESS_OWNER, "cannot be removed while the integration is not retired"));
        }
        return Optional.empty();
    }
}
