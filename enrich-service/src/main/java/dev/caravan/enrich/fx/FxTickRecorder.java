package dev.caravan.enrich.fx;

import dev.caravan.schema.FxTick;
import dev.caravan.schema.Topics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/**
 * Keeps every tick in the global versioned store under its pair, versioned by its day (not by
 * when it arrived), so a lookup "as of day D" finds the rate that applied on D.
 */
public final class FxTickRecorder implements Processor<String, FxTick, Void, Void> {

    private final String storeName;
    private VersionedKeyValueStore<String, FxTick> store;

    public FxTickRecorder(String storeName) {
        this.storeName = storeName;
    }

    public static long versionOf(FxTick tick) {
        return Topics.fxTickTimestamp(tick.getAsOf());
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, FxTick> record) {
        FxTick tick = record.value();
        if (record.key() == null || tick == null) {
            return;
        }
        store.put(record.key(), tick, versionOf(tick));
    }
}
