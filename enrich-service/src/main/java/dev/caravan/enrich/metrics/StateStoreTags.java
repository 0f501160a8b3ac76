package dev.caravan.enrich.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka Streams tags a state store's metrics by the kind of store: {@code rocksdb-state-id},
 * {@code rocksdb-window-state-id}, {@code in-memory-state-id}. Prometheus wants one set of tag keys
 * per metric name, so the registry refused the metrics of every kind of store but the first it saw
 * ("registration has failed", and the trending window stores went unexported). One key,
 * {@code state-id}, for all of them; the store's name still tells what it is.
 */
public final class StateStoreTags implements MeterFilter {

    static final String KEY = "state-id";

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith("kafka.stream.state")) {
            return id;
        }
        List<Tag> tags = new ArrayList<>();
        boolean renamed = false;
        for (Tag tag : id.getTagsAsIterable()) {
            // Micrometer's Kafka binder writes the keys with dots (rocksdb.window.state.id), Kafka with dashes.
            if (tag.getKey().replace('.', '-').endsWith("-" + KEY)) {
                tags.add(Tag.of(KEY, tag.getValue()));
                renamed = true;
            } else {
                tags.add(tag);
            }
        }
        return renamed ? id.replaceTags(tags) : id;
    }
}
