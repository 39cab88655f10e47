package dev.integrationbroker.lifecycle.audit;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Whether the audit trail can take more records (SPEC §5 backlog bound). The issuance gate asks it before a token
 * is issued and answers 503 {@code temporarily_unavailable} when it is not accepting. Answers from memory: no
 * database query per call.
 */
public interface AuditBacklog extends Provider {

    /**
     * False only when {@code fail-closed=true} and the undelivered backlog exceeds {@code max-backlog}; true
     * otherwise (also while the audit module is not yet started).
     */
    boolean accepting(RealmModel realm);
}
