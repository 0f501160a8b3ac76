package dev.caravan.enrich.topology;

import dev.caravan.enrich.fx.StoreFxRates;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/** Tags one article and converts its money with the rates of its own day from the global FX store. */
final class EnrichProcessor implements FixedKeyProcessor<String, RawArticle, EnrichedArticle> {

    private final ArticleEnricher enricher;
    private final String fxStore;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;
    private StoreFxRates rates;

    EnrichProcessor(ArticleEnricher enricher, String fxStore) {
        this.enricher = enricher;
        this.fxStore = fxStore;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        VersionedKeyValueStore<String, FxTick> store = context.getStateStore(fxStore);
        this.rates = new StoreFxRates(store);
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
        if (record.value() == null) {
            return; // a tombstone carries no article
        }
        context.forward(record.withValue(enricher.enrich(record.value(), rates)));
    }
}
