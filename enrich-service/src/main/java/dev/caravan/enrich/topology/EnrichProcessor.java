package dev.caravan.enrich.topology;

import dev.caravan.enrich.fx.StoreFxRates;
import dev.caravan.enrich.gazetteer.LiveGazetteer;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/** Tags one article and converts its money with the rates of its own day from the global FX store. */
final class EnrichProcessor implements FixedKeyProcessor<String, RawArticle, EnrichedArticle> {

    private final LiveGazetteer gazetteer;
    private final String fxStore;
    private final String gazetteerStore;
    private final AtomicLong fxChanges;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;
    private StoreFxRates rates;
    private KeyValueStore<String, String> published;

    /** @param fxChanges the FX recorder's change counter: rates are remembered until a tick arrives */
    EnrichProcessor(LiveGazetteer gazetteer, String fxStore, String gazetteerStore, AtomicLong fxChanges) {
        this.gazetteer = gazetteer;
        this.fxStore = fxStore;
        this.gazetteerStore = gazetteerStore;
        this.fxChanges = fxChanges;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        VersionedKeyValueStore<String, FxTick> store = context.getStateStore(fxStore);
        this.rates = new StoreFxRates(store, fxChanges);
        this.published = context.getStateStore(gazetteerStore);
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
        if (record.value() == null) {
            return; // a tombstone carries no article
        }
        context.forward(record.withValue(gazetteer.enricher(published).enrich(record.value(), rates)));
    }
}
