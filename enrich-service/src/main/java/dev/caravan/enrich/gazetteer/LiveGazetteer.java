package dev.caravan.enrich.gazetteer;

import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.enrich.tag.GazetteerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled gazetteer plus the entries newsrooms published on {@code gazetteer.entities.v1}.
 * The global store holds the topic's entries; when it changes, the next article rebuilds the
 * tagger once (building the automaton takes milliseconds; updates are rare).
 */
public final class LiveGazetteer {

    private static final Logger LOG = LoggerFactory.getLogger(LiveGazetteer.class);

    private final Gazetteer bundled;
    private final Function<Gazetteer, ArticleEnricher> enricherFactory;
    private final AtomicLong version = new AtomicLong(1);
    private volatile Snapshot current;

    private record Snapshot(long version, ArticleEnricher enricher) {
    }

    public LiveGazetteer(Gazetteer bundled, Function<Gazetteer, ArticleEnricher> enricherFactory) {
        this.bundled = bundled;
        this.enricherFactory = enricherFactory;
    }

    /** Called by the global store's processor after each change. */
    public void changed() {
        version.incrementAndGet();
    }

    public ArticleEnricher enricher(ReadOnlyKeyValueStore<String, String> store) {
        Snapshot snapshot = current;
        long wanted = version.get();
        if (snapshot != null && snapshot.version() == wanted) {
            return snapshot.enricher();
        }
        synchronized (this) {
            if (current == null || current.version() != wanted) {
                List<GazetteerEntry> entries = new ArrayList<>(published(store));
                int added = entries.size();
                entries.addAll(bundled.entries()); // published entries first: they win an ambiguous alias
                current = new Snapshot(wanted, enricherFactory.apply(new Gazetteer(entries)));
                LOG.info("Tagger rebuilt: {} bundled + {} published gazetteer entries", bundled.entries().size(), added);
            }
            return current.enricher();
        }
    }

    private static List<GazetteerEntry> published(ReadOnlyKeyValueStore<String, String> store) {
        List<GazetteerEntry> entries = new ArrayList<>();
        try (KeyValueIterator<String, String> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> kv = all.next();
                try {
                    entries.add(Gazetteer.parseLine("gazetteer.entities.v1[" + kv.key + "]", 1, kv.value));
                } catch (IllegalArgumentException e) {
                    LOG.warn("Ignoring gazetteer entry {}: {}", kv.key, e.getMessage());
                }
            }
        }
        return entries;
    }
}
