package dev.integrationbroker.audit.jpa;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

import dev.integrationbroker.audit.outbox.OutboxTransactions;
import dev.integrationbroker.audit.outbox.OutboxWork;
import dev.integrationbroker.audit.sink.SinkException;

/** Outbox work in a Keycloak session and transaction of its own, closed when the work ends. */
public final class SessionOutboxTransactions implements OutboxTransactions {

    private final KeycloakSessionFactory sessions;

    public SessionOutboxTransactions(KeycloakSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public <T> T run(OutboxWork<T> work) throws SinkException {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(sessions, session -> {
                try {
                    return work.run(JpaOutboxRepository.of(session));
                } catch (SinkException e) {
                    throw new SinkFailure(e); // carried out unchecked: the transaction is rolled back on the way
                }
            });
        } catch (SinkFailure failure) {
            throw failure.sinkException();
        }
    }

    /** Carries a checked sink failure through Keycloak's transaction wrapper. */
    private static final class SinkFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SinkFailure(SinkException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        SinkException sinkException() {
            return (SinkException) getCause();
        }
    }
}
