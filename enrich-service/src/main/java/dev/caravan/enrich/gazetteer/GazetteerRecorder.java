package dev.caravan.enrich.gazetteer;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies {@code gazetteer.entities.v1} to the global store: the value is one gazetteer line
 * (type, name, aliases, country, region, tab-separated), a tombstone removes the entry.
 */
public final class GazetteerRecorder implements Processor<String, String, Void, Void> {

    private final String storeName;
    private final LiveGazetteer live;
    private KeyValueStore<String, String> store;

    public GazetteerRecorder(String storeName, LiveGazetteer live) {
        this.storeName = storeName;
        this.live = live;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null || record.value().isBlank()) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        live.changed();
    }
}
