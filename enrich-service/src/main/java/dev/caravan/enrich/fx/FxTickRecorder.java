package dev.caravan.enrich.fx;

import dev.caravan.enrich.topology.GlobalDeadLetters;
import dev.caravan.schema.FxTick;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Deserializer;
import dev.caravan.schema.Topics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/**
 * Keeps every tick in the global versioned store under its pair, versioned by its day (not by
 * when it arrived), so a lookup "as of day D" finds the rate that applied on D.
 */
public final class FxTickRecorder implements Processor<byte[], byte[], Void, Void> {

    private final String storeName;
    private final Deserializer<FxTick> ticks;
    private final GlobalDeadLetters deadLetters;
    private final AtomicLong changes;
    private VersionedKeyValueStore<String, FxTick> store;
    private ProcessorContext<Void, Void> context;

    /** Reads bytes and deserialises here, so an unreadable tick is dead-lettered rather than fatal (see GlobalDeadLetters). */
    public FxTickRecorder(String storeName, Deserializer<FxTick> ticks, GlobalDeadLetters deadLetters) {
        this(storeName, ticks, deadLetters, new AtomicLong());
    }

    /** @param changes bumped after every stored tick, so {@link StoreFxRates} readers forget what they remembered */
    public FxTickRecorder(String storeName, Deserializer<FxTick> ticks, GlobalDeadLetters deadLetters, AtomicLong changes) {
        this.storeName = storeName;
        this.ticks = ticks;
        this.deadLetters = deadLetters;
        this.changes = changes;
    }

    public static long versionOf(FxTick tick) {
        return Topics.fxTickTimestamp(tick.getAsOf());
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        String pair = new String(record.key(), StandardCharsets.UTF_8);
        FxTick tick;
        try {
            tick = ticks.deserialize(Topics.FX_TICKS, record.headers(), record.value());
        } catch (RuntimeException e) {
            var origin = context.recordMetadata();
            deadLetters.send(origin.map(m -> m.topic()).orElse(Topics.FX_TICKS), origin.map(m -> m.partition()).orElse(-1),
                    origin.map(m -> m.offset()).orElse(-1L), record.key(), record.value(), e);
            return;
        }
        store.put(pair, tick, versionOf(tick));
        changes.incrementAndGet(); // after the put: a reader that saw the old count re-reads
    }
}
