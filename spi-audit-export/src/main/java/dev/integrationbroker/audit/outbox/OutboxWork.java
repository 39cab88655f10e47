package dev.integrationbroker.audit.outbox;

import dev.integrationbroker.audit.sink.SinkException;

/** A unit of work on the outbox, run in one transaction. */
@FunctionalInterface
public interface OutboxWork<T> {

    T run(OutboxRepository repository) throws SinkException;
}
