package dev.integrationbroker.audit.outbox;

import dev.integrationbroker.audit.sink.SinkException;

/** Runs outbox work in a transaction of its own: committed when the work returns, rolled back when it throws. */
@FunctionalInterface
public interface OutboxTransactions {

    <T> T run(OutboxWork<T> work) throws SinkException;
}
