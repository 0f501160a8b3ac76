package dev.caravan.enrich.topology;

import dev.caravan.enrich.fx.StoreFxRates;
import dev.caravan.enrich.gazetteer.LiveGazetteer;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/** Tags one article and converts its money with the rates of its own day from the global FX store. */
final class EnrichProcessor implements FixedKeyProcessor<String, RawArticle, EnrichOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

    private final LiveGazetteer gazetteer;
    private final String fxStore;
    private final String gazetteerStore;
    private final AtomicLong fxChanges;
    private final RecordSizeGuard sizeGuard;
    private FixedKeyProcessorContext<String, EnrichOutcome> context;
    private StoreFxRates rates;
    private KeyValueStore<String, String> published;

    /** @param fxChanges the FX recorder's change counter: rates are remembered until a tick arrives */
    EnrichProcessor(LiveGazetteer gazetteer, String fxStore, String gazetteerStore, AtomicLong fxChanges,
                    RecordSizeGuard sizeGuard) {
        this.sizeGuard = sizeGuard;
        this.gazetteer = gazetteer;
        this.fxStore = fxStore;
        this.gazetteerStore = gazetteerStore;
        this.fxChanges = fxChanges;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichOutcome> context) {
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
        EnrichedArticle enriched = gazetteer.enricher(published).enrich(record.value(), rates);
        String tooLarge = sizeGuard.tooLarge(enriched);
        if (tooLarge == null) {
            context.forward(record.withValue(EnrichOutcome.of(enriched)));
            return;
        }
        LOG.warn("Dead-lettering article {}: {}", record.key(), tooLarge);
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(GlobalDeadLetters.REASON, tooLarge.getBytes(StandardCharsets.UTF_8));
        headers.add(GlobalDeadLetters.ORIGIN_TOPIC, Topics.RAW_ARTICLES.getBytes(StandardCharsets.UTF_8));
        context.recordMetadata().ifPresent(meta -> {
            headers.add(GlobalDeadLetters.ORIGIN_PARTITION, Integer.toString(meta.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add(GlobalDeadLetters.ORIGIN_OFFSET, Long.toString(meta.offset()).getBytes(StandardCharsets.UTF_8));
        });
        context.forward(record.withValue(EnrichOutcome.rejected(record.value(), tooLarge)).withHeaders(headers));
    }
}
