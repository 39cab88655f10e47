package dev.integrationbroker.audit.testing;

import java.util.ArrayList;
import java.util.List;

import dev.integrationbroker.audit.sink.AuditSink;
import dev.integrationbroker.audit.sink.SinkException;
import dev.integrationbroker.audit.sink.SinkRecord;

/** A sink that keeps what it is given, and fails while told to. */
public final class RecordingSink implements AuditSink {

    private final List<List<SinkRecord>> batches = new ArrayList<>();
    private boolean failing;

    public void failing(boolean value) {
        failing = value;
    }

    public List<List<SinkRecord>> batches() {
        return batches;
    }

    public List<SinkRecord> records() {
        return batches.stream().flatMap(List::stream).toList();
    }

    @Override
    public void deliver(List<SinkRecord> batch) throws SinkException {
        if (failing) {
            throw new SinkException("sink down");
        }
        batches.add(List.copyOf(batch));
    }

    @Override
    public String describe() {
        return "recording";
    }
}
